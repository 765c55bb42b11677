package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegState;
import io.outdial.sip.Transport;
import io.outdial.sip.TrunkConfig;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.VirtualScheduler;
import io.outdial.sip.testing.GatewayUnderTest;
import io.outdial.sip.testing.LegEvents;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The RTP inactivity timeout (default 60 s) on the call's scheduler, in virtual time: a far end that answered but
 * sends no RTP is hung up with BYE and its leg leaves the registry; one that sends RTP stays up.
 */
class RtpInactivityIT {
    private static final Duration STEP = Duration.ofSeconds(10);

    @Test
    void anAnsweredFarEndThatSendsNoRtpIsHungUpAfterTheTimeout() throws Exception {
        VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-01-05T10:00:00Z"));
        try (GatewayUnderTest gateway = GatewayUnderTest.start(clock);
             Sipp far = Sipp.scenario("uas-answer-silent.xml").start()) {
            LegEvents events = new LegEvents();
            CallExecutor call = gateway.newCall();
            Leg leg = gateway.ua().dial(DialRequest.contactViaTrunk(trunk(far), "9995550002",
                    DialRequest.MIN_RING_TIMEOUT), call, events);
            events.awaitType(LegEvent.Answered.class, STEP);

            for (int s = 0; s < 59; s++) {
                advance(clock, call);
            }
            assertEquals(LegState.ANSWERED, leg.state(), "still up 59 s after the answer");
            advance(clock, call);
            advance(clock, call);

            LegEvent.Ended ended = events.awaitType(LegEvent.Ended.class, STEP);
            assertEquals(LegEvent.EndReason.MEDIA_TIMEOUT, ended.reason());
            Sipp.Result result = far.awaitExit(STEP);
            assertTrue(result.passed(), result::describe); // SIPp got its BYE
            gateway.awaitIdle(STEP);
        }
    }

    @Test
    void aFarEndSendingRtpIsNotHungUp() throws Exception {
        VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-01-05T10:00:00Z"));
        try (GatewayUnderTest gateway = GatewayUnderTest.start(clock);
             Sipp far = Sipp.scenario("uas-answer-wait-bye.xml").start()) {
            LegEvents events = new LegEvents();
            CallExecutor call = gateway.newCall();
            Leg leg = gateway.ua().dial(DialRequest.contactViaTrunk(trunk(far), "9995550003",
                    DialRequest.MIN_RING_TIMEOUT), call, events);
            events.awaitType(LegEvent.Answered.class, STEP);

            // Each virtual second waits for a real packet to land, so the count moves between the looks.
            for (int s = 0; s < 90; s++) {
                long before = leg.media().stats().packetsReceived();
                long deadline = System.nanoTime() + STEP.toNanos();
                while (leg.media().stats().packetsReceived() == before && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                advance(clock, call);
            }
            assertEquals(LegState.ANSWERED, leg.state(), "a talking far end is never taken as gone");
            leg.hangup();
            assertEquals(LegEvent.EndReason.LOCAL_HANGUP, events.awaitType(LegEvent.Ended.class, STEP).reason());
            Sipp.Result result = far.awaitExit(STEP);
            assertTrue(result.passed(), result::describe);
            gateway.awaitIdle(STEP);
        }
    }

    /** One virtual second, then waits until the timers it fired have run on the call's executor. */
    private static void advance(VirtualScheduler clock, CallExecutor call) throws InterruptedException {
        clock.advance(Duration.ofSeconds(1));
        CountDownLatch settled = new CountDownLatch(1);
        call.execute(settled::countDown);
        assertTrue(settled.await(STEP.toMillis(), TimeUnit.MILLISECONDS), "the call's executor is stuck");
    }

    private static TrunkConfig trunk(Sipp far) {
        return new TrunkConfig("127.0.0.1", far.sipPort(), Transport.UDP, null, "100", null);
    }
}
