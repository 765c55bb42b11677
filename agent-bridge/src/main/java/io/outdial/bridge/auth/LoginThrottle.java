package io.outdial.bridge.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Slows password guessing, for HTTP and CTI logins alike: after {@code perAccount} failures for one account, or
 * {@code perSource} failures from one address, within {@code window}, further attempts are refused unchecked until
 * {@code lockout} has passed since the last failure. A success clears the account's count (not the address's).
 * Keeps at most {@link #MAX_TRACKED} keys per kind, dropping the least recently failed, so hostile input cannot
 * grow it without bound. Thread-safe; every call is a map look-up.
 */
public final class LoginThrottle {
    static final int MAX_TRACKED = 10_000;

    /**
     * The limits.
     *
     * @param perAccount failures of one account before it is locked
     * @param perSource  failures from one address before it is locked
     * @param window     failures older than this are forgotten
     * @param lockout    how long a locked key stays locked after its last failure
     */
    public record Limits(int perAccount, int perSource, Duration window, Duration lockout) {
        /** 5 per account, 20 per address, in 15 minutes; locked for 15 minutes. */
        public static final Limits DEFAULTS = new Limits(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));

        public Limits {
            if (perAccount < 1 || perSource < 1) {
                throw new IllegalArgumentException("failure limits must be at least 1");
            }
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(lockout, "lockout");
        }
    }

    private static final class Failures {
        int count;
        Instant first;
        Instant last;
    }

    private final Limits limits;
    private final Supplier<Instant> clock;
    private final Map<String, Failures> accounts = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Failures> sources = new LinkedHashMap<>(16, 0.75f, true);

    public LoginThrottle(Limits limits, Supplier<Instant> clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** When a login of {@code account} from {@code source} may be tried again, or empty if it may be tried now. */
    public synchronized Optional<Duration> lockedFor(String account, String source) {
        Instant now = clock.get();
        Duration a = locked(accounts, key(account), limits.perAccount(), now);
        Duration s = locked(sources, source, limits.perSource(), now);
        Duration longer = a.compareTo(s) >= 0 ? a : s;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    /** Counts a failed login (wrong password or unknown account). */
    public synchronized void failed(String account, String source) {
        Instant now = clock.get();
        count(accounts, key(account), now);
        count(sources, source, now);
    }

    /** A login succeeded: the account starts afresh. */
    public synchronized void succeeded(String account, String source) {
        accounts.remove(key(account));
    }

    private Duration locked(Map<String, Failures> map, String key, int limit, Instant now) {
        Failures f = key == null ? null : map.get(key);
        if (f == null) {
            return Duration.ZERO;
        }
        if (expired(f, now)) {
            map.remove(key);
            return Duration.ZERO;
        }
        if (f.count < limit) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, f.last.plus(limits.lockout()));
        return left.isNegative() || left.isZero() ? Duration.ZERO : left;
    }

    private boolean expired(Failures f, Instant now) {
        // Forgotten once the window since the first failure and the lockout since the last have both passed.
        return !now.isBefore(f.first.plus(limits.window())) && !now.isBefore(f.last.plus(limits.lockout()));
    }

    private void count(Map<String, Failures> map, String key, Instant now) {
        if (key == null) {
            return;
        }
        Failures f = map.get(key);
        if (f != null && expired(f, now)) {
            map.remove(key);
            f = null;
        }
        if (f == null) {
            if (map.size() >= MAX_TRACKED) {
                Iterator<Failures> oldest = map.values().iterator();
                oldest.next();
                oldest.remove();
            }
            f = new Failures();
            f.first = now;
            map.put(key, f);
        }
        f.count++;
        f.last = now;
    }

    private static String key(String account) {
        return account == null ? null : account.toLowerCase(Locale.ROOT);
    }

    /** Keys tracked (tests). */
    synchronized int tracked() {
        return accounts.size() + sources.size();
    }
}
