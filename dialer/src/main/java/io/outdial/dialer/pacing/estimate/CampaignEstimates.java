package io.outdial.dialer.pacing.estimate;

/**
 * Everything the pacer knows about a campaign's calls and agents, learned online: the live-answer probability, how
 * long dials take to be answered live or to fail, talk and wrap-up times; and from them the two forecasts pacing needs
 * on every event: will this ringing call be answered live, will this busy agent be free in time for a new answer.
 *
 * <p>Both forecasts are read per call and per agent on every event, so they are precomputed as tables over elapsed
 * time and rebuilt only when an underlying distribution has changed.
 */
public final class CampaignEstimates {
    /** Quantiles of the answer delay and of the wrap-up averaged over when forecasting an agent (cheap integration). */
    private static final double[] GRID = {0.1, 0.3, 0.5, 0.7, 0.9};
    private static final int TABLE_POINTS = 400;

    private final AnswerRateEstimator answer;
    private final DurationEstimator liveRing;
    private final DurationEstimator otherEnd;
    private final DurationEstimator talk;
    private final DurationEstimator wrap;
    private final double connectWindow;

    private double[][] liveTable = new double[0][0];
    private double liveStep;
    private double liveTableP = -1;
    private long liveTableKey = -1;

    private double[][] talkTable = new double[0][0];
    private double talkStep;
    private double[][] wrapTable = new double[0][0];
    private double wrapStep;
    private long agentTableKey = -1;

    public CampaignEstimates(double priorAnswerRate, double priorRingSeconds, double priorTalkSeconds,
            double priorWrapSeconds, double connectWindowSeconds) {
        this.answer = new AnswerRateEstimator(priorAnswerRate, 50, 2000);
        this.liveRing = new DurationEstimator(priorRingSeconds, 1000, 30);
        this.otherEnd = new DurationEstimator(Math.max(priorRingSeconds, 15), 1000, 30);
        this.talk = new DurationEstimator(priorTalkSeconds, 1000, 30);
        this.wrap = new DurationEstimator(priorWrapSeconds, 1000, 30);
        this.connectWindow = connectWindowSeconds;
    }

    /** A dial was answered by a live person {@code seconds} after it started. */
    public void liveAnswer(double seconds) {
        answer.resolved(true);
        liveRing.add(seconds);
    }

    /** A dial ended without a live person (machine, no answer, busy, failure) {@code seconds} after it started. */
    public void otherOutcome(double seconds) {
        answer.resolved(false);
        otherEnd.add(seconds);
    }

    /** An agent talked {@code seconds} on a call. */
    public void talked(double seconds) {
        talk.add(seconds);
    }

    /** An agent spent {@code seconds} in wrap-up. */
    public void wrappedUp(double seconds) {
        wrap.add(seconds);
    }

    /** P(live answer) for a new dial. */
    public double answerProbability() {
        return answer.probability();
    }

    /**
     * The horizons forecasts are made for: quantiles of the time a new dial takes to be answered live, and last
     * "whenever it is answered". Checking overflow at each of them, not only over the whole ring, is what stops a call
     * answered in 3 s from counting on an agent who is free in 12 s.
     */
    public int horizons() {
        return GRID.length + 1;
    }

    /** P(a new dial is answered live within horizon {@code h}) ({@code h == horizons() - 1}: at all). */
    public double newDialLiveWithin(int h) {
        double p = answer.probability();
        return h == GRID.length ? p : p * liveRing.cdf(horizonSeconds(h));
    }

    private double horizonSeconds(int h) {
        return liveRing.quantile(GRID[h]);
    }

    /**
     * P(a dial still ringing after {@code elapsed} s is answered live within horizon {@code h}): Bayes on "not
     * resolved yet", so a call that has rung longer than live answers usually take counts for less.
     */
    public double liveWithin(int h, double elapsed) {
        double p = answer.probability();
        long key = liveRing.version() * 1_000_003L + otherEnd.version();
        if (key != liveTableKey || Math.abs(p - liveTableP) > 0.002) {
            rebuildLiveTable(p);
            liveTableKey = key;
            liveTableP = p;
        }
        int i = (int) (elapsed / liveStep);
        return i < liveTable[h].length ? liveTable[h][Math.max(0, i)] : 0;
    }

    /** P(live answer at all) for a dial ringing for {@code elapsed} seconds. */
    public double liveProbability(double elapsed) {
        return liveWithin(GRID.length, elapsed);
    }

