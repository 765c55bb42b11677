package io.outdial.dialer.pacing;

import java.util.Arrays;

/**
 * The forecast behind every predictive decision: live answers to come (answers already waiting, calls ringing, and k
 * new dials, each a Bernoulli with its own probability) against agents to take them (free now, or busy but likely free
 * in time, each a Bernoulli too). Overflow = answers - agents is what would be abandoned.
 *
 * <p>Small populations are computed exactly (Poisson-binomial convolutions), because a normal approximation
 * understates the tail exactly where a handful of agents makes it matter; large ones with a normal approximation and
 * a continuity correction, which is accurate there and keeps a decision at O(calls + agents).
 */
final class OverflowForecast {
    /** Above these sizes the normal approximation is used. */
    private static final int EXACT_MAX_CALLS = 160;
    private static final int EXACT_MAX_AGENTS = 40;

    /** The forecast with k new dials. */
    record Outcome(double expectedAnswers, double expectedOverflow, double anyOverflow, double overflowQuantile) { }

    private final boolean exact;
    private final double tail;
    private double zTail = Double.NaN;
    // Exact: distributions. Answers shifted by the answers already waiting.
    private double[] answers;
    private double[] supply;
    // Normal: moments.
    private double meanAnswers;
    private double varAnswers;
    private double meanSupply;
    private double varSupply;

    /**
     * @param waiting live answers already waiting for an agent
     * @param ringing P(live answer) of each ringing call (first {@code nRinging} entries)
     * @param free agents free now
     * @param busy P(free in time) of each busy agent (first {@code nBusy} entries)
     * @param tail the overflow quantile reported is the (1 - tail) one
     */
    OverflowForecast(int waiting, double[] ringing, int nRinging, int free, double[] busy, int nBusy, double tail) {
        this.tail = tail;
        this.exact = nRinging + waiting <= EXACT_MAX_CALLS && nBusy <= EXACT_MAX_AGENTS;
        if (exact) {
            answers = new double[waiting + 1];
            answers[waiting] = 1;
            for (int i = 0; i < nRinging; i++) {
                answers = addBernoulli(answers, ringing[i]);
            }
            supply = new double[free + 1];
            supply[free] = 1;
            for (int j = 0; j < nBusy; j++) {
                supply = addBernoulli(supply, busy[j]);
            }
        } else {
            meanAnswers = waiting;
            for (int i = 0; i < nRinging; i++) {
                meanAnswers += ringing[i];
                varAnswers += ringing[i] * (1 - ringing[i]);
            }
            meanSupply = free;
            for (int j = 0; j < nBusy; j++) {
                meanSupply += busy[j];
                varSupply += busy[j] * (1 - busy[j]);
            }
        }
    }

    private static double[] addBernoulli(double[] pmf, double p) {
        double[] out = Arrays.copyOf(pmf, pmf.length + 1);
        out[pmf.length] = 0;
        for (int i = pmf.length; i > 0; i--) {
            out[i] = out[i] * (1 - p) + pmf[i - 1] * p;
        }
        out[0] = pmf[0] * (1 - p);
        return out;
    }

    /** Adds one more dial answered live with probability {@code p}. */
    void addDial(double p) {
        if (exact) {
            answers = addBernoulli(answers, p);
        } else {
            meanAnswers += p;
            varAnswers += p * (1 - p);
        }
    }

    /** The forecast for the dials added so far. */
    Outcome outcome() {
        return exact ? exactOutcome() : normalOutcome();
    }

    private Outcome exactOutcome() {
        double expectedAnswers = 0;
        for (int a = 0; a < answers.length; a++) {
            expectedAnswers += a * answers[a];
        }
        // Distribution of the positive part of the overflow: over[d] = P(max(0, A - S) = d).
        double[] over = new double[answers.length];
        for (int a = 1; a < answers.length; a++) {
            if (answers[a] == 0) {
                continue;
            }
            for (int s = 0; s < a && s < supply.length; s++) {
                over[a - s] += answers[a] * supply[s];
            }
        }
        double expected = 0;
        double any = 0;
        for (int d = 1; d < over.length; d++) {
            expected += d * over[d];
            any += over[d];
        }
        // Smallest q with P(overflow > q) <= tail.
        double above = any;
        int q = 0;
        while (above > tail && q + 1 < over.length) {
            q++;
            above -= over[q];
        }
        return new Outcome(expectedAnswers, expected, any, q);
    }

    private Outcome normalOutcome() {
        // Overflow D = A - S, an integer; P(D >= d) ~ P(X > d - 0.5) for the continuous X.
        double mean = meanAnswers - meanSupply - 0.5;
        double sd = Math.sqrt(varAnswers + varSupply);
        double expected;
        double any;
        double quantile;
        if (sd < 1e-9) {
            expected = Math.max(0, mean);
            any = mean > 0 ? 1 : 0;
            quantile = Math.max(0, Math.ceil(mean));
        } else {
            double z = mean / sd;
            expected = sd * density(z) + mean * cumulative(z);
            any = cumulative(z);
            if (Double.isNaN(zTail)) {
                zTail = upperQuantile(tail);
            }
            quantile = Math.max(0, Math.ceil(mean + sd * zTail));
        }
        return new Outcome(meanAnswers, expected, any, quantile);
    }

    private static double density(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    /** Standard normal cdf (Zelen and Severo, error below 1e-7). */
    static double cumulative(double z) {
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978
                + t * 1.330274429))));
        double upper = density(z) * poly;
        return z >= 0 ? 1 - upper : upper;
    }

    /** z with P(Z > z) = tail, by bisection (called once per decision at most). */
    static double upperQuantile(double tail) {
        double lo = -8;
        double hi = 8;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (1 - cumulative(mid) > tail) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
