package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MediaWatchTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aFarEndThatNeverSendsHasVanishedAfterTheTimeout() {
        MediaWatch w = new MediaWatch(TIMEOUT, T0);
        assertFalse(w.vanished(at(0), 0), "the first look only takes the count");
        assertFalse(w.vanished(at(29), 0));
        assertTrue(w.vanished(at(30), 0));
    }

    @Test
    void packetsKeepTheLegAliveAndSilenceCountsFromTheLastOne() {
        MediaWatch w = new MediaWatch(TIMEOUT, T0);
        w.vanished(at(0), 0);
        assertFalse(w.vanished(at(20), 1000));
        assertFalse(w.vanished(at(40), 2000));
        assertFalse(w.vanished(at(69), 2000));
        assertTrue(w.vanished(at(70), 2000));
    }

    @Test
    void aFarEndOnHoldIsNotExpectedToSend() {
        MediaWatch w = new MediaWatch(TIMEOUT, T0);
        w.vanished(at(0), 5);
        w.farEndSends(false, at(5));
        assertFalse(w.vanished(at(600), 5), "inactive/recvonly: silence is what it said it would do");
        w.farEndSends(true, at(601));
        assertFalse(w.vanished(at(630), 5));
        assertTrue(w.vanished(at(631), 5), "off hold: the timeout counts from the new offer");
    }

    @Test
    void inDialogRequestsShowTheFarEndIsThere() {
        MediaWatch w = new MediaWatch(TIMEOUT, T0);
        w.vanished(at(0), 0);
        w.signalled(at(25));
        assertFalse(w.vanished(at(54), 0));
        assertTrue(w.vanished(at(55), 0));
    }

    @Test
    void aZeroTimeoutNeverEndsALeg() {
        MediaWatch w = new MediaWatch(Duration.ZERO, T0);
        assertFalse(w.enabled());
        w.vanished(at(0), 0);
        assertFalse(w.vanished(at(86_400), 0));
    }

    @Test
    void theLegLooksFourTimesPerTimeoutButNotMoreThanOncePerSecond() {
        assertEquals(Duration.ofMillis(7500), new MediaWatch(TIMEOUT, T0).checkEvery());
        assertEquals(Duration.ofSeconds(1), new MediaWatch(Duration.ofSeconds(2), T0).checkEvery());
    }
}
