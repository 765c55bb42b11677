package io.outdial.dialer.call;

import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.dialer.pacing.PacingDecision;
import io.outdial.dialer.pacing.PacingEngine;
import io.outdial.dialer.pacing.compliance.AbandonmentReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The predictive campaigns' figures for Prometheus: dial rate, calls in flight, predicted against actual live
 * answers, abandonment rate for the day and the rolling window, busy factor and agent wait. Written on the dialer
 * executor after each decision and event; gauges read volatile snapshots, never the engine.
 */
final class PacingFigures {
    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    /** One campaign's snapshot. */
    private static final class Snapshot {
        final ArrayDeque<Instant> recentDials = new ArrayDeque<>();
        volatile double dialsPerMinute;
        volatile double inFlight;
        volatile double dialNow;
        volatile double dayRate;
        volatile double windowRate;
        volatile double busyFactor;
    }

    private final DialerMetrics metrics;
    private final PacingEngine engine;
    private final PacedAgents agents;
    private final Map<String, Snapshot> campaigns = new HashMap<>();

    PacingFigures(DialerMetrics metrics, PacingEngine engine, PacedAgents agents) {
        this.metrics = metrics;
        this.engine = engine;
        this.agents = agents;
    }

    void register(String campaign, double abandonLimit) {
        Snapshot s = new Snapshot();
        metrics.pacingGauge("outdial_abandonment_limit", "The campaign's limit on abandoned / live answered", campaign,
                null, () -> abandonLimit);
        campaigns.put(campaign, s);
        metrics.pacingGauge("outdial_pacing_dials_per_minute", "Contacts dialed over the last minute", campaign, null,
                () -> s.dialsPerMinute);
        metrics.pacingGauge("outdial_pacing_calls_in_flight", "Paced calls ringing or answered and waiting for an agent",
                campaign, null, () -> s.inFlight);
        metrics.pacingGauge("outdial_pacing_dial_now", "New dials the last pacing decision asked for", campaign, null,
                () -> s.dialNow);
        metrics.pacingGauge("outdial_abandonment_rate", "Abandoned / live answered (the limit applies to both)",
                campaign, "day", () -> s.dayRate);
        metrics.pacingGauge("outdial_abandonment_rate", "Abandoned / live answered (the limit applies to both)",
                campaign, "rolling", () -> s.windowRate);
        metrics.pacingGauge("outdial_pacing_busy_factor", "Share of agents' available time spent talking or wrapping up",
                campaign, null, () -> s.busyFactor);
    }

    /** A contact was dialed: counts it and the live answers it is expected to bring. */
    void dialed(String campaign, Instant now) {
        Snapshot s = campaigns.get(campaign);
        metrics.dialed(campaign);
        metrics.pacingCount("outdial_pacing_predicted_answers", "Live answers expected from the dials placed",
                campaign, engine.answerProbability(campaign));
        s.recentDials.add(now);
    }

    void liveAnswered(String campaign, Instant at) {
        metrics.pacingCount("outdial_pacing_live_answers", "Live answers of paced calls", campaign, 1);
        refreshRates(campaign, at);
    }

    /** AMD found a machine: out of the live answers; reported apart (AMD false positives). */
    void machineDetected(String campaign) {
        metrics.pacingCount("outdial_pacing_machines", "Paced calls answered by a machine (AMD verdict)", campaign, 1);
    }

    void abandoned(String campaign, Instant at) {
        metrics.pacingCount("outdial_pacing_abandoned", "Live answers abandoned: no agent within the connect window",
                campaign, 1);
        refreshRates(campaign, at);
    }

    void agentWaited(String campaign, Duration wait) {
        metrics.agentWait(campaign, wait);
    }

    /** After a decision (null when the campaign is not dialing): refreshes every gauge of the campaign. */
    void update(String campaign, PacingDecision decision, Instant now) {
        Snapshot s = campaigns.get(campaign);
        Instant oldest = now.minus(RATE_WINDOW);
        while (!s.recentDials.isEmpty() && s.recentDials.peekFirst().isBefore(oldest)) {
            s.recentDials.pollFirst();
        }
        s.dialsPerMinute = s.recentDials.size();
        s.inFlight = engine.callsInFlight(campaign);
        s.dialNow = decision == null ? 0 : decision.dialNow();
        agents.settle(now);
        s.busyFactor = agents.shares(campaign).busyFactor();
        refreshRates(campaign, now);
    }

    private void refreshRates(String campaign, Instant now) {
        Snapshot s = campaigns.get(campaign);
        AbandonmentReport r = engine.abandonment(campaign, now);
        s.dayRate = r.dayRate();
        s.windowRate = r.windowRate();
    }
}
