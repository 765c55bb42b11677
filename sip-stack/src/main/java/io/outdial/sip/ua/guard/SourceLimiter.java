package io.outdial.sip.ua.guard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per source address for out-of-dialog requests: each source may send {@code burst} at once and
 * {@code ratePerSecond} on average; a request finding its bucket empty is over the limit. The buckets live in a
 * map bounded to {@code maxSources}: the source heard from least recently is forgotten first (it starts again with
 * a full bucket), so a sender forging many source addresses costs at most {@code maxSources} small entries. Pure
 * logic: the caller passes the time (nanoseconds of any monotonic clock). Thread-safe; the critical section is a map
 * look-up and a little arithmetic, no I/O.
 */
public final class SourceLimiter {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double ratePerNano;
    private final double burst;
    private final LinkedHashMap<String, Bucket> buckets;

    /**
     * @param ratePerSecond tokens added per second to each bucket (> 0)
     * @param burst         a bucket's capacity (>= 1)
     * @param maxSources    how many sources are remembered at most (>= 1)
     */
    public SourceLimiter(double ratePerSecond, int burst, int maxSources) {
        if (!(ratePerSecond > 0) || burst < 1 || maxSources < 1) {
            throw new IllegalArgumentException("rate must be > 0, burst and maxSources >= 1");
        }
        this.ratePerNano = ratePerSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.buckets = new LinkedHashMap<>(Math.min(maxSources, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxSources;
            }
        };
    }

    /** True if {@code source} may send one more request at {@code nowNanos} (a token is taken), false if over. */
    public synchronized boolean tryAcquire(String source, long nowNanos) {
        Bucket bucket = buckets.get(source);
        if (bucket == null) {
            bucket = new Bucket(burst, nowNanos);
            buckets.put(source, bucket);
        } else {
            long elapsed = nowNanos - bucket.last;
            if (elapsed > 0) {
                bucket.tokens = Math.min(burst, bucket.tokens + elapsed * ratePerNano);
                bucket.last = nowNanos;
            }
        }
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return true;
        }
        return false;
    }

    /** How many sources are remembered now. */
    public synchronized int sources() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }
}
