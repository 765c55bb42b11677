package io.outdial.dialer.pacing;

/**
 * The feedback half of predictive pacing: a multiplier on how much overflow risk each decision may take, nudged by
 * what actually happens so that the campaign's own measure (abandonment, busy factor or wait) converges on its
 * target even where the forecast is biased (breaks, an AMD delay, a ring-time shape the estimates smooth over).
 *
 * <p>It is a stochastic-approximation step in log space: each observation moves the multiplier by a small amount
 * whose expectation is zero exactly at the target.
 */
final class Aggressiveness {
    private static final double MIN_LOG = Math.log(0.02);
    private static final double MAX_LOG = Math.log(50);
    private static final double STEP = 0.05;

    private final PacingMethod method;
    private final double target;
    private double log;

    Aggressiveness(PacingMethod method, double target) {
        this.method = method;
        this.target = target;
    }

    /** A live answer got an agent ({@code abandoned} false) or not. */
    void liveAnswerResolved(boolean abandoned) {
        if (method == PacingMethod.ABANDONMENT_RATE) {
            move(abandoned ? -(1 - target) : target);
        }
    }

    /** An agent finished a cycle: waited {@code waitSeconds} for the call, then was busy {@code busySeconds}. */
    void agentCycle(double waitSeconds, double busySeconds) {
        if (method == PacingMethod.BUSY_FACTOR && waitSeconds + busySeconds > 0) {
            move(target - busySeconds / (waitSeconds + busySeconds));
        } else if (method == PacingMethod.AGENT_WAIT) {
            move(Math.max(-1, Math.min(1, (waitSeconds - target) / Math.max(target, 1))) * 0.2);
        }
    }

    private void move(double error) {
        log = Math.max(MIN_LOG, Math.min(MAX_LOG, log + STEP * error));
    }

    /** The current multiplier (1 at the start). */
    double multiplier() {
        return Math.exp(log);
    }
}
