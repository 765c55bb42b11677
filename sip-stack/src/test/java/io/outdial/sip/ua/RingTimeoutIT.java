package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegState;
import io.outdial.sip.Transport;
import io.outdial.sip.TrunkConfig;
import io.outdial.core.exec.VirtualScheduler;
import io.outdial.sip.testing.GatewayUnderTest;
import io.outdial.sip.testing.LegEvents;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The ring timeout runs on the call's scheduler: virtual time here, so the test takes a second, not fifteen. */
class RingTimeoutIT {
    private static final Duration STEP = Duration.ofSeconds(10);

    @Test
    void unansweredCallIsCancelledAfterTheRingTimeoutAndFailsAsRingTimeout() throws Exception {
        VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-01-05T10:00:00Z"));
        try (GatewayUnderTest gateway = GatewayUnderTest.start(clock);
             Sipp contact = Sipp.scenario("uas-ring-forever.xml").start()) {
            TrunkConfig trunk = new TrunkConfig("127.0.0.1", contact.sipPort(), Transport.UDP, null, "100", null);
            LegEvents events = new LegEvents();
            Leg leg = gateway.ua().dial(DialRequest.contactViaTrunk(trunk, "9995550000", DialRequest.MIN_RING_TIMEOUT),
                    gateway.newCall(), events);
            events.awaitType(LegEvent.Ringing.class, STEP);

            clock.advance(Duration.ofMillis(14_999));
            assertEquals(LegState.RINGING, leg.state(), "still ringing at 14,999 ms");
            clock.advance(Duration.ofMillis(1));

            LegEvent.Failed failed = events.awaitType(LegEvent.Failed.class, STEP);
            assertEquals(LegEvent.FailureKind.RING_TIMEOUT, failed.kind());
            assertEquals(487, failed.status());
            Sipp.Result result = contact.awaitExit(STEP);
            assertTrue(result.passed(), result::describe); // SIPp got its CANCEL and the ACK of the 487
            gateway.awaitIdle(STEP);
        }
    }

    @Test
    void answerCrossingTheRingTimeoutsCancelIsKeptAsAnAnsweredCall() throws Exception {
        // The agent who picks up just as the ring timeout cancels: SIPp answers its INVITE after our CANCEL. The leg
        // ACKs the 2xx and reports an answer (not a failure that would abandon the contact); BYE only on hangup.
        VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-01-05T10:00:00Z"));
        try (GatewayUnderTest gateway = GatewayUnderTest.start(clock);
             Sipp phone = Sipp.scenario("uas-answer-crossing-cancel.xml").start()) {
            TrunkConfig trunk = new TrunkConfig("127.0.0.1", phone.sipPort(), Transport.UDP, null, "100", null);
            LegEvents events = new LegEvents();
            Leg leg = gateway.ua().dial(DialRequest.contactViaTrunk(trunk, "9995550001", DialRequest.MIN_RING_TIMEOUT),
                    gateway.newCall(), events);
            events.awaitType(LegEvent.Ringing.class, STEP);

            clock.advance(Duration.ofSeconds(15));

            events.awaitType(LegEvent.Answered.class, STEP);
            assertEquals(LegState.ANSWERED, leg.state());
            leg.hangup();
            LegEvent.Ended ended = events.awaitType(LegEvent.Ended.class, STEP);
            assertEquals(LegEvent.EndReason.LOCAL_HANGUP, ended.reason());
            Sipp.Result result = phone.awaitExit(STEP);
            assertTrue(result.passed(), result::describe); // SIPp insists on the ACK of its 200 and on the BYE
            gateway.awaitIdle(STEP);
        }
    }
}