    private void rebuildLiveTable(double p) {
        double longest = Math.max(liveRing.max(), otherEnd.max()) + 1;
        liveStep = Math.max(0.25, longest / TABLE_POINTS);
        int n = (int) Math.ceil(longest / liveStep) + 1;
        liveTable = new double[GRID.length + 1][n];
        for (int i = 0; i < n; i++) {
            double e = i * liveStep;
            double liveLeft = liveRing.survival(e);
            double pending = p * liveLeft + (1 - p) * otherEnd.survival(e);
            if (pending <= 0) {
                continue;
            }
            double base = liveRing.cdf(e);
            for (int h = 0; h < GRID.length; h++) {
                liveTable[h][i] = p * Math.max(0, liveRing.cdf(e + horizonSeconds(h)) - base) / pending;
            }
            liveTable[GRID.length][i] = p * liveLeft / pending;
        }
    }

    /** P(an agent talking for {@code elapsed} s is free, talk and wrap-up done, in time for horizon {@code h}). */
    public double freeFromTalk(int h, double elapsed) {
        refreshAgentTables();
        int i = (int) (elapsed / talkStep);
        return talkTable[h][Math.min(talkTable[h].length - 1, Math.max(0, i))];
    }

    /** P(an agent in wrap-up for {@code elapsed} s is free in time for horizon {@code h}). */
    public double freeFromWrap(int h, double elapsed) {
        refreshAgentTables();
        int i = (int) (elapsed / wrapStep);
        return wrapTable[h][Math.min(wrapTable[h].length - 1, Math.max(0, i))];
    }

    private void refreshAgentTables() {
        long key = (talk.version() * 1_000_003L + wrap.version()) * 1_000_003L + liveRing.version();
        if (key == agentTableKey) {
            return;
        }
        agentTableKey = key;
        // An answer may wait the connect window for its agent.
        double[] by = new double[GRID.length];
        double[] wrapTimes = new double[GRID.length];
        for (int i = 0; i < GRID.length; i++) {
            by[i] = horizonSeconds(i) + connectWindow;
            wrapTimes[i] = wrap.quantile(GRID[i]);
        }
        double talkHorizon = Math.min(talk.max(), 4 * 3600);
        talkStep = Math.max(1, talkHorizon / TABLE_POINTS);
        int nt = (int) Math.ceil(talkHorizon / talkStep) + 1;
        talkTable = new double[GRID.length + 1][nt];
        for (int i = 0; i < nt; i++) {
            double e = i * talkStep;
            double alive = talk.survival(e);
            double base = talk.cdf(e);
            double all = 0;
            for (int h = 0; h < GRID.length; h++) {
                double sum = 0;
                for (double w : wrapTimes) {
                    sum += Math.max(0, talk.cdf(e + by[h] - w) - base);
                }
                // Longer than any call seen: no basis for a forecast, keep the last one.
                double q = alive <= 0 ? (i > 0 ? talkTable[h][i - 1] : 0) : sum / wrapTimes.length / alive;
                talkTable[h][i] = q;
                all += q;
            }
            // "In time for the answer, whenever it comes": averaged over the answer-time quantiles.
            talkTable[GRID.length][i] = all / GRID.length;
        }
        double wrapHorizon = Math.min(wrap.max(), 3600);
        wrapStep = Math.max(0.25, wrapHorizon / TABLE_POINTS);
        int nw = (int) Math.ceil(wrapHorizon / wrapStep) + 1;
        wrapTable = new double[GRID.length + 1][nw];
        for (int i = 0; i < nw; i++) {
            double e = i * wrapStep;
            double alive = wrap.survival(e);
            double base = wrap.cdf(e);
            double all = 0;
            for (int h = 0; h < GRID.length; h++) {
                double q = alive <= 0 ? (i > 0 ? wrapTable[h][i - 1] : 1)
                        : Math.max(0, wrap.cdf(e + by[h]) - base) / alive;
                wrapTable[h][i] = q;
                all += q;
            }
            wrapTable[GRID.length][i] = all / GRID.length;
        }
    }

    /** Mean time from dial to live answer, seconds. */
    public double meanTimeToAnswer() {
        return liveRing.mean();
    }

    /** Mean talk time, seconds. */
    public double meanTalk() {
        return talk.mean();
    }

    /** Mean wrap-up time, seconds. */
    public double meanWrap() {
        return wrap.mean();
    }

    /** Dials resolved so far. */
    public long dialsResolved() {
        return answer.observed();
    }
}
