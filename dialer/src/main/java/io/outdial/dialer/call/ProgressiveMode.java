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
import io.outdial.dialer.config.DialingSettings;
import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.dialer.pacing.pressure.SetupPressure;
import io.outdial.dialer.store.CallingRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progressive dialing's policy: one record retrieved, then its contact dialed, for each Ready agent of a running
 * campaign (after the agent's interaction preview, if the campaign has one); the agent is rung when the contact
 * answers and connected at the bridge ({@link #answered}), and wraps up through {@link AfterCall} when the call ends
 * ({@link #ended}). Dials are rationed while contacts wait too long
 * from their answer to their agent's bridge. The one pacing loop that runs it is {@link Dialing}'s.
 * Dialer executor only.
 */
public final class ProgressiveMode implements ModePolicy {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressiveMode.class);

    /** When the store was asked for each dialed record without a preview, until its contact's INVITE is known. */
    private final Map<String, Instant> askedAt = new HashMap<>();

    /** The dialer executor this mode runs on; its scheduler is the clock. */
    private final CallExecutor dialer;
    private final DialerMetrics metrics;
    /** Where this mode's records come from, how each becomes an interaction, and their writes. */
    private final ModeRecords records;
    /** How this mode's calls and dial requests are made. */
    private final CallPlacement placement;
    private final AgentRoster roster;
    private final RecordWrites writes;
    private final AfterCall afterCall;
    private final Assignments assignments;
    /** The one observer of every paced call: hops its milestones to this policy's {@link #answered}, {@link #ended}. */
    private final CampaignCall.Observer milestones;
    /** The dialer's whole pacing pass, run now (this mode's calls and agents free or take lines of other modes too). */
    private final Runnable passNow;
    /** Agents a record is being retrieved for (not yet Reserved: nothing may be there to dial). */
    private final Set<String> retrieving = new HashSet<>();
    private DialPreview dialPreview;
    /** Back-pressure: dials are rationed while contacts wait too long from their answer to their agent's bridge. */
    private SetupPressure pressure;
    /** When each call's contact answered and its agent was dialed, until the bridge (or the call's end). */
    private final Map<String, Instant> settingUp = new HashMap<>();
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
     * @param milestones the observer of every paced contact call ({@link CallMilestones#contactCalls})
     * @param passNow    the dialer's one pacing pass, run at once (on the dialer executor)
     */
    ProgressiveMode(CallExecutor dialer, DialerMetrics metrics, ModeRecords records, CallPlacement placement,
                    AgentRoster roster, AfterCall afterCall, Assignments assignments,
                    CampaignCall.Observer milestones, Runnable passNow) {
        this.dialer = dialer;
        this.metrics = metrics;
        this.records = records;
        this.placement = placement;
        this.roster = roster;
        this.writes = records.writes();
        this.afterCall = afterCall;
        this.assignments = assignments;
        this.milestones = milestones;
        this.passNow = passNow;
        this.pressure = new SetupPressure(
                DialingSettings.DEFAULTS.setupLatencyLimit(), dialer.scheduler().now());
    }

    /** Sets the setup latency (contact answer to bridge) above which dials are rationed; zero: never. Before start. */
    void setupLatencyLimit(Duration limit) {
        this.pressure = new SetupPressure(limit, dialer.scheduler().now());
    }

    /** Sets the interaction preview. Call before the first pass. */
    void dialPreview(DialPreview preview) {
        this.dialPreview = preview;
    }

    /** Progressive campaigns (ASM over progressive is the engaged policy's). */
    @Override
    public Set<DialingMode> dialingModes() {
        return Set.of(DialingMode.PROGRESSIVE);
    }

    /** A pass over one campaign: a record retrieved (then dialed) for each Ready agent of a running campaign. */
    @Override
    public void pace(Campaign campaign, Instant now) {
        // No contact is dialed while the campaign's trunk is not registered; its return paces again.
        if (campaign.state() != CampaignState.RUNNING || campaign.listExhausted()
                || !placement.trunkAllowsCalls(campaign)) {
            return;
        }
        for (String agentId : campaign.plan().agentIds()) {
            Optional<Agent> agent = roster.find(agentId);
            if (agent.isPresent() && agent.get().state() == AgentState.READY && !retrieving.contains(agentId)) {
                if (!pressure.mayStart(dialer.scheduler().now())) {
                    repaceLater();
                    return;
                }
                retrieving.add(agentId);
                retrieveFor(campaign, agent.get());
            }
        }
    }

    /** Rationed: one more pass when the next dial is due (one timer at a time). Dialer only. */
    private void repaceLater() {
        if (repaceScheduled) {
            return;
        }
        repaceScheduled = true;
        dialer.scheduler().schedule(pressure.retryIn(dialer.scheduler().now()), () -> dialer.execute(() -> {
            repaceScheduled = false;
            passNow.run();
        }));
    }

    /** A call's setup is over (bridged, or ended before): its contact's wait feeds the back-pressure. Dialer only. */
    private void setupOver(String callId) {
        setupOver(callId, dialer.scheduler().now());
    }

    /** As above, the setup having ended at {@code at} (the bridge, or the contact leaving). Dialer only. */
    private void setupOver(String callId, Instant at) {
        Instant since = settingUp.remove(callId);
        if (since != null) {
            pressure.observe(dialer.scheduler().now(), Duration.between(since, at));
        }
    }

    private void retrieveFor(Campaign campaign, Agent agent) {
        Instant asked = dialer.scheduler().now();
        records.next(campaign, agent.id())
                .whenCompleteAsync(Continuations.logged("ProgressiveMode.retrieveFor", (record, error) -> {
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
                    passNow.run();
                }), dialer);
    }

    private void markExhausted(Campaign campaign) {
        campaign.markExhausted(dialer, ModePolicy.LIST_RECHECK, passNow);
    }

    private void dial(Campaign campaign, Agent agent, CallingRecord record, Instant asked) {
        Interaction interaction = records.interaction(InteractionIds.Owner.PROGRESSIVE, campaign, record);
        String id = interaction.id();
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
        CampaignCall call = placement.contactCall(id, campaign, record,
                placement.toAgentPhone(agent, record, campaign.name()), milestones);
        assignments.add(id, InteractionIds.Owner.PROGRESSIVE, campaign.name(), call,
                new ProgressiveCall(call, agent, interaction, campaign, this, afterCall));
        assignments.calls().started(PacedMode.PROGRESSIVE);
        metrics.dialed(campaign.name());
        LOG.info("campaign {}: dialing record {} ({}) for agent {}", campaign.name(), record.recordId(),
                record.contactInfo(), agent.id());
        call.start();
    }

    // ---- what an answered contact gets and what an ended call does (asked by CallMilestones) -----------------------

    /** Its agent is rung at the contact's answer (the setup's wait starts), then bridged to it. */
    @Override
    public void answered(PacedCall call, CampaignCall contact, ContactAnswer answer, Instant at) {
        ProgressiveCall a = (ProgressiveCall) call;
        switch (answer) {
            case AGENT_RINGING -> agentRinging(a, contact, at);
            case BRIDGED -> bridged(a, contact, at);
            default -> {
                // Picked up, let through: the call itself rings the agent next.
            }
        }
    }

    private void agentRinging(ProgressiveCall a, CampaignCall contact, Instant answered) {
        settingUp.put(contact.id(), answered);
        writes.answered(a.interaction().record().recordId());
        metrics.answered(a.campaign().name());
        a.interaction().stage(Interaction.Stage.RINGING);
        a.agent().desktop().ringing(a.interaction());
    }

    private void bridged(ProgressiveCall a, CampaignCall contact, Instant bridged) {
        contact.answerToAgentInvite().ifPresent(d -> metrics.answerToAgentInvite(d));
        Instant answered = settingUp.get(contact.id());
        if (answered != null) {
            metrics.answerToBridge(Duration.between(answered, bridged));
        }
        setupOver(contact.id(), bridged);
        a.interaction().stage(Interaction.Stage.ESTABLISHED);
        a.agent().moveTo(AgentState.BUSY, a.campaign().name());
        a.agent().desktop().established(a.interaction());
    }

    /**
     * A contact who left before the bridge waited until now, not until the agent's leg is over: a CANCEL the
     * phone never answers would otherwise count as a 32 s setup and ration dialing for nothing.
     */
    @Override
    public void contactGone(PacedCall call, Instant gone) {
        setupOver(((ProgressiveCall) call).call().id(), gone);
    }

    /** Out of the registry; its agent wraps up (none for an outside number the call was handed to); a new pass. */
    @Override
    public void ended(PacedCall call, CampaignCall contact, CallOutcome outcome) {
        ProgressiveCall a = (ProgressiveCall) call;
        Optional<Instant> trunkInvite = contact.contactInviteSent();
        Instant asked = askedAt.remove(contact.id());
        if (asked != null && trunkInvite.isPresent()) {
            metrics.retrievalToTrunkInvite(Duration.between(asked, trunkInvite.get()));
        }
        setupOver(contact.id());
        assignments.remove(contact.id());
        assignments.calls().ended(PacedMode.PROGRESSIVE);
        if (!outcome.attempted()) {
            // Cancelled before any answer: the record may be dialed again later.
            a.campaign().listExhausted(false);
        }
        if (a.agent() == null) {
            // Transferred to an outside number: the transferring agent already wrote the record.
            LOG.info("campaign {}: transferred call {} ended", a.campaign().name(), contact.id());
            passNow.run();
            return;
        }
        afterCall.callEnded(a.agent(), a.interaction(), a.campaign().name(), outcome);
        passNow.run();
    }
}
