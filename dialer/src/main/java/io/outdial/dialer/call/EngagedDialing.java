package io.outdial.dialer.call;

import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.DialerContext;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.CampaignState;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.media.StreamStats;
import io.outdial.media.detect.Detection;
import io.outdial.sip.DialRequest;
import io.outdial.sip.call.CallExecutor;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaigns that engage the agent first: assured connection (the agent stays engaged, hearing call-waiting music,
 * while record after record is dialed until one answers) and ASM / engaging calls of progressive and predictive
 * campaigns ({@code engageAgentFirst}: one record per engagement, shown empty until its contact connects). One
 * {@link EngagingCall} per Ready agent. Dialer executor only.
 */
final class EngagedDialing {
    private static final Logger LOG = LoggerFactory.getLogger(EngagedDialing.class);
    private static final Duration LIST_RECHECK = Duration.ofSeconds(5);
    static final String ID_PREFIX = "ac-";

    /** One engaged agent as the dialer tracks it. */
    private static final class Engagement {
        final EngagingCall call;
        final Agent agent;
        final Campaign campaign;
        Interaction current;
        CampaignCall contact;
        boolean connected;

        Engagement(EngagingCall call, Agent agent, Campaign campaign, Interaction first) {
            this.call = call;
            this.agent = agent;
            this.campaign = campaign;
            this.current = first;
        }

        boolean assured() {
            return "assured_connection".equals(campaign.plan().dialingMode());
        }
    }

    private final DialerContext ctx;
    private final AgentRoster roster;
    private final Collection<Campaign> campaigns;
    private final AfterCall afterCall;
    private final RecordWrites writes;
    private final Runnable pace;
    private final Map<String, Engagement> active = new LinkedHashMap<>();
    /** Engaged agents' calls by agent id, readable from any thread (supervision, tests). */
    private final Map<String, EngagingCall> byAgent = new ConcurrentHashMap<>();
    private final Set<String> retrieving = new HashSet<>();
    private final IdleWaiters idleWaiters = new IdleWaiters();
    private final AtomicLong ids = new AtomicLong();
    private volatile int calls;

    EngagedDialing(DialerContext ctx, AgentRoster roster, Collection<Campaign> campaigns, RecordWrites writes,
                   AfterCall afterCall, Runnable pace) {
        this.ctx = ctx;
        this.roster = roster;
        this.campaigns = campaigns;
        this.writes = writes;
        this.afterCall = afterCall;
        this.pace = pace;
    }

    void paceNow() {
        for (Campaign campaign : campaigns) {
            if (!campaign.plan().engagesAgentFirst() || campaign.state() != CampaignState.RUNNING
                    || campaign.listExhausted()) {
                continue;
            }
            for (String agentId : campaign.plan().agentIds()) {
                Agent agent = roster.find(agentId).orElse(null);
                if (agent != null && agent.state() == AgentState.READY && retrieving.add(agentId)) {
                    retrieve(campaign, agent, null);
                }
            }
        }
    }

    /** Retrieves a record for {@code agent}: a new engagement, or the next record of {@code engaged}. */
    private void retrieve(Campaign campaign, Agent agent, Engagement engaged) {
        ctx.records().next(campaign, agent.id())
                .whenCompleteAsync((record, error) -> {
                    if (engaged == null) {
                        retrieving.remove(agent.id());
                    }
                    if (error != null) {
                        LOG.error("campaign {}: cannot retrieve a record", campaign.name(), error);
                    }
                    if (error != null || record.isEmpty()) {
                        campaign.markExhausted(ctx.dialer(), LIST_RECHECK, pace);
                        if (engaged != null) {
                            LOG.info("campaign {}: list exhausted, releasing engaged agent {}", campaign.name(),
                                    agent.id());
                            engaged.call.release();
                        }
                    } else if (engaged != null) {
                        nextRecord(engaged, record.get());
                    } else if (campaign.state() != CampaignState.RUNNING || agent.state() != AgentState.READY) {
                        writes.returnToReady(record.get().recordId());
                    } else {
                        engage(campaign, agent, record.get());
                    }
                    pace.run();
                }, ctx.dialer());
    }

