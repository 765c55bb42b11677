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
import io.outdial.dialer.context.DialerContext;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.media.detect.Detection;
import io.outdial.sip.DialRequest;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progressive pacing: one contact dialed for each Ready agent of a running campaign, the agent connected when the
 * contact answers. Runs on the dialer executor; re-paces on every agent and call event. Also the dialing entry point
 * of the gateway: predictive campaigns are handed to {@link PredictiveDialing}, which shares the after-call path.
 */
public final class ProgressiveDialing {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressiveDialing.class);

    /** {@code agent} and {@code interaction} are null once a transfer gave the contact to an outside number. */
    private record ActiveCall(CampaignCall call, Agent agent, Interaction interaction, Campaign campaign) { }

    /** When the store was asked for each dialed record without a preview, until its contact's INVITE is known. */
    private final Map<String, java.time.Instant> askedAt = new java.util.HashMap<>();

    private final DialerContext ctx;
    private final AgentRoster roster;
    private final Collection<Campaign> campaigns;
    private final RecordWrites writes;
    private final AfterCall afterCall;
    private final Map<String, ActiveCall> active = new LinkedHashMap<>();
    /** Agents a record is being retrieved for (not yet Reserved: nothing may be there to dial). */
    private final Set<String> retrieving = new HashSet<>();
    /** Every mode's live contact calls, by interaction id and agent, and the paced modes' call counts. */
    private final Assignments assignments = new Assignments();
    private final PredictiveDialing predictive;
    private final EngagedDialing engaged;
    /** Every paced mode's policy, in the order a pass runs them. */
    private final Map<PacedMode, ModePolicy> policies = new java.util.EnumMap<>(PacedMode.class);
    private DialPreview dialPreview;
    /** Back-pressure: dials are rationed while contacts wait too long from their answer to their agent's bridge. */
    private io.outdial.dialer.pacing.pressure.SetupPressure pressure;
    /** When each call's contact answered and its agent was dialed, until the bridge (or the call's end). */
    private final Map<String, java.time.Instant> settingUp = new java.util.HashMap<>();
    private boolean repaceScheduled;

    /**
     * Progressive's interaction preview: shown a reserved record, the agent accepts before it is dialed. Dialer
     * executor only.
     */
    public interface DialPreview {
        /**
         * Offers {@code interaction} (the agent already Reserved with it); returns false when the campaign dials
         * without a preview. On Accept the offer runs {@code dial}; otherwise it frees the agent and the record.
         */
        boolean offer(Campaign campaign, Agent agent, Interaction interaction, Runnable dial);
    }

    /**
     * @param zone   the zone whose calendar days predictive campaigns count their daily abandonment rate in
     * @param wrapUp Mark Done's work besides the result (contact history, callbacks), for every mode's after-call path
     */
    public ProgressiveDialing(DialerContext ctx, AgentRoster roster, Collection<Campaign> campaigns, ZoneId zone,
                              AfterCall.WrapUpWork wrapUp) {
        this.ctx = ctx;
        this.roster = roster;
        this.campaigns = campaigns;
        this.writes = new RecordWrites(ctx);
        this.afterCall = new AfterCall(ctx, writes, wrapUp, this::pace);
        this.predictive = new PredictiveDialing(ctx, roster, campaigns, writes, afterCall, zone, assignments);
        this.engaged = new EngagedDialing(ctx, roster, campaigns, writes, afterCall, this::pace, predictive.pacing(),
                assignments);
        policies.put(PacedMode.PROGRESSIVE, new Progressive());
        policies.put(PacedMode.PREDICTIVE, predictive);
        policies.put(PacedMode.ENGAGED, engaged);
        ctx.metrics().callsInProgress(this::callsInProgress);
        this.pressure = new io.outdial.dialer.pacing.pressure.SetupPressure(
                io.outdial.dialer.config.DialingSettings.DEFAULTS.setupLatencyLimit(), ctx.scheduler().now());
    }

    /** Sets the setup latency (contact answer to bridge) above which dials are rationed; zero: never. Before start. */
    public void setupLatencyLimit(Duration limit) {
        this.pressure = new io.outdial.dialer.pacing.pressure.SetupPressure(limit, ctx.scheduler().now());
    }

    /** Asks for a pacing pass on the dialer executor. */
    public void pace() {
        ctx.dialer().execute(this::paceNow);
    }

    /**
     * The one pacing loop: each mode's policy, in {@link PacedMode}'s order, over the campaigns whose plan chooses
     * it. Dialer only.
     */
    private void paceNow() {
        java.time.Instant now = ctx.scheduler().now();
        for (Map.Entry<PacedMode, ModePolicy> mode : policies.entrySet()) {
            mode.getValue().beforeCampaigns(now);
            for (Campaign campaign : campaigns) {
                if (PacedMode.of(campaign.plan()) == mode.getKey()) {
                    mode.getValue().pace(campaign, now);
                }
            }
        }
    }

    /** Progressive's policy: a record retrieved (then dialed) for each Ready agent of a running campaign. */
    private final class Progressive implements ModePolicy {
        @Override
        public void pace(Campaign campaign, java.time.Instant now) {
            // No contact is dialed while the campaign's trunk is not registered; its return paces again.
            if (campaign.state() != CampaignState.RUNNING || campaign.listExhausted()
                    || !ctx.trunks().route(campaign.name()).allowsCalls()) {
                return;
            }
            for (String agentId : campaign.plan().agentIds()) {
                Optional<Agent> agent = roster.find(agentId);
                if (agent.isPresent() && agent.get().state() == AgentState.READY && !retrieving.contains(agentId)) {
                    if (!pressure.mayStart(ctx.scheduler().now())) {
                        repaceLater();
                        return;
                    }
                    retrieving.add(agentId);
                    retrieveFor(campaign, agent.get());
                }
            }
        }
    }

    /** Rationed: one more pass when the next dial is due (one timer at a time). Dialer only. */
    private void repaceLater() {
        if (repaceScheduled) {
            return;
        }
        repaceScheduled = true;
        ctx.scheduler().schedule(pressure.retryIn(ctx.scheduler().now()), () -> ctx.dialer().execute(() -> {
            repaceScheduled = false;
            paceNow();
        }));
    }

    /** A call's setup is over (bridged, or ended before): its contact's wait feeds the back-pressure. Dialer only. */
    private void setupOver(String callId) {
        setupOver(callId, ctx.scheduler().now());
    }

    /** As above, the setup having ended at {@code at} (the bridge, or the contact leaving). Dialer only. */
    private void setupOver(String callId, java.time.Instant at) {
        java.time.Instant since = settingUp.remove(callId);
        if (since != null) {
            pressure.observe(ctx.scheduler().now(), Duration.between(since, at));
        }
    }

    /** The push-preview modes' policy (the preview desks sit above this package). Call before the first pass. */
    public void pushPreviews(ModePolicy push) {
        policies.put(PacedMode.PUSH_PREVIEW, push);
    }

    /** Sets progressive's interaction preview. Call before the first pass. */
    public void dialPreview(DialPreview preview) {
        this.dialPreview = preview;
    }

    /** Sets predictive's interaction preview of answered contacts. Call before the first pass. */
    public void answerPreview(AnswerPreview preview) {
        predictive.answerPreview(preview);
    }

    private void retrieveFor(Campaign campaign, Agent agent) {
        java.time.Instant asked = ctx.scheduler().now();
        ctx.records().next(campaign, agent.id())
                .whenCompleteAsync(Continuations.logged("ProgressiveDialing.retrieveFor", (record, error) -> {
                    retrieving.remove(agent.id());
                    if (error != null || record.isEmpty()) {
                        if (error != null) {
                            LOG.error("campaign {}: cannot retrieve a record", campaign.name(), error);
                        }
                        markExhausted(campaign);
                    } else if (campaign.state() != CampaignState.RUNNING || agent.state() != AgentState.READY) {
                        // The world moved while the store answered: give the record back untouched.
                        writes.returnToReady(record.get().recordId());
                    } else {
                        dial(campaign, agent, record.get(), asked);
                    }
                    // Also after an empty list: the agent may work another campaign too.
                    paceNow();
                }), ctx.dialer());
    }

    private void markExhausted(Campaign campaign) {
        campaign.markExhausted(ctx.dialer(), ModePolicy.LIST_RECHECK, this::paceNow);
    }

    /** New records may be there (import, records back to Ready): look at the list again now. */
    public void listChanged(Campaign campaign) {
        ctx.dialer().execute(() -> {
            campaign.listMayHaveRecords();
            paceNow();
        });
    }

    private void dial(Campaign campaign, Agent agent, CallingRecord record, java.time.Instant asked) {
        String id = ctx.ids().next(InteractionIds.Owner.PROGRESSIVE);
        Interaction interaction = new Interaction(id, campaign.name(), record);
        interaction.recordFields(ctx.work().of(campaign.name()).fields());
        assignments.give(agent, InteractionIds.Owner.PROGRESSIVE, interaction);
        agent.moveTo(AgentState.RESERVED, campaign.name());
        if (dialPreview != null && dialPreview.offer(campaign, agent, interaction,
                () -> place(campaign, agent, interaction))) {
            return;
        }
        askedAt.put(id, asked); // a preview's time is the agent's, not the gateway's: only direct dials are timed
        place(campaign, agent, interaction);
    }

    /** Dials the contact of the agent's (Reserved) interaction. */
    private void place(Campaign campaign, Agent agent, Interaction interaction) {
        String id = interaction.id();
        CallingRecord record = interaction.record();
        DialRequest toContact = ctx.trunks().route(campaign.name()).dial(record.contactInfo(), ctx.ringTimeout());
        DialRequest toAgent = DialRequest.agentPhone(agent.phone(), ctx.agentTransport(), record.contactInfo(),
                campaign.name(), ctx.agentRingTimeout());
        CallExecutor callExecutor = new CallExecutor("call-" + id, ctx.workers(), ctx.scheduler());
        CampaignCall call = new CampaignCall(id, callExecutor, ctx.userAgent(), toContact, toAgent, new Observer(),
                campaign.plan().detection(), ctx.media(), ctx.audio());
        active.put(id, new ActiveCall(call, agent, interaction, campaign));
        assignments.add(id, InteractionIds.Owner.PROGRESSIVE, campaign.name(), call, new Handover(id));
        assignments.calls().started(PacedMode.PROGRESSIVE);
        ctx.metrics().dialed(campaign.name());
        LOG.info("campaign {}: dialing record {} ({}) for agent {}", campaign.name(), record.recordId(),
                record.contactInfo(), agent.id());
        call.start();
    }

    /** Hangs up every call of a campaign (unload); their records end Updated or back to Ready. Dialer only. */
    public void dropCalls(Campaign campaign) {
        for (ActiveCall a : active.values()) {
            if (a.campaign() == campaign) {
                a.call().drop();
            }
        }
        predictive.dropCalls(campaign);
        engaged.dropCalls(campaign);
    }

    /** Hangs up every call (gateway stopping). */
    public void dropAll() {
        ctx.dialer().execute(() -> {
            active.values().forEach(a -> a.call().drop());
            predictive.dropAll();
            engaged.dropAll();
        });
    }

    /** The way out of a call every dialing mode shares (the preview desk's too). */
    public AfterCall afterCall() {
        return afterCall;
    }

    /** Every dialing mode's live contact calls, by interaction id (the preview desk's too). */
    public Assignments assignments() {
        return assignments;
    }

    /** A progressive call's answer to a transfer: the call's end now belongs to the target (nobody: outside). */
    private final class Handover implements Assignments.Handover {
        private final String id;

        Handover(String id) {
            this.id = id;
        }

        @Override
        public boolean agentOnCall() {
            ActiveCall a = active.get(id);
            return a != null && a.agent() != null;
        }

        @Override
        public void transferred(Agent target, Interaction targetInteraction, boolean recordFollows) {
            ActiveCall a = active.get(id);
            active.put(id, new ActiveCall(a.call(), target, targetInteraction, a.campaign()));
            afterCall.transferredAway(a.agent(), a.interaction(), a.campaign().name(), !recordFollows);
        }
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
        return DialRequest.agentPhone(target.phone(), ctx.agentTransport(), interaction.record().contactInfo(),
                interaction.campaign(), ctx.agentRingTimeout());
    }

    /** A transfer's dial to an outside number, through {@code campaign}'s trunk as its contacts are dialed. */
    public DialRequest outsideNumberRequest(String campaign, String number) {
        return ctx.trunks().route(campaign).dial(number, ctx.ringTimeout());
    }

    /** {@link #callOf}, looked up on the dialer executor: safe from any thread (tests, admin). */
    public CompletableFuture<Optional<CampaignCall>> findCall(String interactionId) {
        return CompletableFuture.supplyAsync(() -> callOf(interactionId), ctx.dialer());
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
        }, ctx.dialer());
        return queued.thenCompose(ignored -> writes.drained());
    }

    /**
     * Campaign calls (progressive, predictive, and engaged agents' calls) between dial and hang-up; safe from any
     * thread.
     */
    public int callsInProgress() {
        return assignments.calls().inProgress();
    }

    /** Completes when no campaign call of any paced mode is left (at once if none is running). Any thread. */
    public CompletableFuture<Void> idle() {
        return CompletableFuture.supplyAsync(assignments.calls()::idle, ctx.dialer()).thenCompose(x -> x);
    }

    /** Seeds a predictive campaign's abandonment ledger with a stored day (start-up, after a restart). */
    public void restoreAbandonment(String campaign, java.time.LocalDate day,
            io.outdial.dialer.pacing.compliance.AbandonmentLedger.DayCounts counts) {
        ctx.dialer().execute(() -> predictive.restoreAbandonment(campaign, day, counts));
    }

    /** Hops call milestones from the call's executor to the dialer executor. */
    private final class Observer implements CampaignCall.Observer {
        @Override
        public void agentRinging(CampaignCall call) {
            java.time.Instant answered = ctx.scheduler().now();
            ctx.dialer().execute(() -> {
                settingUp.put(call.id(), answered);
                ActiveCall a = active.get(call.id());
                writes.answered(a.interaction().record().recordId());
                ctx.metrics().answered(a.campaign().name());
                a.interaction().stage(Interaction.Stage.RINGING);
                a.agent().desktop().ringing(a.interaction());
            });
        }

        @Override
        public void heldFromPhone(CampaignCall call, boolean held) {
            ctx.dialer().execute(() -> {
                ActiveCall a = active.get(call.id());
                if (a != null) {
                    PhoneHolds.report(a.agent(), a.interaction(), held);
                }
            });
        }

        @Override
        public void connected(CampaignCall call) {
            java.time.Instant bridged = ctx.scheduler().now();
            call.answerToAgentInvite().ifPresent(d -> ctx.metrics().answerToAgentInvite(d));
            ctx.dialer().execute(() -> {
                java.time.Instant answered = settingUp.get(call.id());
                if (answered != null) {
                    ctx.metrics().answerToBridge(Duration.between(answered, bridged));
                }
                setupOver(call.id(), bridged);
                ActiveCall a = active.get(call.id());
                a.interaction().stage(Interaction.Stage.ESTABLISHED);
                a.agent().moveTo(AgentState.BUSY, a.campaign().name());
                a.agent().desktop().established(a.interaction());
            });
        }

        @Override
        public void detected(CampaignCall call, Detection detection) {
            ctx.dialer().execute(() -> {
                ActiveCall a = active.get(call.id());
                if (a == null) {
                    return;
                }
                ctx.metrics().detected(a.campaign().name(), detection);
                if (detection instanceof Detection.AmdDecision verdict) {
                    a.interaction().detected(verdict);
                }
            });
        }

        @Override
        public void reaped(CampaignCall call) {
            ctx.metrics().reaped();
        }

        /**
         * A contact who left before the bridge waited until now, not until the agent's leg is over: a CANCEL the
         * phone never answers would otherwise count as a 32 s setup and ration dialing for nothing.
         */
        @Override
        public void contactGone(CampaignCall call) {
            java.time.Instant gone = ctx.scheduler().now();
            ctx.dialer().execute(() -> setupOver(call.id(), gone));
        }

        @Override
        public void finished(CampaignCall call, CallOutcome outcome) {
            java.util.Optional<java.time.Instant> trunkInvite = call.contactInviteSent();
            ctx.dialer().execute(() -> {
                java.time.Instant asked = askedAt.remove(call.id());
                if (asked != null && trunkInvite.isPresent()) {
                    ctx.metrics().retrievalToTrunkInvite(Duration.between(asked, trunkInvite.get()));
                }
                setupOver(call.id());
                ActiveCall a = active.remove(call.id());
                assignments.remove(call.id());
                assignments.calls().ended(PacedMode.PROGRESSIVE);
                if (!outcome.attempted()) {
                    // Cancelled before any answer: the record may be dialed again later.
                    a.campaign().listExhausted(false);
                }
                if (a.agent() == null) {
                    // Transferred to an outside number: the transferring agent already wrote the record.
                    LOG.info("campaign {}: transferred call {} ended", a.campaign().name(), call.id());
                    paceNow();
                    return;
                }
                afterCall.callEnded(a.agent(), a.interaction(), a.campaign().name(), outcome);
                paceNow();
            });
        }
    }
}
