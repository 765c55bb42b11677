package io.outdial.sip.ua.logging;

import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flood-safe logging of refused and malformed SIP input: each refusal is counted by {@link Refusal}, and at most one
 * INFO line per window (a minute) gives the counts, e.g. {@code SIP input refused and stack warnings in the last
 * 60 s: 1858 malformed, 20 rate-limited}. A detail (never more than {@value #DETAIL_LIMIT} characters, control
 * characters replaced) goes to DEBUG on logger {@code io.outdial.sip.refused}; the raw message never reaches INFO,
 * so a sender cannot fill the disk. The window closes at the first report or {@link #flush} after its end. Thread-safe; the clock is passed in
 * (nanoseconds), so tests run it in virtual time.
 */
public final class RefusalSummary {
    /** The logger of the details (DEBUG) and of the summary line (INFO). */
    public static final String LOGGER = "io.outdial.sip.refused";
    /** How long one summary covers. */
    public static final Duration WINDOW = Duration.ofMinutes(1);
    /** Longest detail logged at DEBUG. */
    public static final int DETAIL_LIMIT = 160;

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final RefusalSummary SHARED = new RefusalSummary(LOG::info, System.nanoTime());

    private final Consumer<String> sink;
    private final long[] counts = new long[Refusal.values().length];
    private long windowStart;

    /** A summary writing its lines to {@code sink}, its first window starting at {@code nowNanos}. */
    public RefusalSummary(Consumer<String> sink, long nowNanos) {
        this.sink = sink;
        this.windowStart = nowNanos;
    }

    /** The process-wide summary, on the system clock, that the stack logger and the input guard report to. */
    public static RefusalSummary shared() {
        return SHARED;
    }

    /** Reports the process-wide summary's refusal now, with {@code detail} (may be hostile text) at DEBUG. */
    public static void report(Refusal reason, String detail) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {}", reason.label(), printable(detail));
        }
        SHARED.count(reason, System.nanoTime());
    }

    /** Counts one refusal at {@code nowNanos}; closes the current window first if it has ended. */
    public void count(Refusal reason, long nowNanos) {
        String line;
        synchronized (this) {
            line = closeIfEnded(nowNanos);
            counts[reason.ordinal()]++;
        }
        if (line != null) {
            sink.accept(line);
        }
    }

    /** Writes the summary of the window if it has ended and counted something (a timer calls this). */
    public void flush(long nowNanos) {
        String line;
        synchronized (this) {
            line = closeIfEnded(nowNanos);
        }
        if (line != null) {
            sink.accept(line);
        }
    }

    /** The count of {@code reason} in the current window (for tests). */
    public synchronized long current(Refusal reason) {
        return counts[reason.ordinal()];
    }

    private String closeIfEnded(long nowNanos) {
        long elapsed = nowNanos - windowStart;
        if (elapsed < WINDOW.toNanos()) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        for (Refusal r : Refusal.values()) {
            long n = counts[r.ordinal()];
            if (n > 0) {
                line.append(line.isEmpty() ? "" : ", ").append(n).append(' ').append(r.label());
            }
            counts[r.ordinal()] = 0;
        }
        windowStart = nowNanos;
        if (line.isEmpty()) {
            return null;
        }
        return "SIP input refused and stack warnings in the last " + Math.round(elapsed / 1e9) + " s: " + line;
    }

    /** {@code text} cut to {@link #DETAIL_LIMIT} characters, anything outside printable ASCII shown as '.'. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        int n = Math.min(text.length(), DETAIL_LIMIT);
        StringBuilder out = new StringBuilder(n + 3);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '.');
        }
        if (text.length() > n) {
            out.append("...");
        }
        return out.toString();
    }
}
