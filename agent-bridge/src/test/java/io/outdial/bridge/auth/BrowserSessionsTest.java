package io.outdial.bridge.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BrowserSessionsTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T08:00:00Z"));
    private final BrowserSessions sessions = new BrowserSessions(Duration.ofMinutes(30), Duration.ofHours(2), now::get);

    private void advance(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void aSessionLivesWhileUsedUntilItsMaxAgeAndEndsWhenIdle() {
        BrowserSessions.Session s = sessions.start("maria", Role.SUPERVISOR);
        for (int i = 0; i < 4; i++) {
            advance(Duration.ofMinutes(29));
            assertTrue(sessions.find(s.id()).isPresent(), "used every 29 minutes");
        }
        advance(Duration.ofMinutes(5)); // 2 h 1 min after login
        assertFalse(sessions.find(s.id()).isPresent(), "past its max age");

        BrowserSessions.Session idle = sessions.start("maria", Role.SUPERVISOR);
        advance(Duration.ofMinutes(30));
        assertFalse(sessions.find(idle.id()).isPresent(), "30 minutes unused");
    }

    @Test
    void idsAndCsrfTokensAreRandomAndLogoutEndsTheSession() {
        BrowserSessions.Session a = sessions.start("maria", Role.SUPERVISOR);
        BrowserSessions.Session b = sessions.start("maria", Role.SUPERVISOR);
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), a.id());
        assertEquals(43, a.id().length(), "256 bits, base64url");
        assertTrue(a.csrfMatches(a.csrfToken()));
        assertFalse(a.csrfMatches(b.csrfToken()));
        assertFalse(a.csrfMatches(null));
        sessions.end(a.id());
        assertFalse(sessions.find(a.id()).isPresent());
        assertTrue(sessions.find(b.id()).isPresent());
        assertFalse(sessions.find(null).isPresent());
    }
}
