package io.outdial.dialer.pacing.estimate;

import java.util.Arrays;

/**
 * Online empirical distribution of a duration (ring time to answer, talk time, wrap-up): the last {@code window}
 * samples, so no shape (exponential, lognormal...) is assumed and the estimate follows the campaign as it changes.
 *
 * <p>Until {@code minSamples} samples are in, an exponential with the prior mean stands in. The sorted view used for
 * the cdf is rebuilt every {@code window / 10} samples, not on every sample, because the pacer reads it on every
 * event and a few dozen samples do not move a distribution of hundreds.
 */
public final class DurationEstimator {
    private final double priorMean;
    private final int minSamples;
    private final double[] ring;
    private final int rebuildEvery;
    private int next;
    private int size;
    private long observed;
    private long sinceRebuild;
    private double[] sorted = new double[0];
    private double mean;
    private long version;

    public DurationEstimator(double priorMeanSeconds, int window, int minSamples) {
        if (priorMeanSeconds <= 0 || window < 2 || minSamples < 1 || minSamples > window) {
            throw new IllegalArgumentException("prior mean > 0, window >= 2, 1 <= minSamples <= window");
        }
        this.priorMean = priorMeanSeconds;
        this.ring = new double[window];
        this.minSamples = minSamples;
        this.rebuildEvery = Math.max(1, window / 10);
        this.mean = priorMeanSeconds;
    }

    /** One observed duration, in seconds. */
    public void add(double seconds) {
        ring[next] = Math.max(0, seconds);
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
        observed++;
        sinceRebuild++;
        // Early on every sample matters; later only every rebuildEvery-th.
        if (size == minSamples || (size > minSamples && sinceRebuild >= Math.min(rebuildEvery, size / 4 + 1))) {
            rebuild();
        }
    }

    private void rebuild() {
        sorted = Arrays.copyOf(ring, size);
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        mean = sum / size;
        sinceRebuild = 0;
        version++;
    }

    private boolean empirical() {
        return sorted.length >= minSamples;
    }

    /** P(duration <= x). */
    public double cdf(double x) {
        if (x < 0) {
            return 0;
        }
        if (!empirical()) {
            return 1 - Math.exp(-x / priorMean);
        }
        // Index of the first sample greater than x: the share of samples <= x.
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (double) lo / sorted.length;
    }

    /** P(duration > x). */
    public double survival(double x) {
        return 1 - cdf(x);
    }

    /** The q-quantile (0 <= q <= 1). */
    public double quantile(double q) {
        if (!empirical()) {
            return -priorMean * Math.log(1 - Math.min(q, 0.999999));
        }
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
        return sorted[i];
    }

    /** The mean of the current estimate. */
    public double mean() {
        return empirical() ? mean : priorMean;
    }

    /** The largest sample in the window (or a far quantile of the prior). */
    public double max() {
        return empirical() ? sorted[sorted.length - 1] : quantile(0.999);
    }

    /** Changes whenever the distribution used by {@link #cdf} changes: lets callers cache tables built from it. */
    public long version() {
        return version;
    }

    /** Samples observed since creation. */
    public long observed() {
        return observed;
    }
}
