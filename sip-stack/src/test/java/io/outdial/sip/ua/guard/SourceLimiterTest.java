package io.outdial.sip.ua.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The token bucket in virtual time: the test passes the clock. */
class SourceLimiterTest {
    private static final long MS = 1_000_000L;

    @Test
    void aSourceGetsItsBurstAtOnceThenItsRate() {
        SourceLimiter limiter = new SourceLimiter(10, 5, 100);
        int passed = 0;
        for (int i = 0; i < 20; i++) {
            passed += limiter.tryAcquire("10.0.0.1", 0) ? 1 : 0;
        }
        assertEquals(5, passed, "the burst");
        assertFalse(limiter.tryAcquire("10.0.0.1", 99 * MS), "less than one token after 99 ms at 10/s");
        assertTrue(limiter.tryAcquire("10.0.0.1", 100 * MS), "one token after 100 ms");
        assertFalse(limiter.tryAcquire("10.0.0.1", 100 * MS));
    }

    @Test
    void aFloodAt1000PerSecondPassesOnlyTheRateAndTheBurst() {
        SourceLimiter limiter = new SourceLimiter(50, 200, 10_000);
        int passed = 0;
        for (int i = 0; i < 20_000; i++) { // 20 s at 1,000/s
            passed += limiter.tryAcquire("192.0.2.9", i * MS) ? 1 : 0;
        }
        assertEquals(200 + 50 * 20, passed, 1.0);
    }

    @Test
    void sourcesHaveTheirOwnBuckets() {
        SourceLimiter limiter = new SourceLimiter(1, 1, 100);
        assertTrue(limiter.tryAcquire("a", 0));
        assertFalse(limiter.tryAcquire("a", 0));
        assertTrue(limiter.tryAcquire("b", 0), "a flood from a does not starve b");
    }

    @Test
    void theMapIsBoundedAndForgetsTheLeastRecentlyHeardFirst() {
        SourceLimiter limiter = new SourceLimiter(1, 1, 3);
        limiter.tryAcquire("a", 0);
        limiter.tryAcquire("b", 0);
        limiter.tryAcquire("c", 0);
        limiter.tryAcquire("a", 0); // a is now the most recent; b the eldest
        for (int i = 0; i < 100_000; i++) {
            limiter.tryAcquire("forged-" + i, 0);
        }
        assertEquals(3, limiter.sources());
        limiter = new SourceLimiter(1, 1, 3);
        limiter.tryAcquire("a", 0);
        limiter.tryAcquire("b", 0);
        limiter.tryAcquire("c", 0);
        assertFalse(limiter.tryAcquire("a", 0), "a is remembered, its bucket empty");
        limiter.tryAcquire("d", 0); // evicts b, the least recently heard
        assertTrue(limiter.tryAcquire("b", 0), "b was forgotten: a full bucket again");
        assertFalse(limiter.tryAcquire("d", 0), "d is remembered");
    }

    @Test
    void aClockGoingBackwardsAddsNoTokens() {
        SourceLimiter limiter = new SourceLimiter(1000, 1, 10);
        assertTrue(limiter.tryAcquire("a", 1_000 * MS));
        assertFalse(limiter.tryAcquire("a", 0));
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SourceLimiter(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SourceLimiter(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SourceLimiter(1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new SourceLimiter(Double.NaN, 1, 1));
    }
}
