package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.SipStackImpl;
import io.outdial.sip.SipConfig;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StackPropertiesTest {

    @Test
    void theStackRunsTheWheelTimer() throws Exception {
        // java.util.Timer (the RI's default) kept every call's cancelled hour-long early-dialog task, and its dialog,
        // in memory: heap after GC rose about 1.4 KB per call in the soak (issue 13); the RI's executor timer parked
        // call executors on its lock (NonBlockingIT).
        Properties p = StackProperties.of(new SipConfig("127.0.0.1", 5060, 0, "test", 1));
        SipStackImpl stack = new SipStackImpl(p);
        try {
            assertTrue(stack.getTimer() instanceof WheelSipTimer, stack.getTimer().getClass().getName());
            assertTrue(stack.getTimer().isStarted());
        } finally {
            stack.stop();
        }
    }

    @Test
    void udpBuffersAreAskedLargerThanTheStacksDefault() {
        Properties p = StackProperties.of(new SipConfig("127.0.0.1", 5060, 0, "test", 1));
        assertEquals(Integer.toString(4 * 1024 * 1024), p.getProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE"));
        assertEquals(Integer.toString(4 * 1024 * 1024), p.getProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE"));
    }
}
