package io.outdial.dialer.pacing;

import io.outdial.dialer.pacing.compliance.AbandonmentLedger;
import io.outdial.dialer.pacing.estimate.CampaignEstimates;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pacing state of one campaign: its agents and calls in flight, its estimates, its abandonment ledger and the
 * decision rule of its method. Not thread-safe: the dialer drives it from its one serial executor.
 */
final class CampaignPacer {
    /** The back-off starts when the abandonment rate reaches this share of the limit, and is complete at the limit. */
    private static final double BACKOFF_START = 0.75;
    /** The compliance reserve: predictive dials only while the (1 - RESERVE_TAIL) overflow fits in the slack. */
    private static final double RESERVE_TAIL = 0.01;
    /** Small groups: the base bound on P(any abandon) per decision, scaled by the feedback. */
    private static final double SMALL_GROUP_TAIL = 0.10;
    /** Small groups back off fully at this share of the limit. */
    private static final double SMALL_GROUP_CEILING = 0.85;

    private final String name;
    private final PacingSettings settings;
    final CampaignEstimates estimates;
    final AbandonmentLedger ledger;
    private final Aggressiveness aggressiveness;
    private final Map<String, PacedAgent> agents = new LinkedHashMap<>();
    /** Dial time (seconds) of each call ringing; answered calls move to {@link #waiting}. */
    private final Map<String, Double> ringing = new HashMap<>();
    private final Map<String, Double> waiting = new HashMap<>();
    private double[] ringingP = new double[16];
    private double[] busyQ = new double[16];

    CampaignPacer(String name, PacingSettings settings, ZoneId zone) {
        this.name = name;
        this.settings = settings;
        this.estimates = new CampaignEstimates(settings.priorAnswerRate(), settings.priorRingSeconds(),
                settings.priorTalkSeconds(), settings.priorWrapSeconds(), settings.connectWindow().toMillis() / 1e3);
        this.ledger = new AbandonmentLedger(settings.compliance(), zone);
        this.aggressiveness = new Aggressiveness(settings.method(), settings.target());
    }

    String name() {
        return name;
    }

    PacingSettings settings() {
        return settings;
    }

    // ---- agents -------------------------------------------------------------------------------------------------

    void add(PacedAgent agent) {
        agents.put(agent.id, agent);
    }

    void remove(PacedAgent agent, double now) {
        leavePhase(agent, now);
        agents.remove(agent.id);
    }

    void ready(PacedAgent agent, double now) {
        leavePhase(agent, now);
        agent.moveTo(PacedAgent.Phase.READY, now);
    }

    void notReady(PacedAgent agent, double now) {
        leavePhase(agent, now);
        agent.moveTo(PacedAgent.Phase.NOT_READY, now);
    }

    void released(PacedAgent agent, double now) {
        leavePhase(agent, now);
        agent.moveTo(PacedAgent.Phase.WRAP_UP, now);
    }

    /** Learns from the phase an agent leaves. */
    private void leavePhase(PacedAgent agent, double now) {
        double spent = now - agent.since;
        switch (agent.phase) {
            case TALKING -> {
                estimates.talked(spent);
                agent.lastTalk = spent;
            }
            case WRAP_UP -> {
                estimates.wrappedUp(spent);
                aggressiveness.agentCycle(agent.lastWait, agent.lastTalk + spent);
            }
            default -> { }
        }
    }

    // ---- calls --------------------------------------------------------------------------------------------------

    void dialed(String callId, double now) {
        ringing.put(callId, now);
    }

    void answeredLive(String callId, Instant at, double now) {
        Double dialedAt = ringing.remove(callId);
        if (dialedAt != null) {
            estimates.liveAnswer(now - dialedAt);
            ledger.liveAnswered(at);
            waiting.put(callId, now);
        }
    }

    void otherOutcome(String callId, double now) {
        Double dialedAt = ringing.remove(callId);
        if (dialedAt != null) {
            estimates.otherOutcome(now - dialedAt);
        }
    }

    void connected(String callId, PacedAgent agent, double now) {
        waiting.remove(callId);
        aggressiveness.liveAnswerResolved(false);
        leavePhase(agent, now);
        agent.lastWait = agent.phase == PacedAgent.Phase.READY ? now - agent.since : 0;
        agent.moveTo(PacedAgent.Phase.TALKING, now);
    }

    void abandoned(String callId, Instant at) {
        // Abandoned before the answer was reported (a race in the caller): count it live, rules are about people.
        if (ringing.remove(callId) != null) {
            ledger.liveAnswered(at);
        }
        waiting.remove(callId);
        ledger.abandoned(at);
        aggressiveness.liveAnswerResolved(true);
    }

    /** A call that ended without an outcome the pacer learns from (cancelled, dropped by the dialer). */
    void forget(String callId) {
        ringing.remove(callId);
        waiting.remove(callId);
    }

    // ---- the decision -------------------------------------------------------------------------------------------

