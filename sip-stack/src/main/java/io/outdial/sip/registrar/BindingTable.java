package io.outdial.sip.registrar;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The registrar's bindings: one phone per user (an agent has one phone; a new registration from another Contact
 * replaces the old one, as most PBXs do with max_contacts=1). Expired bindings are invisible at once and dropped by
 * {@link #sweep()}. Thread-safe. Only authenticated users get a binding, so its size is bounded by the accounts.
 */
public final class BindingTable implements Registrations {
    /** What an update did. */
    public enum Update { BOUND, REFRESHED, REPLACED, OUT_OF_ORDER }

    private final ConcurrentHashMap<String, Registration> byUser = new ConcurrentHashMap<>();
    private final Supplier<Instant> clock;

    public BindingTable(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /**
     * Applies a REGISTER's binding. A REGISTER of the same Call-ID with a CSeq not above the last one applied is out
     * of order (RFC 3261 10.3 step 7) and changes nothing.
     */
    public Update bind(Registration next) {
        Update[] result = new Update[1];
        byUser.compute(next.user(), (user, current) -> {
            if (current == null || current.expires().isBefore(clock.get())) {
                result[0] = Update.BOUND;
                return next;
            }
            if (current.callId().equals(next.callId()) && next.cseq() <= current.cseq()) {
                result[0] = Update.OUT_OF_ORDER;
                return current;
            }
            if (current.contact().equals(next.contact()) && current.source().equals(next.source())) {
                result[0] = Update.REFRESHED;
                return new Registration(next.user(), next.contact(), next.dialUri(), next.source(), next.transport(),
                        next.natted(), current.registered(), next.expires(), next.userAgent(), next.callId(),
                        next.cseq());
            }
            result[0] = Update.REPLACED;
            return next;
        });
        return result[0];
    }

    /** Removes {@code user}'s binding to {@code contact} (a REGISTER with expires=0); {@code "*"} removes any. */
    public boolean unbind(String user, String contact) {
        Registration current = byUser.get(user);
        if (current == null || !(contact.equals("*") || current.contact().equals(contact))) {
            return false;
        }
        return byUser.remove(user, current);
    }

    @Override
    public Optional<Registration> find(String user) {
        Registration r = byUser.get(user);
        return r == null || r.expires().isBefore(clock.get()) ? Optional.empty() : Optional.of(r);
    }

    @Override
    public List<Registration> all() {
        Instant now = clock.get();
        return byUser.values().stream().filter(r -> !r.expires().isBefore(now))
                .sorted(Comparator.comparing(Registration::user)).toList();
    }

    @Override
    public boolean remove(String user) {
        return byUser.remove(user) != null;
    }

    /** Drops lapsed bindings; returns how many. */
    public int sweep() {
        Instant now = clock.get();
        int[] dropped = new int[1];
        byUser.values().removeIf(r -> {
            boolean lapsed = r.expires().isBefore(now);
            dropped[0] += lapsed ? 1 : 0;
            return lapsed;
        });
        return dropped[0];
    }

    /** Current bindings (for the registered-agents metric). */
    public int count() {
        return all().size();
    }
}
