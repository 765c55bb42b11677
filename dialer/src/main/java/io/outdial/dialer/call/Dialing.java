package io.outdial.dialer.call;

import io.outdial.core.exec.CallExecutor;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.dialer.trunk.TrunkChoice;
import io.outdial.sip.DialRequest;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The dialer-wide part of dialing: builds every paced mode ({@link ProgressiveMode}, {@link PredictiveDialing},
 * {@link EngagedDialing}; push preview is given with {@link #pushPreviews}) over one registry ({@link Assignments}),
 * one way out of a call ({@link AfterCall}) and one set of retried writes ({@link RecordWrites}), runs the one
 * pacing loop over their {@link ModePolicy}s, and observes every paced call with one {@link CallMilestones}, which
 * asks the call's policy what an answered contact gets and what an ended call does. Also what the gateway asks of dialing as a whole: calls in progress,
 * idle, a campaign's or every call dropped, an interaction's call. Runs on the dialer executor; re-paces on every
 * agent and call event.
 */
public final class Dialing {
    /** The dialer executor every paced mode runs on; its scheduler is the clock. */
    private final CallExecutor dialer;
    /** How every mode places calls, and a transfer its dials. */
    private final CallPlacement placement;
    private final AgentRoster roster;
    private final Collection<Campaign> campaigns;
    private final RecordWrites writes;
    private final AfterCall afterCall;
    /** Every mode's live contact calls, by interaction id and agent, and the paced modes' call counts. */
    private final Assignments assignments = new Assignments();
    private final ProgressiveMode progressive;
    private final PredictiveDialing predictive;
    private final EngagedDialing engaged;
    /** Every dialing mode's one policy, keyed by mode; null until the push-preview desk's is given. */
    private ModePolicies policies;

    /**
     * @param dialer    the dialer's serial executor (agents, campaigns, pacing); its scheduler is the clock
     * @param placement how every mode places its calls (the preview desk's too)
     * @param records   where the paced modes' records come from, how each becomes an interaction, and the dialer's
     *                  one set of record writes
     * @param zone      the zone whose calendar days predictive campaigns count their daily abandonment rate in
     * @param wrapUp    Mark Done's work besides the result (contact history, callbacks), for every mode's after-call
     *                  path
     */
    public Dialing(CallExecutor dialer, DialerMetrics metrics, CallPlacement placement, ModeRecords records,
                   AgentRoster roster, Collection<Campaign> campaigns, ZoneId zone, AfterCall.WrapUpWork wrapUp) {
        this.dialer = dialer;
        this.roster = roster;
        this.campaigns = campaigns;
        this.placement = placement;
        this.writes = records.writes();
        this.afterCall = new AfterCall(dialer, metrics, writes, wrapUp, this::pace);
        CallMilestones milestones = new CallMilestones(dialer, metrics, assignments);
        this.progressive = new ProgressiveMode(dialer, metrics, records, placement, roster, afterCall, assignments,
                milestones.contactCalls(), this::paceNow);
        this.predictive = new PredictiveDialing(dialer, metrics, records, placement, roster, campaigns, afterCall, zone,
                assignments, milestones.contactCalls());
        this.engaged = new EngagedDialing(dialer, records, placement, roster, campaigns, afterCall, this::pace,
                predictive.pacing(), assignments, milestones.engagingCalls());
        metrics.callsInProgress(this::callsInProgress);
    }

    /** Sets the setup latency (contact answer to bridge) above which dials are rationed; zero: never. Before start. */
    public void setupLatencyLimit(Duration limit) {
        progressive.setupLatencyLimit(limit);
    }

    /** Asks for a pacing pass on the dialer executor. */
    public void pace() {
        dialer.execute(this::paceNow);
    }

    /**
     * The one pacing loop: each mode's policy, in registration order, over the campaigns whose plan it owns
     * ({@link ModePolicies#policyOf}). Dialer only.
     */
    private void paceNow() {
        if (policies == null) {
            throw new IllegalStateException("pacing before the push-preview policy was given");
        }
        java.time.Instant now = dialer.scheduler().now();
        for (ModePolicy policy : policies.inPassOrder()) {
            policy.beforeCampaigns(now);
            for (Campaign campaign : campaigns) {
                if (policies.policyOf(campaign.plan()) == policy) {
                    policy.pace(campaign, now);
                }
            }
        }
    }

    /**
     * The push-preview modes' policy (the preview desks sit above this package); completes the registry, one
     * registration per policy, in the order a pass runs them. Call once, before the first pass.
     *
     * @throws IllegalStateException if a dialing mode is left with no policy or two (start-up fails)
     */
    public void pushPreviews(ModePolicy push) {
        policies = ModePolicies.of(List.of(progressive, predictive, engaged, push, new AgentPulledPreview()));
    }

    /** The policy that paces {@code plan}'s campaign (tests: every mode has its one owner). Dialer only. */
    ModePolicy policyOf(io.outdial.dialer.campaign.CampaignPlan plan) {
        return policies.policyOf(plan);
    }

    /** Sets progressive's interaction preview. Call before the first pass. */
    public void dialPreview(ProgressiveMode.DialPreview preview) {
        progressive.dialPreview(preview);
    }

    /** Sets predictive's interaction preview of answered contacts. Call before the first pass. */
    public void answerPreview(AnswerPreview preview) {
        predictive.answerPreview(preview);
    }

    /** New records may be there (import, records back to Ready): look at the list again now. */
    public void listChanged(Campaign campaign) {
        dialer.execute(() -> {
            campaign.listMayHaveRecords();
            paceNow();
        });
    }

    /**
     * Hangs up every paced mode's call of a campaign (unload), as the registry holds them: progressive and predictive
     * contact calls, engaged agents' calls with their contacts. Their records end Updated or back to Ready. Dialer
     * only.
     */
    public void dropCalls(Campaign campaign) {
        for (PacedCall call : assignments.every(PacedCall.class)) {
            if (call.campaign() == campaign) {
                call.drop();
            }
        }
    }

    /** Stops predictive pacing and hangs up every paced mode's call (gateway stopping). */
    public void dropAll() {
        dialer.execute(() -> {
            predictive.stop();
            assignments.every(PacedCall.class).forEach(PacedCall::drop);
        });
    }

    /** How the dialer places its calls (the preview desk's too). */
    public CallPlacement placement() {
        return placement;
    }

    /** The way out of a call every dialing mode shares (the preview desk's too). */
    public AfterCall afterCall() {
        return afterCall;
    }

    /** The dialer's one set of record writes, for every mode and desk (shutdown waits for them all). */
    public RecordWrites writes() {
        return writes;
    }

    /** Every dialing mode's live contact calls, by interaction id (the preview desk's too). */
    public Assignments assignments() {
        return assignments;
    }

    /**
     * A conference target agent whose leg is gone (it left, or the call ended) wraps up; its interaction never owns
     * the record while the conference's agent is on the call. Dialer only.
     */
    public void conferenceTargetReleased(Agent target, Interaction interaction) {
        afterCall.transferredAway(target, interaction, interaction.campaign(), false);
    }

    /** A transfer's dial to another agent's phone, presenting the contact's number and the campaign. */
    public DialRequest agentPhoneRequest(Agent target, Interaction interaction) {
        return placement.toAgentPhone(target, interaction.record(), interaction.campaign());
    }

    /**
     * A transfer's dial to an outside number, through the trunk (and caller id) the interaction's campaign chose, as
     * its contacts are dialed.
     */
    public DialRequest outsideNumberRequest(TrunkChoice trunk, String number) {
        return placement.toNumber(trunk, number);
    }

    /** {@link #callOf}, looked up on the dialer executor: safe from any thread (tests, admin). */
    public CompletableFuture<Optional<CampaignCall>> findCall(String interactionId) {
        return CompletableFuture.supplyAsync(() -> callOf(interactionId), dialer);
    }

    /** The live campaign call of an interaction (progressive, predictive, engaged), if it is still up. Dialer only. */
    public Optional<CampaignCall> callOf(String interactionId) {
        return assignments.callOf(interactionId).filter(CampaignCall.class::isInstance).map(CampaignCall.class::cast);
    }

    /**
     * The RTP counters of an agent's leg while the agent is engaged (assured connection, ASM: the call-waiting music
     * sent, and what the phone sends back); empty when the agent is not engaged. Safe from any thread.
     */
    public Optional<io.outdial.media.StreamStats> engagedAgentMedia(String agentId) {
        return engaged.agentMedia(agentId);
    }

    /** Mark Done on a released interaction (desktop request); see {@link AfterCall#markDone}. Dialer only. */
    public void markDone(Agent agent, String requestId) {
        afterCall.markDone(agent, requestId);
    }

    /**
     * For shutdown: marks done every interaction still waiting for its agent (with the result the agent set, if
     * any) and completes when those and every other store write have finished.
     */
    public CompletableFuture<Void> finishInteractions() {
        CompletableFuture<Void> queued = CompletableFuture.runAsync(() -> {
            for (Agent agent : roster.all()) {
                Interaction ix = agent.interaction();
                if (ix != null && ix.stage() == Interaction.Stage.RELEASED) {
                    afterCall.markDone(agent, null);
                }
            }
        }, dialer);
        return queued.thenCompose(ignored -> writes.drained());
    }

    /**
     * Campaign calls (progressive, predictive, and engaged agents' calls) between dial and hang-up; safe from any
     * thread.
     */
    public int callsInProgress() {
        return assignments.calls().inProgress();
    }

    /**
     * The one idle question: completes when no call of any mode is left, paced or the preview desk's (at once if none
     * is up). Any thread.
     */
    public CompletableFuture<Void> idle() {
        return CompletableFuture.supplyAsync(assignments.calls()::idle, dialer).thenCompose(x -> x);
    }

    /** Seeds a predictive campaign's abandonment ledger with a stored day (start-up, after a restart). */
    public void restoreAbandonment(String campaign, java.time.LocalDate day,
            io.outdial.dialer.pacing.compliance.AbandonmentLedger.DayCounts counts) {
        dialer.execute(() -> predictive.restoreAbandonment(campaign, day, counts));
    }
}
