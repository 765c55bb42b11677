package io.outdial.dialer.pacing.pressure;

import java.time.Duration;
import java.time.Instant;

/**
 * Rations new dials while the gateway's setup latency is over its limit. Time is cut into one-second windows; at the
 * end of each, the worst setup latency seen in it decides:
 * <ul>
 *   <li>calm (no ration) and the worst is over the limit: the ration starts at half the dials started in the window
 *       just ended (at least {@link #MIN_RATE});</li>
 *   <li>rationed and still over: the ration halves (multiplicative decrease, at least {@link #MIN_RATE});</li>
 *   <li>rationed and under: the ration grows by a tenth plus one dial per second (additive increase); once it is
 *       above what was actually started in the window and latency stays under, the ration ends (calm again).</li>
 * </ul>
 * While rationed, {@link #mayStart} is a token bucket at the ration holding one second of dials (at least one). A window with
 * no latency sample keeps the current state. Not thread-safe: the dialer executor owns it.
 */
public final class SetupPressure {
    /** The ration never goes below one dial every two seconds: the gateway keeps learning how it copes. */
    public static final double MIN_RATE = 0.5;
    private static final Duration WINDOW = Duration.ofSeconds(1);

    /** What the pacing loop is told. */
    public enum Mode { CALM, RATIONED }

    private final Duration limit;
    private Instant windowStart;
    private Duration worst = Duration.ZERO;
    private boolean sampled;
    private int startedInWindow;
    private Mode mode = Mode.CALM;
    private double rate;
    private double tokens;
    private Instant refilledAt;

    /** @param limit setup latency (answer to bridge) above which dials are rationed; zero: never */
    public SetupPressure(Duration limit, Instant now) {
        this.limit = limit;
        this.windowStart = now;
        this.refilledAt = now;
    }

    /** One call's setup latency, measured at {@code now}. */
    public void observe(Instant now, Duration latency) {
        roll(now);
        sampled = true;
        if (latency.compareTo(worst) > 0) {
            worst = latency;
        }
    }

    /** True if a dial may start now; counts it as started when true. */
    public boolean mayStart(Instant now) {
        roll(now);
        if (mode == Mode.RATIONED) {
            refill(now);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
        }
        startedInWindow++;
        return true;
    }

    /** When a refused dial should be tried again (the next token), from {@code now}. */
    public Duration retryIn(Instant now) {
        if (mode == Mode.CALM) {
            return Duration.ZERO;
        }
        refill(now);
        double missing = Math.max(0, 1 - tokens);
        return Duration.ofNanos((long) Math.ceil(missing / rate * 1e9)).plusMillis(1);
    }

    public Mode mode() {
        return mode;
    }

    /** The ration in dials per second, or infinity when calm. */
    public double rate() {
        return mode == Mode.CALM ? Double.POSITIVE_INFINITY : rate;
    }

    private boolean over() {
        return !limit.isZero() && worst.compareTo(limit) > 0;
    }

    private void roll(Instant now) {
        while (!now.isBefore(windowStart.plus(WINDOW))) {
            closeWindow(windowStart.plus(WINDOW));
        }
    }

    private void closeWindow(Instant end) {
        if (sampled) {
            if (mode == Mode.CALM && over()) {
                mode = Mode.RATIONED;
                rate = Math.max(MIN_RATE, startedInWindow / 2.0);
                tokens = 0;
                refilledAt = end;
            } else if (mode == Mode.RATIONED && over()) {
                refill(end);
                rate = Math.max(MIN_RATE, rate / 2);
                tokens = Math.min(tokens, capacity());
            } else if (mode == Mode.RATIONED) {
                refill(end);
                if (rate > startedInWindow + 1) {
                    mode = Mode.CALM; // the ration no longer binds and latency is under the limit
                } else {
                    rate = rate * 1.1 + 1;
                }
            }
        }
        windowStart = end;
        worst = Duration.ZERO;
        sampled = false;
        startedInWindow = 0;
    }

    /** One second of dials, but room for at least one (a ration under 1/s still lets a dial through). */
    private double capacity() {
        return Math.max(1, rate);
    }

    private void refill(Instant now) {
        if (now.isAfter(refilledAt)) {
            double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
            tokens = Math.min(capacity(), tokens + seconds * rate);
            refilledAt = now;
        }
    }
}
