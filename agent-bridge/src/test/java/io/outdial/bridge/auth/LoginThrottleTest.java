package io.outdial.bridge.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Limits(3, 5, Duration.ofMinutes(10), Duration.ofMinutes(5)), now::get);

    private void advance(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void anAccountIsLockedAfterItsLimitUntilTheLockoutHasPassedSinceTheLastFailure() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), throttle.lockedFor("Alice", "10.0.0.1"));
            throttle.failed("alice", "10.0.0.1");
            advance(Duration.ofSeconds(10));
        }
        // From another address too, and whatever the case of the name.
        assertEquals(Optional.of(Duration.ofMinutes(5).minusSeconds(10)), throttle.lockedFor("ALICE", "10.0.0.9"));
        advance(Duration.ofMinutes(5).minusSeconds(10));
        assertEquals(Optional.empty(), throttle.lockedFor("alice", "10.0.0.1"));
    }

    @Test
    void anAddressIsLockedAfterItsLimitWhateverAccountsItTries() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.2");
        }
        assertTrue(throttle.lockedFor("someone-else", "10.0.0.2").isPresent());
        assertEquals(Optional.empty(), throttle.lockedFor("someone-else", "10.0.0.3"));
    }

    @Test
    void successClearsTheAccountButNotTheAddress() {
        throttle.failed("bob", "10.0.0.4");
        throttle.failed("bob", "10.0.0.4");
        throttle.succeeded("bob", "10.0.0.4");
        throttle.failed("bob", "10.0.0.4");
        throttle.failed("bob", "10.0.0.4");
        assertEquals(Optional.empty(), throttle.lockedFor("bob", "10.0.0.5"), "2 failures since the success");
        throttle.failed("bob", "10.0.0.4");
        assertTrue(throttle.lockedFor("bob", "10.0.0.5").isPresent());
        assertTrue(throttle.lockedFor("carol", "10.0.0.4").isPresent(), "5 failures from 10.0.0.4 in all");
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        throttle.failed("dave", "10.0.0.6");
        throttle.failed("dave", "10.0.0.6");
        advance(Duration.ofMinutes(11));
        throttle.failed("dave", "10.0.0.6");
        assertEquals(Optional.empty(), throttle.lockedFor("dave", "10.0.0.6"));
    }

    @Test
    void hostileNamesCannotGrowItWithoutBound() {
        for (int i = 0; i < LoginThrottle.MAX_TRACKED + 500; i++) {
            throttle.failed("guess" + i, "10.0." + (i / 250) + "." + (i % 250));
        }
        assertTrue(throttle.tracked() <= 2 * LoginThrottle.MAX_TRACKED, "tracked " + throttle.tracked());
    }
}
