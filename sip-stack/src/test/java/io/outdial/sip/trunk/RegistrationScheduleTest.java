package io.outdial.sip.trunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistrationScheduleTest {
    private final RegistrationSchedule schedule = new RegistrationSchedule(Duration.ofSeconds(5),
            Duration.ofMinutes(5));

    @Test
    void aLongBindingIsRefreshedAMinuteEarlyAndAShortOneAtHalfItsLife() {
        assertEquals(Duration.ofSeconds(3540), schedule.refreshAfter(Duration.ofHours(1)));
        assertEquals(Duration.ofSeconds(60), schedule.refreshAfter(Duration.ofSeconds(120)));
        assertEquals(Duration.ofSeconds(30), schedule.refreshAfter(Duration.ofSeconds(60)));
        assertEquals(Duration.ofSeconds(2), schedule.refreshAfter(Duration.ofSeconds(4)));
        assertEquals(Duration.ofSeconds(1), schedule.refreshAfter(Duration.ofSeconds(1)), "never sooner than 1 s");
    }

    @Test
    void failuresBackOffByDoublingUpToTheCap() {
        assertEquals(Duration.ofSeconds(5), schedule.retryAfter(1));
        assertEquals(Duration.ofSeconds(10), schedule.retryAfter(2));
        assertEquals(Duration.ofSeconds(20), schedule.retryAfter(3));
        assertEquals(Duration.ofSeconds(160), schedule.retryAfter(6));
        assertEquals(Duration.ofMinutes(5), schedule.retryAfter(7));
        assertEquals(Duration.ofMinutes(5), schedule.retryAfter(1_000_000), "no overflow after many failures");
    }

    @Test
    void onlyARegisteredTrunkCarriesCalls() {
        for (TrunkRegistrationState s : TrunkRegistrationState.values()) {
            assertEquals(s == TrunkRegistrationState.REGISTERED || s == TrunkRegistrationState.REFRESHING,
                    s.allowsCalls(), s.name());
        }
        assertTrue(TrunkRegistrationStatus.notRequired().allowsCalls());
        assertFalse(new TrunkRegistrationStatus(true, TrunkRegistrationState.FAILED, "sip:a@b", null, null, null, 1,
                403, "refused").allowsCalls());
    }

    @Test
    void aRegistrationFailsThenTriesAgainAndStopsForGood() {
        assertTrue(TrunkRegistrationState.REGISTERED.canMoveTo(TrunkRegistrationState.REFRESHING));
        assertTrue(TrunkRegistrationState.REFRESHING.canMoveTo(TrunkRegistrationState.FAILED));
        assertTrue(TrunkRegistrationState.FAILED.canMoveTo(TrunkRegistrationState.REGISTERING));
        assertFalse(TrunkRegistrationState.FAILED.canMoveTo(TrunkRegistrationState.REGISTERED),
                "a failed registration is registered again only by a new attempt");
        assertTrue(TrunkRegistrationState.STOPPED.isTerminal());
    }

    @Test
    void badTimingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TrunkRegistrationConfig("u", "d", "h:5060",
                Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(5)));
        assertThrows(IllegalArgumentException.class, () -> new TrunkRegistrationConfig("u", "d", "h:5060",
                Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5)));
    }
}
