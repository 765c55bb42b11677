package io.outdial.bridge.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Logged-in browsers: a random session id (the cookie) maps to the user and a CSRF token that state-changing
 * requests must echo. A session ends at logout, after {@code idle} without a request, or {@code maxAge} after login.
 * Kept in memory (a restart logs everyone out), at most {@link #MAX_SESSIONS}. Thread-safe.
 */
public final class BrowserSessions {
    static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One logged-in browser. */
    public record Session(String id, String csrfToken, String user, Role role, Instant started) {
        /** Whether {@code presented} is this session's CSRF token (constant-time). */
        public boolean csrfMatches(String presented) {
            return presented != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    presented.getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Entry(Session session, Instant lastSeen) { }

    private final Duration idle;
    private final Duration maxAge;
    private final Supplier<Instant> clock;
    private final Map<String, Entry> byId = new LinkedHashMap<>(16, 0.75f, true);

    public BrowserSessions(Duration idle, Duration maxAge, Supplier<Instant> clock) {
        this.idle = idle;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Starts a session for {@code user}. */
    public synchronized Session start(String user, Role role) {
        Instant now = clock.get();
        if (byId.size() >= MAX_SESSIONS) {
            Iterator<Entry> oldest = byId.values().iterator();
            oldest.next();
            oldest.remove();
        }
        Session s = new Session(randomId(), randomId(), user, role, now);
        byId.put(s.id(), new Entry(s, now));
        return s;
    }

    /** The live session with this id, its idle clock restarted; empty if unknown or expired. */
    public synchronized Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Entry e = byId.get(id);
        if (e == null) {
            return Optional.empty();
        }
        Instant now = clock.get();
        if (!now.isBefore(e.lastSeen().plus(idle)) || !now.isBefore(e.session().started().plus(maxAge))) {
            byId.remove(id);
            return Optional.empty();
        }
        byId.put(id, new Entry(e.session(), now));
        return Optional.of(e.session());
    }

    /** Ends the session (logout); unknown ids are ignored. */
    public synchronized void end(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    /** How long a session lives at most (the cookie's Max-Age). */
    public Duration maxAge() {
        return maxAge;
    }

    private static String randomId() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
}
