package io.outdial.sip.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The SIPp runner itself: it starts, listens, counts and always goes away. */
class SippIT {

    @Test
    void stoppingAPhoneThatTookNoCallReportsZeroCallsAndEndsTheProcess() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).start()) {
            assertTrue(phone.isAlive());
            assertTrue(phone.mediaPort() % 2 == 0, "SIPp's RTP port is even");

            Sipp.Result result = phone.stop();

            assertFalse(phone.isAlive());
            assertEquals(0, result.successful(), result::describe);
            assertEquals(0, result.failed(), result::describe);
        }
    }

    @Test
    void unknownScenarioIsRefusedBeforeAnyProcessStarts() {
        assertThrows(IllegalArgumentException.class, () -> Sipp.scenario("no-such-scenario.xml").start());
    }
}
