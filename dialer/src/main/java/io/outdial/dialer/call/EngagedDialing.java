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
import io.outdial.dialer.pacing.PacingDecision;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.media.StreamStats;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaigns that engage the agent first: assured connection (the agent stays engaged, hearing call-waiting music,
 * while record after record is dialed until one answers) and ASM / engaging calls of progressive and predictive
 * campaigns ({@code engageAgentFirst}: the agent's record is shown empty until its contact connects). One
 * {@link EngagingCall} per Ready agent, reserved before any contact is dialed for it.
 *
 * <p>How many contacts are dialed is the {@link Pacing} engine's decision, as for predictive campaigns: each engaged
 * agent is a free agent to the engine. Assured connection and progressive ASM are paced at one line per engaged agent,
 * so every contact has its agent already on the line; predictive ASM follows the campaign's pacing method and may
 * dial ahead, several contacts for one engaged agent: the first answer takes the agent, a later one is abandoned with
 * the safe-harbour message and counted against the abandonment limit, which makes the engine back off. Dialer
 * executor only.
 */
final class EngagedDialing implements ModePolicy {
    private static final Logger LOG = LoggerFactory.getLogger(EngagedDialing.class);

    /** The dialer executor this mode runs on; its scheduler is the clock. */
    private final CallExecutor dialer;
    /** Where this mode's records come from, how each becomes an interaction, and their writes. */
    private final ModeRecords records;
    /** How this mode's calls and dial requests are made. */
    private final CallPlacement placement;
    private final AgentRoster roster;
    private final Collection<Campaign> campaigns;
    private final AfterCall afterCall;
    private final RecordWrites writes;
    private final Runnable pace;
    private final Pacing pacing;
    /**
     * Engaged agents' calls by agent id, readable from any thread (supervision, tests): written on the dialer
     * executor from the engagement's start to its end. Not answered from {@link Assignments}: the registry is dialer
     * executor only, holds the agent's interaction (not its {@link EngagingCall}), and keeps holding it through
     * after-call work, when the agent's leg is gone.
     */
    private final Map<String, EngagingCall> byAgent = new ConcurrentHashMap<>();
    /** Agents whose first record is being retrieved, with the campaign. */
    private final Map<String, Campaign> engaging = new HashMap<>();
    private final Assignments assignments;
    /** The one observer of every paced call: hops its milestones to this policy's {@link #answered}, {@link #ended}. */
    private final EngagingCall.Observer milestones;

    /** @param milestones the observer of every engaged agent's call ({@link CallMilestones#engagingCalls}) */
    EngagedDialing(CallExecutor dialer, ModeRecords records, CallPlacement placement,
                   AgentRoster roster, Collection<Campaign> campaigns, AfterCall afterCall, Runnable pace, Pacing pacing,
                   Assignments assignments, EngagingCall.Observer milestones) {
        this.dialer = dialer;
        this.records = records;
        this.placement = placement;
        this.assignments = assignments;
        this.milestones = milestones;
        this.roster = roster;
        this.campaigns = campaigns;
        this.writes = records.writes();
        this.afterCall = afterCall;
        this.pace = pace;
        this.pacing = pacing;
    }

    /** Assured connection; and, whatever their mode, every plan that engages its agent first (ASM). */
    @Override
    public Set<DialingMode> dialingModes() {
        return Set.of(DialingMode.ASSURED_CONNECTION);
    }

    @Override
    public boolean engagesAgentsFirst() {
        return true;
    }

    /** Engages every Ready agent, then dials what the engine asks for, for every running engaging campaign. */
    @Override
    public void pace(Campaign campaign, Instant now) {
        if (campaign.state() != CampaignState.RUNNING || campaign.listExhausted()
                || !placement.trunkAllowsCalls(campaign)) {
            pacing.figures.update(campaign.name(), null, now);
            return;
        }
        for (String agentId : campaign.plan().agentIds()) {
            Agent agent = roster.find(agentId).orElse(null);
            if (agent != null && agent.state() == AgentState.READY && !engaging.containsKey(agentId)) {
                engaging.put(agentId, campaign);
                retrieveFirst(campaign, agent);
            }
        }
        PacingDecision decision = pacing.engine.decide(campaign.name(), now);
        pacing.figures.update(campaign.name(), decision, now);
        for (int more = decision.dialNow() - pending(campaign); more > 0; more--) {
            Engagement e = leastLoaded(campaign);
            if (e == null) {
                break;
            }
            retrieveFor(e);
        }
    }

    /** Decided dials the engine does not see in flight yet: records being retrieved or waiting for their agent. */
    private int pending(Campaign campaign) {
        int n = 0;
        for (Campaign c : engaging.values()) {
            n += c == campaign ? 1 : 0;
        }
        for (Engagement e : engagements()) {
            if (e.campaign == campaign) {
                n += e.retrieving + (e.first() != null ? 1 : 0);
            }
        }
        return n;
    }

    /** The waiting engaged agent with the fewest lines, under the campaign's ceiling; null if there is none. */
    private Engagement leastLoaded(Campaign campaign) {
        int ceiling = (int) Math.ceil(Pacing.settingsOf(campaign.plan()).maxLinesPerAgent());
        int lines = campaign.plan().dialingMode() == DialingMode.PREDICTIVE ? ceiling : 1;
        Engagement best = null;
        for (Engagement e : engagements()) {
            if (e.campaign == campaign && e.waiting() && e.lines() < lines
                    && (best == null || e.lines() < best.lines())) {
                best = e;
            }
        }
        return best;
    }

    /** Retrieves the record a Ready agent is engaged for. */
    private void retrieveFirst(Campaign campaign, Agent agent) {
        records.next(campaign, agent.id())
                .whenCompleteAsync(Continuations.logged("EngagedDialing.retrieveFirst", (record, error) -> {
                    engaging.remove(agent.id());
                    if (error != null) {
                        LOG.error("campaign {}: cannot retrieve a record", campaign.name(), error);
                    }
                    if (error != null || record.isEmpty()) {
                        exhausted(campaign);
                    } else if (campaign.state() != CampaignState.RUNNING || agent.state() != AgentState.READY) {
                        writes.returnToReady(record.get().recordId());
                    } else {
                        engage(campaign, agent, record.get());
                    }
                    pace.run();
                }), dialer);
    }

    /** Retrieves one more record for an engaged agent (the engine asked for a dial). */
    private void retrieveFor(Engagement e) {
        e.retrieving++;
        records.next(e.campaign, e.agent.id())
                .whenCompleteAsync(Continuations.logged("EngagedDialing.retrieveFor", (record, error) -> {
                    e.retrieving--;
                    if (error != null) {
                        LOG.error("campaign {}: cannot retrieve a record", e.campaign.name(), error);
                    }
                    if (error != null || record.isEmpty()) {
                        exhausted(e.campaign);
                    } else if (!e.waiting() || engagement(e.call.id()) == null
                            || e.campaign.state() != CampaignState.RUNNING) {
                        writes.returnToReady(record.get().recordId());
                        releaseIfIdle(e);
                    } else {
                        dial(e, interactionFor(e.campaign, record.get()));
                    }
                    pace.run();
                }), dialer);
    }

    /** No record left: the engaged agents with no contact in flight are released. */
    private void exhausted(Campaign campaign) {
        campaign.markExhausted(dialer, LIST_RECHECK, pace);
        for (Engagement e : engagements()) {
            if (e.campaign == campaign && e.stage().agentOnLine()) {
                releaseIfIdle(e);
            }
        }
    }

    private void releaseIfIdle(Engagement e) {
        if (!e.stage().connected() && e.lines() == 0) {
            LOG.info("campaign {}: releasing engaged agent {}", e.campaign.name(), e.agent.id());
            e.call.release();
        }
    }

    private Interaction interactionFor(Campaign campaign, CallingRecord record) {
        Interaction ix = records.interaction(InteractionIds.Owner.ENGAGED, campaign, record);
        // ASM: an empty record until the contact connects; assured connection shows the record being dialed.
        ix.recordHidden(campaign.plan().dialingMode() != DialingMode.ASSURED_CONNECTION);
        return ix;
    }

    private void engage(Campaign campaign, Agent agent, CallingRecord record) {
        Interaction ix = interactionFor(campaign, record);
        assignments.give(agent, InteractionIds.Owner.ENGAGED, ix);
        agent.moveTo(AgentState.RESERVED, campaign.name());
        EngagingCall call = placement.engagingCall(ix.id(), agent, campaign, record, milestones);
        Engagement e = new Engagement(call, agent, campaign, ix, this, assignments);
        assignments.addLine(call.id(), InteractionIds.Owner.ENGAGED, campaign.name(), e);
        byAgent.put(agent.id(), call);
        assignments.calls().started(PacedMode.ENGAGED);
        LOG.info("campaign {}: engaging agent {} first (record {} waits)", campaign.name(), agent.id(),
                record.recordId());
        call.start();
    }

    /** Dials a contact for an engaged agent; alone on an assured agent's line, its record is what the agent sees. */
    private void dial(Engagement e, Interaction ix) {
        if (ix != e.shown && e.assured() && e.contacts() == 0) {
            e.shown = ix;
            assignments.give(e.agent, InteractionIds.Owner.ENGAGED, ix);
            ix.stage(Interaction.Stage.ESTABLISHING);
            e.agent.desktop().engaged(ix);
        }
        CallingRecord record = ix.record();
        CampaignCall contact = placement.contactCallOn(e.call.executor(), ix.id(), e.campaign, record, null,
                e.call.contactObserver());
        EngagedContact dial = new EngagedContact(ix, e, afterCall);
        assignments.add(ix.id(), InteractionIds.Owner.ENGAGED, e.campaign.name(), contact, dial);
        pacing.dialed(contact.id(), e.campaign);
        LOG.info("campaign {}: dialing record {} ({}) for engaged agent {} ({} line(s))", e.campaign.name(),
                record.recordId(), record.contactInfo(), e.agent.id(), e.contacts());
        e.call.dialContact(contact);
    }

    /** The engaged agent's leg counters (music sent, audio received), if the agent is engaged; any thread. */
    Optional<StreamStats> agentMedia(String agentId) {
        return Optional.ofNullable(byAgent.get(agentId)).map(EngagingCall::agentMedia);
    }

    /** The engaged agents' calls (the registry's lines of this mode), in the order they were engaged. */
    private List<Engagement> engagements() {
        return assignments.lines(InteractionIds.Owner.ENGAGED, Engagement.class);
    }

    /** The engagement whose agent call is {@code id}, or null once it is over. */
    private Engagement engagement(String id) {
        return assignments.lineOf(id, Engagement.class).orElse(null);
    }

    /** {@code e}'s contact {@code call} (its state in the registry), or null if it is over or not {@code e}'s. */
    private EngagedContact contact(Engagement e, CampaignCall call) {
        return assignments.stateOf(call.id(), EngagedContact.class).filter(d -> d.engagement == e).orElse(null);
    }

    // ---- milestones, on the dialer executor (asked by CallMilestones) ---------------------------------------------

    /** The agent answered: its first record is dialed (or given back if the campaign or the agent is going). */
    @Override
    public void lineEngaged(PacedCall line) {
        engaged((Engagement) line);
    }

    /**
     * The pick-up and the verdict that lets it through count the live answer; the contact that took the agent
     * already on the line is bridged to it, and its record is what the desktop shows.
     */
    @Override
    public void answered(PacedCall line, CampaignCall contact, ContactAnswer answer, Instant at) {
        Engagement e = (Engagement) line;
        switch (answer) {
            case PICKED_UP -> answered(e, contact);
            case CLEARED -> cleared(e, contact);
            case BRIDGED -> contactConnected(e, contact);
            default -> {
                // The agent is on the line already: an engaged contact never rings it.
            }
        }
    }

    /** A machine verdict on one of the agent's contacts takes it out of pacing (counted once). */
    @Override
    public void machine(PacedCall line, CampaignCall contact) {
        Engagement e = (Engagement) line;
        EngagedContact d = contact(e, contact);
        if (d != null && d.answer.uncounted()) {
            d.answer = d.answer.moveTo(PacedAnswer.MACHINE);
            pacing.machine(contact.id(), e.campaign);
        }
    }

    /** One contact call is over: its outcome to the engine and the after-call path; the agent goes on or is released. */
    @Override
    public void ended(PacedCall line, CampaignCall contact, CallOutcome outcome) {
        contactFinished((Engagement) line, contact, outcome);
    }

    /** The engagement is over: the agent wraps up, or is freed (the record it never dialed given back). */
    @Override
    public void lineEnded(PacedCall line, EngagingCall.End end) {
        finished((Engagement) line, end);
    }

    private void engaged(Engagement e) {
        Interaction first = e.agentEngaged();
        first.stage(Interaction.Stage.ESTABLISHING);
        e.agent.desktop().engaged(first);
        if (e.campaign.state() != CampaignState.RUNNING || e.agent.logoutAfterCall()) {
            writes.returnToReady(first.record().recordId());
            e.shown = null;
            e.call.release();
            return;
        }
        dial(e, first);
        pace.run();
    }

    private void answered(Engagement e, CampaignCall call) {
        EngagedContact d = contact(e, call);
        if (d != null && !e.campaign.plan().detection().amd()) {
            liveAnswer(e, call, d);
        }
    }

    private void cleared(Engagement e, CampaignCall call) {
        EngagedContact d = contact(e, call);
        if (d != null) {
            liveAnswer(e, call, d);
        }
    }

    private void liveAnswer(Engagement e, CampaignCall call, EngagedContact d) {
        if (d.answer.uncounted()) {
            d.answer = d.answer.moveTo(PacedAnswer.LIVE);
            writes.answered(d.interaction.record().recordId());
            pacing.liveAnswer(call.id(), e.campaign);
        }
    }

    private void contactConnected(Engagement e, CampaignCall call) {
        EngagedContact d = contact(e, call);
        e.contactConnected();
        liveAnswer(e, call, d);
        pacing.agents.connected(call.id(), e.agent, dialer.scheduler().now())
                .ifPresent(wait -> pacing.figures.agentWaited(e.campaign.name(), wait));
        Interaction ix = d.interaction;
        if (ix != e.shown) {
            // A contact dialed ahead answered first: the desktop drops the record it showed and gets this one.
            if (e.shown != null) {
                e.agent.desktop().released(e.shown);
            }
            e.shown = ix;
            assignments.give(e.agent, InteractionIds.Owner.ENGAGED, ix);
            e.agent.desktop().engaged(ix);
        }
        ix.stage(Interaction.Stage.ESTABLISHED);
        e.agent.moveTo(AgentState.BUSY, e.campaign.name());
        if (ix.recordHidden()) {
            ix.recordHidden(false);
            e.agent.desktop().updated(null, ix);
        }
        e.agent.desktop().established(ix);
    }

    private void contactFinished(Engagement e, CampaignCall call, CallOutcome outcome) {
        EngagedContact d = contact(e, call);
        assignments.remove(call.id());
        report(e, call, d, outcome);
        Interaction ix = d.interaction;
        if (d.handover.handedOn()) {
            // The engaged agent already wraps up: the end is the target's (nobody's for an outside number).
            if (d.target != null) {
                afterCall.callEnded(d.target, d.targetInteraction, e.campaign.name(), outcome);
            }
            return;
        }
        if (outcome.agentConnected()) {
            afterCall.callEnded(e.agent, ix, e.campaign.name(), outcome);
            return;
        }
        if (!outcome.attempted()) {
            writes.returnToReady(ix.record().recordId());
            e.campaign.listExhausted(false);
        } else {
            afterCall.contactOnlyCallEnded(ix, e.campaign.name(), outcome);
        }
        if (ix == e.shown) {
            // The desktop closes this record; the agent stays on the line for the next one (assured connection).
            ix.recordHidden(false);
            ix.stage(Interaction.Stage.DONE);
            e.agent.desktop().released(ix);
            e.shown = null;
        }
        if (e.stage().connected() || e.lines() > 0) {
            return; // the bridged call goes on, or other contacts dialed for this agent still ring
        }
        boolean goOn = e.assured() && e.campaign.state() == CampaignState.RUNNING && !e.agent.logoutAfterCall()
                && e.call.phase() != EngagingPhase.RELEASING && outcome.attempted();
        if (goOn) {
            pace.run();
        } else {
            e.call.release();
        }
    }

    /** What the engine learns from a contact call's end. */
    private void report(Engagement e, CampaignCall call, EngagedContact d, CallOutcome outcome) {
        if (!outcome.attempted()) {
            pacing.engine.callForgotten(call.id());
        } else if (outcome.result() == CallResult.ABANDONED) {
            pacing.abandoned(call.id(), e.campaign);
        } else if (d.answer.uncounted()) {
            pacing.engine.callFailed(call.id(), dialer.scheduler().now());
        } else if (!outcome.agentConnected()) {
            pacing.engine.callForgotten(call.id());
        }
    }

    private void finished(Engagement e, EngagingCall.End end) {
        assignments.removeLine(e.call.id());
        byAgent.remove(e.agent.id(), e.call);
        assignments.calls().ended(PacedMode.ENGAGED);
        LOG.info("campaign {}: engagement of agent {} over ({})", e.campaign.name(), e.agent.id(), end);
        if (e.stage().connected()) {
            pace.run();
            return; // the connected call's end already moved the agent to after-call work
        }
        Interaction shown = e.shown != null ? e.shown : e.first();
        if (end == EngagingCall.End.AGENT_PHONE_FAILED && shown != null) {
            afterCall.engagedPhoneFailed(e.agent, shown);
        } else {
            if (shown != null && shown.stage() != Interaction.Stage.DONE) {
                // Engaged but never dialed (agent hung up at once, campaign stopped): the record is not spent.
                writes.returnToReady(shown.record().recordId());
                shown.stage(Interaction.Stage.DONE);
                shown.recordHidden(false);
                e.agent.desktop().released(shown);
            }
            afterCall.engagementReleased(e.agent, end == EngagingCall.End.AGENT_HUNG_UP
                    ? AgentState.NOT_READY : AgentState.READY, end == EngagingCall.End.AGENT_HUNG_UP
                    ? "AgentHungUp" : "EngagementReleased");
        }
        pace.run();
    }
}
