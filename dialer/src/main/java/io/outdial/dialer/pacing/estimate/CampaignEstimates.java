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

    private double[] liveTable = new double[0];
    private double liveStep;
    private double liveTableP = -1;
    private long liveTableKey = -1;

    private double[] talkTable = new double[0];
    private double talkStep;
    private double[] wrapTable = new double[0];
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
     * P(live answer) for a dial still ringing after {@code elapsed} seconds: Bayes on "not resolved yet", so a call
     * that has rung longer than live answers usually take counts for less.
     */
    public double liveProbability(double elapsed) {
        double p = answer.probability();
        long key = liveRing.version() * 1_000_003L + otherEnd.version();
        if (key != liveTableKey || Math.abs(p - liveTableP) > 0.002) {
            rebuildLiveTable(p);
            liveTableKey = key;
            liveTableP = p;
        }
        int i = (int) (elapsed / liveStep);
        return i < liveTable.length ? liveTable[Math.max(0, i)] : 0;
    }

    private void rebuildLiveTable(double p) {
        double horizon = Math.max(liveRing.max(), otherEnd.max()) + 1;
        liveStep = Math.max(0.25, horizon / TABLE_POINTS);
        int n = (int) Math.ceil(horizon / liveStep) + 1;
        liveTable = new double[n];
        for (int i = 0; i < n; i++) {
            double e = i * liveStep;
            double live = p * liveRing.survival(e);
            double other = (1 - p) * otherEnd.survival(e);
            liveTable[i] = live + other <= 0 ? 0 : live / (live + other);
        }
    }

    /** P(an agent talking for {@code elapsed} s is free, talk and wrap-up done, when a new dial is answered). */
    public double freeInTimeFromTalk(double elapsed) {
        refreshAgentTables();
        int i = (int) (elapsed / talkStep);
        return talkTable[Math.min(talkTable.length - 1, Math.max(0, i))];
    }

    /** P(an agent in wrap-up for {@code elapsed} s is free when a new dial is answered). */
    public double freeInTimeFromWrap(double elapsed) {
        refreshAgentTables();
        int i = (int) (elapsed / wrapStep);
        return wrapTable[Math.min(wrapTable.length - 1, Math.max(0, i))];
    }

    private void refreshAgentTables() {
        long key = (talk.version() * 1_000_003L + wrap.version()) * 1_000_003L + liveRing.version();
        if (key == agentTableKey) {
            return;
        }
        agentTableKey = key;
        // The answer the agent must be free for arrives after a ring time, and may wait the connect window.
        double[] answerAt = new double[GRID.length];
        double[] wrapTimes = new double[GRID.length];
        for (int i = 0; i < GRID.length; i++) {
            answerAt[i] = liveRing.quantile(GRID[i]) + connectWindow;
            wrapTimes[i] = wrap.quantile(GRID[i]);
        }
        double talkHorizon = Math.min(talk.max(), 4 * 3600);
        talkStep = Math.max(1, talkHorizon / TABLE_POINTS);
        talkTable = new double[(int) Math.ceil(talkHorizon / talkStep) + 1];
        for (int i = 0; i < talkTable.length; i++) {
            double e = i * talkStep;
            double alive = talk.survival(e);
            if (alive <= 0) {
                // Longer than any call seen: no basis for a forecast, keep the last one.
                talkTable[i] = i > 0 ? talkTable[i - 1] : 0;
                continue;
            }
            double base = talk.cdf(e);
            double sum = 0;
            for (double a : answerAt) {
                for (double w : wrapTimes) {
                    sum += Math.max(0, talk.cdf(e + a - w) - base);
                }
            }
            talkTable[i] = sum / (answerAt.length * wrapTimes.length) / alive;
        }
        double wrapHorizon = Math.min(wrap.max(), 3600);
        wrapStep = Math.max(0.25, wrapHorizon / TABLE_POINTS);
        wrapTable = new double[(int) Math.ceil(wrapHorizon / wrapStep) + 1];
        for (int i = 0; i < wrapTable.length; i++) {
            double e = i * wrapStep;
            double alive = wrap.survival(e);
            if (alive <= 0) {
                wrapTable[i] = i > 0 ? wrapTable[i - 1] : 1;
                continue;
            }
            double base = wrap.cdf(e);
            double sum = 0;
            for (double a : answerAt) {
                sum += Math.max(0, wrap.cdf(e + a) - base);
            }
            wrapTable[i] = sum / answerAt.length / alive;
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
