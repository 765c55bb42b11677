package io.outdial.sip.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed authentications per source address, and how long to hold back the next refusal to that source: nothing for
 * the first few (a phone with a wrong password retries a couple of times), then doubling up to a cap. A source's
 * count is forgotten after {@code forgetAfter} without failures. The table is bounded (the source failed least
 * recently is dropped first). Thread-safe.
 */
public final class FailedAttempts {
    static final int FREE = 3;
    static final Duration FIRST_PENALTY = Duration.ofMillis(250);

    private record Entry(int failures, long lastMillis) {
    }

    private final LongSupplier clockMillis;
    private final long forgetMillis;
    private final Duration maxPenalty;
    private final LinkedHashMap<String, Entry> bySource;
    private long total;

    public FailedAttempts(Duration forgetAfter, Duration maxPenalty, int maxSources, LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        this.forgetMillis = forgetAfter.toMillis();
        this.maxPenalty = maxPenalty;
        this.bySource = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxSources;
            }
        };
    }

    /** Counts a failure from {@code source} and returns how long to wait before answering it. */
    public synchronized Duration failed(String source) {
        long now = clockMillis.getAsLong();
        Entry e = current(source, now);
        int failures = e == null ? 1 : e.failures() + 1;
        bySource.put(source, new Entry(failures, now));
        total++;
        return penalty(failures);
    }

    /** A success from {@code source}: its count starts again. */
    public synchronized void succeeded(String source) {
        bySource.remove(source);
    }

    /** Current failures counted for {@code source}. */
    public synchronized int failures(String source) {
        Entry e = current(source, clockMillis.getAsLong());
        return e == null ? 0 : e.failures();
    }

    /** Failures counted since start. */
    public synchronized long total() {
        return total;
    }

    private Entry current(String source, long now) {
        Entry e = bySource.get(source);
        if (e != null && now - e.lastMillis() > forgetMillis) {
            bySource.remove(source);
            return null;
        }
        return e;
    }

    private Duration penalty(int failures) {
        if (failures <= FREE) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE - 1, 20);
        Duration d = FIRST_PENALTY.multipliedBy(1L << doublings);
        return d.compareTo(maxPenalty) > 0 ? maxPenalty : d;
    }
}
