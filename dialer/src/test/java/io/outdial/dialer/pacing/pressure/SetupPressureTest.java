package io.outdial.dialer.pacing.pressure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The back-pressure rule in virtual time: a simulated gateway whose setup latency grows with its dial rate. */
class SetupPressureTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final Duration LIMIT = Duration.ofMillis(500);

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    /** Tries {@code wanted} dials spread over one second starting at {@code second}; returns how many started. */
    private static int second(SetupPressure p, long second, int wanted) {
        int started = 0;
        for (int i = 0; i < wanted; i++) {
            if (p.mayStart(at(second * 1000 + i * 1000L / wanted))) {
                started++;
            }
        }
        return started;
    }

    @Test
    void underTheLimitNothingIsRationed() {
        SetupPressure p = new SetupPressure(LIMIT, T0);
        for (int s = 0; s < 10; s++) {
            assertEquals(200, second(p, s, 200));
            p.observe(at(s * 1000 + 999), Duration.ofMillis(40));
        }
        assertEquals(SetupPressure.Mode.CALM, p.mode());
    }

    @Test
    void latencyOverTheLimitHalvesTheDialsOfTheNextSecond() {
        SetupPressure p = new SetupPressure(LIMIT, T0);
        assertEquals(100, second(p, 0, 100));
        p.observe(at(900), Duration.ofMillis(800));
        int next = second(p, 1, 100);
        assertEquals(SetupPressure.Mode.RATIONED, p.mode());
        assertEquals(50.0, p.rate());
        assertTrue(next <= 50, "started " + next);
        assertTrue(next >= 45, "started " + next);
    }

    @Test
    void aGatewayThatSlowsWithLoadSettlesBelowItsKneeAndRecoversWhenCalm() {
        // Latency = 20 ms below 60 dials/s, then +50 ms per dial/s over: over the 500 ms limit past 69 dials/s.
        SetupPressure p = new SetupPressure(LIMIT, T0);
        int lastStarted = 0;
        int overSeconds = 0;
        for (int s = 0; s < 120; s++) {
            lastStarted = second(p, s, 150);
            long latency = 20 + Math.max(0, lastStarted - 60) * 50L;
            if (latency > LIMIT.toMillis()) {
                overSeconds++;
            }
            p.observe(at(s * 1000L + 999), Duration.ofMillis(latency));
        }
        assertTrue(lastStarted <= 69 && lastStarted >= 10, "settled at " + lastStarted + "/s");
        assertTrue(overSeconds < 20, "over the limit for " + overSeconds + " of 120 s");
        // The overload goes (fewer wanted dials than the gateway copes with): the ration ends.
        for (int s = 120; s < 180; s++) {
            second(p, s, 30);
            p.observe(at(s * 1000L + 999), Duration.ofMillis(20));
        }
        assertEquals(SetupPressure.Mode.CALM, p.mode());
    }

    @Test
    void theRationNeverStopsDialingAltogether() {
        SetupPressure p = new SetupPressure(LIMIT, T0);
        second(p, 0, 10);
        for (int s = 0; s < 30; s++) {
            p.observe(at(s * 1000L + 999), Duration.ofSeconds(5));
            second(p, s + 1, 10);
        }
        assertEquals(SetupPressure.MIN_RATE, p.rate());
        assertTrue(second(p, 31, 10) + second(p, 32, 10) >= 1, "one dial every two seconds still goes");
    }

    @Test
    void aRefusedDialIsToldWhenTheNextTokenIsDue() {
        SetupPressure p = new SetupPressure(LIMIT, T0);
        second(p, 0, 4);
        p.observe(at(999), Duration.ofSeconds(1));
        assertTrue(p.mayStart(at(1500))); // rate 2/s: one token after 0.5 s
        assertFalse(p.mayStart(at(1500)));
        Duration wait = p.retryIn(at(1500));
        assertTrue(wait.compareTo(Duration.ofMillis(501)) <= 0 && wait.compareTo(Duration.ofMillis(490)) > 0,
                wait.toString());
        assertTrue(p.mayStart(at(1500).plus(wait)));
    }

    @Test
    void aZeroLimitNeverRations() {
        SetupPressure p = new SetupPressure(Duration.ZERO, T0);
        second(p, 0, 100);
        p.observe(at(999), Duration.ofSeconds(30));
        assertEquals(100, second(p, 1, 100));
        assertEquals(SetupPressure.Mode.CALM, p.mode());
    }
}
