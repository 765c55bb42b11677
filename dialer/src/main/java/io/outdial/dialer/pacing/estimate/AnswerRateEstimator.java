package io.outdial.dialer.pacing.estimate;

/**
 * Online estimate of the probability that a dial ends in a live answer: live answers over resolved dials, with
 * exponential forgetting so the estimate follows a list whose contacts change over the day.
 *
 * <p>Dials are counted when they resolve, not when they start: counting calls still ringing as failures would bias
 * the estimate down exactly while the dialer ramps up. A prior of {@code priorWeight} pseudo-dials at
 * {@code priorRate} keeps the first minutes of a campaign from swinging between 0 and 1.
 */
public final class AnswerRateEstimator {
    private final double priorRate;
    private final double priorWeight;
    private final double keep;
    private double live;
    private double resolved;
    private long observed;

    /**
     * @param priorRate answer probability assumed before any dial resolved
     * @param priorWeight how many dials the prior is worth
     * @param memory the number of recent dials that carry most of the weight (decay 1 - 1/memory per dial)
     */
    public AnswerRateEstimator(double priorRate, double priorWeight, int memory) {
        if (priorRate <= 0 || priorRate >= 1 || priorWeight <= 0 || memory < 1) {
            throw new IllegalArgumentException("priorRate in (0,1), priorWeight > 0, memory >= 1");
        }
        this.priorRate = priorRate;
        this.priorWeight = priorWeight;
        this.keep = 1.0 - 1.0 / memory;
    }

    /** A dial resolved: {@code liveAnswer} when a person answered (machines, busy, no answer are not). */
    public void resolved(boolean liveAnswer) {
        live = live * keep + (liveAnswer ? 1 : 0);
        resolved = resolved * keep + 1;
        observed++;
    }

    /** The current estimate of P(live answer | dial). */
    public double probability() {
        return (live + priorRate * priorWeight) / (resolved + priorWeight);
    }

    /** Dials resolved since creation (not decayed). */
    public long observed() {
        return observed;
    }
}
