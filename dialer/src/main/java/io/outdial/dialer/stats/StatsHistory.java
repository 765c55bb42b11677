package io.outdial.dialer.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The last hour of {@link StatsSample}s, oldest first: a ring that drops samples older than its span. Pure logic,
 * thread-safe (the sampler adds, HTTP requests read).
 */
public final class StatsHistory {
    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    private final Duration span;
    private final ArrayDeque<StatsSample> samples = new ArrayDeque<>();

    public StatsHistory(Duration span) {
        if (span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("span must be positive: " + span);
        }
        this.span = span;
    }

    /** Adds the newest sample and forgets those older than the span before it. */
    public synchronized void add(StatsSample sample) {
        samples.addLast(sample);
        Instant oldest = sample.at().minus(span);
        while (!samples.isEmpty() && samples.peekFirst().at().isBefore(oldest)) {
            samples.pollFirst();
        }
    }

    /** The samples kept, oldest first. */
    public synchronized List<StatsSample> samples() {
        return List.copyOf(samples);
    }

    /**
     * Contacts dialed per minute at {@code now} when {@code dialedNow} have been dialed since start: the increase
     * since the newest sample at least a minute old (or the oldest one, scaled to a minute); 0 with no sample.
     */
    public synchronized double dialsPerMinute(Instant now, double dialedNow) {
        StatsSample base = null;
        Instant minuteAgo = now.minus(RATE_WINDOW);
        for (StatsSample s : samples) {
            if (!s.at().isAfter(minuteAgo) || base == null) {
                base = s;
            }
        }
        if (base == null) {
            return 0;
        }
        double seconds = Duration.between(base.at(), now).toMillis() / 1000.0;
        if (seconds <= 0) {
            return 0;
        }
        return Math.max(0, dialedNow - base.dialed()) * 60.0 / Math.max(seconds, RATE_WINDOW.toSeconds());
    }
}