    PacingDecision decide(Instant at, double now) {
        int free = 0;
        int nBusy = 0;
        for (PacedAgent a : agents.values()) {
            if (a.phase == PacedAgent.Phase.READY) {
                free++;
            } else if (a.phase != PacedAgent.Phase.NOT_READY) {
                nBusy++;
            }
        }
        int available = free + nBusy;
        int inFlight = ringing.size() + waiting.size();
        double p = estimates.answerProbability();
        if (available == 0) {
            return new PacingDecision(0, PacingMode.IDLE, inFlight, 0, 0, 0, p);
        }
        int cap = Math.max(0, (int) Math.floor(settings.maxLinesPerAgent() * available) - inFlight);
        // One line per free agent beyond what is in flight never abandons: every mode keeps at least that.
        int floor = Math.max(0, free - inFlight);
        double rate = ledger.rate(at);
        double limit = settings.compliance().abandonLimit();
        // Small groups stop short of the limit: one abandon moves their daily rate by a whole step.
        double ceiling = available < settings.smallGroupAgents() ? SMALL_GROUP_CEILING * limit : limit;
        double room = Math.max(0, Math.min(1, (ceiling - rate) / (ceiling * (1 - BACKOFF_START))));

        if (settings.method() == PacingMethod.PROGRESSIVE) {
            double lines = 1 + (settings.target() - 1) * room;
            int dial = Math.max(floor, (int) Math.floor(lines * free + 1e-9) - inFlight);
            return new PacingDecision(Math.min(dial, cap), PacingMode.PROGRESSIVE, inFlight, free, 0, 0, p);
        }
        int all = estimates.horizons() - 1;
        double predictedFree = fillBusy(all, now);
        if (room <= 0) {
            return new PacingDecision(Math.min(floor, cap), PacingMode.BACKED_OFF, inFlight, free, predictedFree, 0,
                    p);
        }
        boolean small = available < settings.smallGroupAgents();
        double scale = aggressiveness.multiplier() * room;
        double ratio = (settings.method() == PacingMethod.ABANDONMENT_RATE ? settings.target() : limit / 2) * scale;
        double anyBound = Math.min(0.5, SMALL_GROUP_TAIL * scale);
        double slack = ledger.slack(at);

        // The whole ring first, then each shorter horizon may only lower k; the compliance reserve holds at each.
        int k = cap;
        double expectedAnswers = 0;
        for (int h = all; h >= 0 && k > 0; h--) {
            if (h != all) {
                fillBusy(h, now);
            }
            int nRinging = fillRinging(h, now);
            OverflowForecast forecast = new OverflowForecast(waiting.size(), ringingP, nRinging, free, busyQ, nBusy,
                    RESERVE_TAIL);
            double ph = estimates.newDialLiveWithin(h);
            // Small groups keep one abandon of slack in hand: one call is a large share of their day.
            double hSlack = small ? slack - 1 : slack;
            OverflowForecast.Outcome last = forecast.outcome();
            int kh = 0;
            if (acceptable(last, small, ratio, anyBound, hSlack)) {
                while (kh < k) {
                    forecast.addDial(ph);
                    OverflowForecast.Outcome next = forecast.outcome();
                    if (!acceptable(next, small, ratio, anyBound, hSlack)) {
                        break;
                    }
                    kh++;
                    last = next;
                }
            }
            if (h == all) {
                expectedAnswers = last.expectedAnswers();
            }
            k = Math.min(k, kh);
        }
        PacingMode mode = room < 1 ? PacingMode.BACKED_OFF : small ? PacingMode.SMALL_GROUP : PacingMode.PREDICTIVE;
        return new PacingDecision(Math.min(cap, Math.max(k, floor)), mode, inFlight, free, predictedFree,
                expectedAnswers, p);
    }

    /** Fills {@link #busyQ} with P(free in time for horizon h) of each busy agent; returns their sum. */
    private double fillBusy(int h, double now) {
        int n = 0;
        double sum = 0;
        if (busyQ.length < agents.size()) {
            busyQ = new double[agents.size() * 2];
        }
        for (PacedAgent a : agents.values()) {
            double q;
            if (a.leavingAfterCall) {
                q = 0;
            } else if (a.phase == PacedAgent.Phase.TALKING) {
                q = estimates.freeFromTalk(h, now - a.since);
            } else if (a.phase == PacedAgent.Phase.WRAP_UP) {
                q = estimates.freeFromWrap(h, now - a.since);
            } else {
                continue;
            }
            // Kept in the list with q = 0 so that agent counts line up with the other horizons.
            busyQ[n++] = q;
            sum += q;
        }
        return sum;
    }

    /** Fills {@link #ringingP} with P(live answer within horizon h) of each ringing call; returns their count. */
    private int fillRinging(int h, double now) {
        if (ringingP.length < ringing.size()) {
            ringingP = new double[ringing.size() * 2];
        }
        int n = 0;
        for (double dialedAt : ringing.values()) {
            ringingP[n++] = estimates.liveWithin(h, now - dialedAt);
        }
        return n;
    }

    private static boolean acceptable(OverflowForecast.Outcome o, boolean small, double ratio, double anyBound,
            double slack) {
        if (o.overflowQuantile() > Math.max(0, slack)) {
            return false;
        }
        return small ? o.anyOverflow() <= anyBound : o.expectedOverflow() <= ratio * Math.max(1, o.expectedAnswers());
    }

    /** Agents available (Ready, talking or in wrap-up). */
    int availableAgents() {
        int n = 0;
        for (PacedAgent a : agents.values()) {
            if (a.phase != PacedAgent.Phase.NOT_READY) {
                n++;
            }
        }
        return n;
    }

    int callsInFlight() {
        return ringing.size() + waiting.size();
    }
}