    private Interaction interactionFor(Campaign campaign, CallingRecord record) {
        Interaction ix = new Interaction(ID_PREFIX + ids.incrementAndGet(), campaign.name(), record);
        ix.recordFields(ctx.work().of(campaign.name()).fields());
        // ASM: an empty record until the contact connects; assured connection shows the record being dialed.
        ix.recordHidden(!"assured_connection".equals(campaign.plan().dialingMode()));
        return ix;
    }

    private void engage(Campaign campaign, Agent agent, CallingRecord record) {
        Interaction ix = interactionFor(campaign, record);
        agent.interaction(ix);
        agent.moveTo(AgentState.RESERVED, campaign.name());
        DialRequest toAgent = DialRequest.agentPhone(agent.phone(), ctx.agentTransport(), record.contactInfo(),
                campaign.name(), ctx.agentRingTimeout());
        CallExecutor executor = new CallExecutor("engaging-" + ix.id(), ctx.workers(), ctx.scheduler());
        EngagingCall call = new EngagingCall(ix.id(), executor, ctx.userAgent(), toAgent, ctx.media(),
                ctx.audio() == null ? null : ctx.audio().callWaitingMusic(), new Observer());
        Engagement e = new Engagement(call, agent, campaign, ix);
        active.put(call.id(), e);
        byAgent.put(agent.id(), call);
        countCalls();
        LOG.info("campaign {}: engaging agent {} first (record {} waits)", campaign.name(), agent.id(),
                record.recordId());
        call.start();
    }

    /** Assured connection: the agent is still engaged and the next record is dialed. */
    private void nextRecord(Engagement e, CallingRecord record) {
        if (e.call.phase() == EngagingPhase.FINISHED || !active.containsKey(e.call.id())) {
            writes.returnToReady(record.recordId());
            return;
        }
        e.current = interactionFor(e.campaign, record);
        e.agent.interaction(e.current);
        e.current.stage(Interaction.Stage.ESTABLISHING);
        e.agent.send(new CtiEvent.InteractionEngaged(e.current.toWire()));
        dialCurrent(e);
    }

    private void dialCurrent(Engagement e) {
        CallingRecord record = e.current.record();
        DialRequest toContact = DialRequest.contactViaTrunk(ctx.trunk(), record.contactInfo(), ctx.ringTimeout());
        CampaignCall contact = new CampaignCall(e.current.id(), e.call.executor(), ctx.userAgent(), toContact, null,
                e.call.contactObserver(), e.campaign.plan().detection(), ctx.media(), ctx.audio());
        e.contact = contact;
        ctx.metrics().dialed(e.campaign.name());
        LOG.info("campaign {}: dialing record {} ({}) for engaged agent {}", e.campaign.name(), record.recordId(),
                record.contactInfo(), e.agent.id());
        e.call.dialContact(contact);
    }

    /** The live contact call of an interaction, if it is still up. */
    Optional<CampaignCall> callOf(String interactionId) {
        for (Engagement e : active.values()) {
            if (e.current.id().equals(interactionId) && e.contact != null) {
                return Optional.of(e.contact);
            }
        }
        return Optional.empty();
    }

    /** The engaged agent's leg counters (music sent, audio received), if the agent is engaged; any thread. */
    Optional<StreamStats> agentMedia(String agentId) {
        return Optional.ofNullable(byAgent.get(agentId)).map(EngagingCall::agentMedia);
    }

    void dropCalls(Campaign campaign) {
        for (Engagement e : active.values()) {
            if (e.campaign == campaign) {
                e.call.drop();
            }
        }
    }

    void dropAll() {
        active.values().forEach(e -> e.call.drop());
    }

    int callsInProgress() {
        return calls;
    }

    CompletableFuture<Void> idle() {
        return idleWaiters.await(active.isEmpty());
    }

    private void countCalls() {
        calls = active.size();
        if (active.isEmpty()) {
            idleWaiters.idle();
        }
    }

    // ---- milestones, on the dialer executor ---------------------------------------------------------------------

