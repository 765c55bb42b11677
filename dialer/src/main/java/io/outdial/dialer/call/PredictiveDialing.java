package io.outdial.dialer.call;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Continuations;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.CampaignState;
import io.outdial.dialer.config.DialingMode;
import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.dialer.pacing.PacingDecision;
import io.outdial.dialer.pacing.PacingEngine;
import io.outdial.dialer.pacing.compliance.AbandonmentLedger;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Predictive dialing: the {@link PacingEngine} decides how many contacts each running predictive campaign dials now,
 * asked again after every agent state change and call outcome and every second. Contacts are dialed without an
 * agent; a live answer gets the campaign's longest-waiting Ready agent, or waits for one up to the connect window and
 * is then abandoned (result Abandoned, counted in the campaign's abandonment ledger). Dialer executor only.
 */
public final class PredictiveDialing implements ModePolicy {
    private static final Logger LOG = LoggerFactory.getLogger(PredictiveDialing.class);
    private static final Duration TICK = Duration.ofSeconds(1);

    /** The dialer executor this mode runs on; its scheduler is the clock. */
    private final CallExecutor dialer;
    /** Where this mode's records come from, how each becomes an interaction, and their writes. */
    private final ModeRecords records;
    /** How this mode's calls and dial requests are made. */
    private final CallPlacement placement;
    private final AgentRoster roster;
    private final Collection<Campaign> campaigns;
    private final RecordWrites writes;
    private final AfterCall afterCall;
    private final Pacing pacing;
    private final PacingEngine engine;
    private final PacedAgents agents;
    private final PacingFigures figures;
    private final ZoneId zone;
    /** Records being retrieved per campaign: decided dials the engine does not see in flight yet. */
    private final Map<String, Integer> retrieving = new HashMap<>();
    /** Answered contacts and the agents they get (or wait for). */
    private final PredictiveAnswers answers;
    private boolean paceQueued;
    private boolean stopped;
    private final Assignments assignments;
    /** The one observer of every paced call: hops its milestones to this policy's {@link #answered}, {@link #ended}. */
    private final CampaignCall.Observer milestones;

    /** @param milestones the observer of every paced contact call ({@link CallMilestones#contactCalls}) */
    PredictiveDialing(CallExecutor dialer, DialerMetrics metrics, ModeRecords records, CallPlacement placement,
            AgentRoster roster, Collection<Campaign> campaigns, AfterCall afterCall, ZoneId zone, Assignments assignments,
            CampaignCall.Observer milestones) {
        this.dialer = dialer;
        this.records = records;
        this.placement = placement;
        this.assignments = assignments;
        this.milestones = milestones;
        this.roster = roster;
        this.campaigns = campaigns;
        this.writes = records.writes();
        this.afterCall = afterCall;
        this.zone = zone;
        this.pacing = new Pacing(dialer.scheduler(), metrics, campaigns, writes, zone, assignments);
        this.engine = pacing.engine;
        this.agents = pacing.agents;
        this.figures = pacing.figures;
        this.answers = new PredictiveAnswers(dialer, placement, roster, pacing, assignments, d -> active(d.call.id()) == d,
                this::paceSoon);
        roster.onStateChange((agent, previous) -> {
            agents.moved(agent, previous, dialer.scheduler().now());
            paceSoon();
        });
        dialer.execute(this::tick);
    }

    /** Sets the interaction preview of answered contacts. Call before the first answer. */
    void answerPreview(AnswerPreview preview) {
        answers.preview(preview);
    }

    private boolean anyPredictive() {
        return campaigns.stream().anyMatch(c -> c.plan().predictive());
    }

    private void tick() {
        if (stopped || !anyPredictive()) {
            return;
        }
        paceNow();
        dialer.schedule(TICK, this::tick);
    }

    /** Asks for a pacing pass once the current dialer task is over (coalesces bursts of agent changes). */
    private void paceSoon() {
        if (!paceQueued) {
            paceQueued = true;
            dialer.execute(() -> {
                paceQueued = false;
                paceNow();
            });
        }
    }

    /** Serves waiting answers, then dials what the engine asks for, for every running predictive campaign. */
    /** Predictive's own pass (its tick, an answer, a list that fell due): its campaigns only. */
    void paceNow() {
        Instant now = dialer.scheduler().now();
        beforeCampaigns(now);
        for (Campaign campaign : campaigns) {
            if (chooses(campaign.plan())) {
                pace(campaign, now);
            }
        }
    }

    /** Predictive campaigns (ASM over predictive is the engaged policy's). */
    @Override
    public Set<DialingMode> dialingModes() {
        return Set.of(DialingMode.PREDICTIVE);
    }

    @Override
    public void beforeCampaigns(Instant now) {
        for (Agent a : roster.all()) {
            agents.sync(a, now);
        }
        answers.serveWaiting();
    }

    @Override
    public void pace(Campaign campaign, Instant now) {
        if (stopped || campaign.state() != CampaignState.RUNNING || campaign.listExhausted()
                || !placement.trunkAllowsCalls(campaign)) {
            figures.update(campaign.name(), null, now);
            return;
        }
        PacingDecision decision = engine.decide(campaign.name(), now);
        figures.update(campaign.name(), decision, now);
        int more = decision.dialNow() - retrieving.getOrDefault(campaign.name(), 0);
        for (int i = 0; i < more; i++) {
            retrieve(campaign);
        }
    }

    private void retrieve(Campaign campaign) {
        retrieving.merge(campaign.name(), 1, Integer::sum);
        records.next(campaign, null)
                .whenCompleteAsync(Continuations.logged("PredictiveDialing.retrieve", (record, error) -> {
                    int others = retrieving.merge(campaign.name(), -1, Integer::sum);
                    if (error != null || record.isEmpty()) {
                        if (error != null) {
                            LOG.error("campaign {}: cannot retrieve a record", campaign.name(), error);
                        }
                        markExhausted(campaign);
                        return;
                    }
                    // The world moved while the store answered: dial only if the engine still wants this one.
                    boolean wanted = !stopped && campaign.state() == CampaignState.RUNNING
                            && engine.decide(campaign.name(), dialer.scheduler().now()).dialNow() - others >= 1;
                    if (wanted) {
                        dial(campaign, record.get());
                    } else {
                        writes.returnToReady(record.get().recordId());
                    }
                }), dialer);
    }

    private void markExhausted(Campaign campaign) {
        campaign.markExhausted(dialer, LIST_RECHECK, this::paceNow);
    }

    private void dial(Campaign campaign, CallingRecord record) {
        Interaction interaction = records.interaction(InteractionIds.Owner.PREDICTIVE, campaign, record);
        String id = interaction.id();
        CampaignCall call = placement.contactCall(id, campaign, record, null, milestones);
        PredictiveDial dialed = new PredictiveDial(call, campaign, interaction, this, afterCall);
        assignments.add(id, InteractionIds.Owner.PREDICTIVE, campaign.name(), call, dialed);
        assignments.calls().started(PacedMode.PREDICTIVE);
        pacing.dialed(id, campaign);
        LOG.info("campaign {}: predictive dial of record {} ({})", campaign.name(), record.recordId(),
                record.contactInfo());
        call.start();
    }

    // ---- answers (the agents they get: PredictiveAnswers), asked by CallMilestones ---------------------------------

    /**
     * The pick-up and the verdict that lets it through make the live answer, which gets an agent or a wait; then its
     * agent is rung and bridged.
     */
    @Override
    public void answered(PacedCall call, CampaignCall contact, ContactAnswer answer, Instant at) {
        PredictiveDial d = (PredictiveDial) call;
        switch (answer) {
            case PICKED_UP -> contactAnswered(d);
            case CLEARED -> contactCleared(d);
            case AGENT_RINGING -> agentRinging(d);
            case BRIDGED -> bridged(d);
        }
    }

    /** A machine verdict takes the call out of pacing (counted once). */
    @Override
    public void machine(PacedCall call, CampaignCall contact) {
        machineDetected((PredictiveDial) call);
    }

    /** Out of the registry and of the waiting answers, its outcome to the engine, the after-call path, a new pass. */
    @Override
    public void ended(PacedCall call, CampaignCall contact, CallOutcome outcome) {
        finished((PredictiveDial) call, outcome);
    }

    private void agentRinging(PredictiveDial d) {
        d.interaction.stage(Interaction.Stage.RINGING);
        d.agent.desktop().ringing(d.interaction);
    }

    private void bridged(PredictiveDial d) {
        agents.connected(d.call.id(), d.agent, dialer.scheduler().now())
                .ifPresent(wait -> figures.agentWaited(d.campaign.name(), wait));
        d.interaction.stage(Interaction.Stage.ESTABLISHED);
        d.agent.moveTo(AgentState.BUSY, d.campaign.name());
        d.agent.desktop().established(d.interaction);
    }

    /**
     * The contact picked up. Without AMD that is the live answer; with AMD the live answer is the verdict that lets
     * the call through ({@link #contactCleared}), and a machine verdict takes the call out of pacing.
     */
    private void contactAnswered(PredictiveDial d) {
        d.pickedUp = dialer.scheduler().now();
        writes.answered(d.interaction.record().recordId());
        if (!d.campaign.plan().detection().amd()) {
            liveAnswer(d);
        }
    }

    private void contactCleared(PredictiveDial d) {
        if (d.campaign.plan().detection().amd() && d.pickedUp != null && !d.answer.live()) {
            liveAnswer(d);
        }
    }

    private void machineDetected(PredictiveDial d) {
        if (d.answer.uncounted()) {
            d.answer = d.answer.moveTo(PacedAnswer.MACHINE);
            pacing.machine(d.call.id(), d.campaign);
        }
    }

    /** A live answer (or a machine to connect): counted, then given an agent or a wait ({@link PredictiveAnswers}). */
    private void liveAnswer(PredictiveDial d) {
        if (!d.answer.machine()) {
            d.answer = d.answer.moveTo(PacedAnswer.LIVE);
            pacing.liveAnswer(d.call.id(), d.campaign);
        }
        answers.serve(d);
    }

    // ---- the end of a call --------------------------------------------------------------------------------------

    private void finished(PredictiveDial d, CallOutcome outcome) {
        assignments.remove(d.call.id());
        answers.callGone(d);
        assignments.calls().ended(PacedMode.PREDICTIVE);
        if (!outcome.attempted()) {
            engine.callForgotten(d.call.id());
            d.campaign.listExhausted(false);
        } else if (outcome.result() == CallResult.ABANDONED) {
            answers.countAbandoned(d);
        } else if (!d.answer.live()) {
            engine.callFailed(d.call.id(), dialer.scheduler().now());
        } else if (!outcome.agentConnected()) {
            engine.callForgotten(d.call.id());
        }
        if (d.stage == PredictiveAgentStage.TRANSFERRED_OUT) {
            LOG.info("campaign {}: transferred call {} ended", d.campaign.name(), d.call.id());
        } else if (d.agent != null) {
            afterCall.callEnded(d.agent, d.interaction, d.campaign.name(), outcome);
        } else {
            afterCall.contactOnlyCallEnded(d.interaction, d.campaign.name(), outcome);
        }
        paceNow();
    }

    /** Stops pacing (gateway stopping: {@link Dialing} then hangs up every call). Dialer only. */
    void stop() {
        stopped = true;
    }

    /** This mode's live call of {@code id} (its state in the registry), or null once it is over. */
    private PredictiveDial active(String id) {
        return assignments.stateOf(id, PredictiveDial.class).orElse(null);
    }

    /** The pacing engine and its feeds, shared with engaged dialing (assured connection, ASM). */
    Pacing pacing() {
        return pacing;
    }

    /** Seeds a campaign's abandonment ledger with a past day (after a restart). Dialer only. */
    void restoreAbandonment(String campaign, LocalDate day,
            AbandonmentLedger.DayCounts counts) {
        engine.restoreAbandonment(campaign, day, counts);
    }
}
