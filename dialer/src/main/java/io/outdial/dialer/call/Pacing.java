package io.outdial.dialer.call;

import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.core.exec.Scheduler;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.CampaignPlan;
import io.outdial.dialer.config.DialingMode;
import io.outdial.dialer.pacing.PacingEngine;
import io.outdial.dialer.pacing.PacingSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;

/**
 * The one pacing engine of the gateway and what keeps it fed: the agents' phases ({@link PacedAgents}), the figures
 * for Prometheus ({@link PacingFigures}) and the stored abandonment ledger. Predictive dialing (contacts dialed ahead
 * of free agents) and engaged dialing (assured connection and ASM: the agent is reserved and on the line first) both
 * report their calls here and ask the same engine how many contacts to dial. Dialer executor only.
 */
final class Pacing {
    final PacingEngine engine;
    final PacedAgents agents;
    final PacingFigures figures;
    private final Scheduler clock;
    private final DialerMetrics metrics;
    private final RecordWrites writes;
    private final ZoneId zone;

    Pacing(Scheduler clock, DialerMetrics metrics, Collection<Campaign> campaigns, RecordWrites writes, ZoneId zone,
           Assignments assignments) {
        this.clock = clock;
        this.metrics = metrics;
        this.writes = writes;
        this.zone = zone;
        this.engine = new PacingEngine(zone);
        this.agents = new PacedAgents(engine, campaigns, assignments);
        this.figures = new PacingFigures(metrics, engine, agents);
        for (Campaign c : campaigns) {
            if (c.plan().paced()) {
                engine.campaign(c.name(), settingsOf(c.plan()));
                figures.register(c.name(), settingsOf(c.plan()).compliance().abandonLimit());
            }
        }
    }

    /**
     * How the engine paces a campaign. Predictive campaigns, with or without ASM, use their {@code pacing} section.
     * Assured connection and progressive ASM dial one contact per engaged agent: the engine's progressive method at
     * one line, under the same compliance rules, so no contact is ever dialed without an agent waiting on the line.
     */
    static PacingSettings settingsOf(CampaignPlan plan) {
        return plan.dialingMode() == DialingMode.PREDICTIVE ? plan.pacing() : PacingSettings.progressive(1)
                .with(plan.pacing().compliance());
    }

    /** A contact was dialed for a paced campaign. */
    void dialed(String callId, Campaign campaign) {
        Instant now = clock.now();
        engine.callDialed(callId, campaign.name(), now);
        figures.dialed(campaign.name(), now);
    }

    /** A paced call is a live answer (at the pick-up, or at the verdict that let it through). */
    void liveAnswer(String callId, Campaign campaign) {
        Instant now = clock.now();
        engine.callAnsweredLive(callId, now);
        figures.liveAnswered(campaign.name(), now);
        writes.abandonmentCounts(campaign.name(), LocalDate.ofInstant(now, zone), 1, 0, 0);
        metrics.answered(campaign.name());
    }

    /** AMD found a machine: out of pacing, counted apart. */
    void machine(String callId, Campaign campaign) {
        Instant now = clock.now();
        engine.callMachineDetected(callId, now);
        figures.machineDetected(campaign.name());
        writes.abandonmentCounts(campaign.name(), LocalDate.ofInstant(now, zone), 0, 0, 1);
    }

    /** A live answer no agent was there for: result Abandoned, counted against the campaign's limit. */
    void abandoned(String callId, Campaign campaign) {
        Instant now = clock.now();
        engine.callAbandoned(callId, now);
        figures.abandoned(campaign.name(), now);
        writes.abandonmentCounts(campaign.name(), LocalDate.ofInstant(now, zone), 0, 1, 0);
    }
}