    private void engaged(Engagement e) {
        e.current.stage(Interaction.Stage.ESTABLISHING);
        e.agent.send(new CtiEvent.InteractionEngaged(e.current.toWire()));
        if (e.campaign.state() != CampaignState.RUNNING || e.agent.logoutAfterCall()) {
            writes.returnToReady(e.current.record().recordId());
            e.current = null;
            e.call.release();
            return;
        }
        dialCurrent(e);
    }

    private void contactConnected(Engagement e) {
        e.connected = true;
        ctx.metrics().answered(e.campaign.name());
        Interaction ix = e.current;
        ix.stage(Interaction.Stage.ESTABLISHED);
        e.agent.moveTo(AgentState.BUSY, e.campaign.name());
        if (ix.recordHidden()) {
            ix.recordHidden(false);
            e.agent.send(new CtiEvent.InteractionUpdated(ix.toWire()));
        }
        e.agent.send(new CtiEvent.InteractionEstablished(ix.toWire()));
    }

    private void contactFinished(Engagement e, CallOutcome outcome) {
        Interaction ix = e.current;
        e.contact = null;
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
        // The desktop closes this record; the agent stays on the line for the next one (assured connection).
        ix.recordHidden(false);
        ix.stage(Interaction.Stage.DONE);
        e.agent.send(new CtiEvent.InteractionReleased(ix.toWire()));
        boolean goOn = e.assured() && e.campaign.state() == CampaignState.RUNNING && !e.agent.logoutAfterCall()
                && e.call.phase() != EngagingPhase.RELEASING && outcome.attempted();
        if (goOn) {
            retrieve(e.campaign, e.agent, e);
        } else {
            e.call.release();
        }
    }

    private void finished(Engagement e, EngagingCall.End end) {
        active.remove(e.call.id());
        byAgent.remove(e.agent.id(), e.call);
        countCalls();
        LOG.info("campaign {}: engagement of agent {} over ({})", e.campaign.name(), e.agent.id(), end);
        if (e.connected) {
            pace.run();
            return; // the connected call's end already moved the agent to after-call work
        }
        if (end == EngagingCall.End.AGENT_PHONE_FAILED && e.current != null) {
            afterCall.engagedPhoneFailed(e.agent, e.current);
        } else {
            if (e.current != null && e.current.stage() != Interaction.Stage.DONE) {
                // Engaged but never dialed (agent hung up at once, campaign stopped): the record is not spent.
                writes.returnToReady(e.current.record().recordId());
                e.current.stage(Interaction.Stage.DONE);
                e.current.recordHidden(false);
                e.agent.send(new CtiEvent.InteractionReleased(e.current.toWire()));
            }
            afterCall.engagementReleased(e.agent, end == EngagingCall.End.AGENT_HUNG_UP
                    ? AgentState.NOT_READY : AgentState.READY, end == EngagingCall.End.AGENT_HUNG_UP
                    ? "AgentHungUp" : "EngagementReleased");
        }
        pace.run();
    }

    /** Hops milestones from the engaging call's executor to the dialer executor. */
    private final class Observer implements EngagingCall.Observer {
        @Override
        public void engaged(EngagingCall call) {
            ctx.dialer().execute(() -> EngagedDialing.this.engaged(active.get(call.id())));
        }

        @Override
        public void contactConnected(EngagingCall call, CampaignCall contact) {
            ctx.dialer().execute(() -> EngagedDialing.this.contactConnected(active.get(call.id())));
        }

        @Override
        public void contactFinished(EngagingCall call, CampaignCall contact, CallOutcome outcome) {
            ctx.dialer().execute(() -> EngagedDialing.this.contactFinished(active.get(call.id()), outcome));
        }

        @Override
        public void detected(EngagingCall call, CampaignCall contact, Detection detection) {
            ctx.dialer().execute(() -> {
                Engagement e = active.get(call.id());
                if (e != null) {
                    ctx.metrics().detected(e.campaign.name(), detection);
                    if (detection instanceof Detection.AmdDecision verdict && e.current != null) {
                        e.current.detected(verdict);
                    }
                }
            });
        }

        @Override
        public void finished(EngagingCall call, EngagingCall.End end) {
            ctx.dialer().execute(() -> EngagedDialing.this.finished(active.get(call.id()), end));
        }
    }
}
