package io.outdial.dialer.call;

import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.DialerContext;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.CampaignState;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.DialRequest;
import io.outdial.sip.call.CallExecutor;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progressive pacing: one contact dialed for each Ready agent of a running campaign, the agent connected when the
 * contact answers. Runs on the dialer executor; re-paces on every agent and call event.
 */
public final class ProgressiveDialing {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressiveDialing.class);
    /** How soon an exhausted list is looked at again (records may fall due, or come back to Ready). */
    private static final Duration LIST_RECHECK = Duration.ofSeconds(5);

    private record ActiveCall(CampaignCall call, Agent agent, Interaction interaction, Campaign campaign) { }

    private final DialerContext ctx;
    private final AgentRoster roster;
    private final Collection<Campaign> campaigns;
    private final Map<String, ActiveCall> active = new LinkedHashMap<>();
    /** Agents a record is being retrieved for (not yet Reserved: nothing may be there to dial). */
    private final Set<String> retrieving = new HashSet<>();
    private final List<CompletableFuture<Void>> idleWaiters = new java.util.ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile int calls;

    public ProgressiveDialing(DialerContext ctx, AgentRoster roster, Collection<Campaign> campaigns) {
        this.ctx = ctx;
        this.roster = roster;
        this.campaigns = campaigns;
    }

    /** Asks for a pacing pass on the dialer executor. */
    public void pace() {
        ctx.dialer().execute(this::paceNow);
    }

    private void paceNow() {
        for (Campaign campaign : campaigns) {
            if (campaign.state() != CampaignState.RUNNING || campaign.listExhausted()) {
                continue;
            }
            for (String agentId : campaign.plan().agentIds()) {
                Optional<Agent> agent = roster.find(agentId);
                if (agent.isPresent() && agent.get().state() == AgentState.READY && retrieving.add(agentId)) {
                    retrieveFor(campaign, agent.get());
                }
            }
        }
    }

    private void retrieveFor(Campaign campaign, Agent agent) {
        CompletableFuture
                .supplyAsync(() -> ctx.store().retrieveNext(campaign.name(), ctx.scheduler().now(),
                        campaign.plan().maxAttempts()), ctx.database())
                .whenCompleteAsync((record, error) -> {
                    retrieving.remove(agent.id());
                    if (error != null) {
                        LOG.error("campaign {}: cannot retrieve a record", campaign.name(), error);
                        markExhausted(campaign);
                    } else if (record.isEmpty()) {
                        markExhausted(campaign);
                    } else if (campaign.state() != CampaignState.RUNNING || agent.state() != AgentState.READY) {
                        // The world moved while the store answered: give the record back untouched.
                        returnToReady(record.get());
                        pace();
                    } else {
                        dial(campaign, agent, record.get());
                        pace();
                    }
                }, ctx.dialer());
    }

    private void markExhausted(Campaign campaign) {
        if (campaign.listExhausted()) {
            return;
        }
        campaign.listExhausted(true);
        campaign.recheck(ctx.dialer().schedule(LIST_RECHECK, () -> {
            campaign.listExhausted(false);
            campaign.recheck(null);
            paceNow();
        }));
    }

    /** New records may be there (import, records back to Ready): look at the list again now. */
    public void listChanged(Campaign campaign) {
        ctx.dialer().execute(() -> {
            if (campaign.recheck() != null) {
                campaign.recheck().cancel();
                campaign.recheck(null);
            }
            campaign.listExhausted(false);
            paceNow();
        });
    }

    private void dial(Campaign campaign, Agent agent, CallingRecord record) {
        String id = "ix-" + ids.incrementAndGet();
        Interaction interaction = new Interaction(id, campaign.name(), record);
        agent.interaction(interaction);
        agent.moveTo(AgentState.RESERVED, campaign.name());
        DialRequest toContact = DialRequest.contactViaTrunk(ctx.trunk(), record.contactInfo(), ctx.ringTimeout());
        DialRequest toAgent = DialRequest.agentPhone(agent.phone(), ctx.agentTransport(), record.contactInfo(),
                campaign.name(), ctx.agentRingTimeout());
        CallExecutor callExecutor = new CallExecutor("call-" + id, ctx.workers(), ctx.scheduler());
        CampaignCall call = new CampaignCall(id, callExecutor, ctx.userAgent(), toContact, toAgent, new Observer());
        active.put(id, new ActiveCall(call, agent, interaction, campaign));
        calls = active.size();
        ctx.metrics().callsInProgress(calls);
        ctx.metrics().dialed(campaign.name());
        LOG.info("campaign {}: dialing record {} ({}) for agent {}", campaign.name(), record.recordId(),
                record.contactInfo(), agent.id());
        call.start();
    }

    /** Hangs up every call of a campaign (unload); their records end Updated or back to Ready. */
    public void dropCalls(Campaign campaign) {
        ctx.dialer().execute(() -> {
            for (ActiveCall a : active.values()) {
                if (a.campaign() == campaign) {
                    a.call().drop();
                }
            }
        });
    }

    /** Hangs up every call (gateway stopping). */
    public void dropAll() {
        ctx.dialer().execute(() -> active.values().forEach(a -> a.call().drop()));
    }

    private void returnToReady(CallingRecord record) {
        CompletableFuture.runAsync(() -> ctx.store().returnToReady(record.recordId()), ctx.database())
                .exceptionally(e -> {
                    LOG.error("record {}: cannot return it to Ready", record.recordId(), e);
                    return null;
                });
    }

    /** Hops call milestones from the call's executor to the dialer executor. */
    private final class Observer implements CampaignCall.Observer {
        @Override
        public void agentRinging(CampaignCall call) {
            ctx.dialer().execute(() -> {
                ActiveCall a = active.get(call.id());
                ctx.metrics().answered(a.campaign().name());
                a.interaction().stage(Interaction.Stage.RINGING);
                a.agent().send(new CtiEvent.InteractionRinging(a.interaction().toWire()));
            });
        }

        @Override
        public void connected(CampaignCall call) {
            ctx.dialer().execute(() -> {
                ActiveCall a = active.get(call.id());
                a.interaction().stage(Interaction.Stage.ESTABLISHED);
                a.agent().moveTo(AgentState.BUSY, a.campaign().name());
                a.agent().send(new CtiEvent.InteractionEstablished(a.interaction().toWire()));
            });
        }

        @Override
        public void finished(CampaignCall call, CallOutcome outcome) {
            ctx.dialer().execute(() -> onFinished(active.remove(call.id()), outcome));
        }
    }

    /** Completes when no campaign call is left (at once if none is running). */
    public CompletableFuture<Void> idle() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        ctx.dialer().execute(() -> {
            if (active.isEmpty()) {
                f.complete(null);
            } else {
                idleWaiters.add(f);
            }
        });
        return f;
    }

    private void onFinished(ActiveCall a, CallOutcome outcome) {
        calls = active.size();
        ctx.metrics().callsInProgress(calls);
        if (active.isEmpty()) {
            idleWaiters.forEach(f -> f.complete(null));
            idleWaiters.clear();
        }
        Agent agent = a.agent();
        Interaction interaction = a.interaction();
        CallingRecord record = interaction.record();
        ctx.metrics().legMedia("contact", outcome.contactMedia());
        ctx.metrics().legMedia("agent", outcome.agentMedia());
        if (!outcome.attempted()) {
            returnToReady(record);
            agent.interaction(null);
            releaseAgent(agent, AgentState.READY, "CallCancelled");
            a.campaign().listExhausted(false);
            pace();
            return;
        }
        CallResult result = outcome.agentConnected() && interaction.callResult() != null
                ? interaction.callResult() : outcome.result();
        interaction.callResult(result);
        String agentId = outcome.agentConnected() ? agent.id() : null;
        interaction.stored(CompletableFuture.runAsync(
                () -> ctx.store().complete(record.recordId(), result, ctx.scheduler().now(), agentId), ctx.database()));
        interaction.stored().exceptionally(e -> {
            LOG.error("record {}: cannot write result {}", record.recordId(), result, e);
            return null;
        });
        ctx.metrics().result(a.campaign().name(), result);
        LOG.info("campaign {}: record {} ({}) -> {}", a.campaign().name(), record.recordId(), record.contactInfo(),
                result.label());
        if (outcome.agentConnected()) {
            interaction.stage(Interaction.Stage.RELEASED);
            agent.moveTo(AgentState.AFTER_CALL_WORK, a.campaign().name());
            agent.send(new CtiEvent.InteractionReleased(interaction.toWire()));
            if (agent.profile().autoReady() || agent.channel() == null) {
                // Nobody will press Mark Done: the gateway does it after the configured wrap-up.
                ctx.dialer().schedule(agent.profile().wrapUp(), () -> {
                    if (agent.interaction() == interaction && interaction.stage() == Interaction.Stage.RELEASED) {
                        markDone(agent, null);
                    }
                });
            }
        } else {
            if (interaction.stage() == Interaction.Stage.RINGING) {
                // The desktop saw the call ring but the agent never talked: close it there.
                interaction.stage(Interaction.Stage.DONE);
                agent.send(new CtiEvent.InteractionReleased(interaction.toWire()));
            }
            agent.interaction(null);
            releaseAgent(agent, outcome.agentFailed() ? AgentState.NOT_READY : AgentState.READY,
                    outcome.agentFailed() ? "PhoneDidNotAnswer" : null);
        }
        pace();
    }

    /**
     * Mark Done on a released interaction (desktop request, or automatic for phone-only agents): the agent's result
     * goes to the store after the call's own write, then the agent is free again. Dialer executor only.
     */
    public void markDone(Agent agent, String requestId) {
        Interaction interaction = agent.interaction();
        CallResult result = interaction.callResult();
        long recordId = interaction.record().recordId();
        interaction.stage(Interaction.Stage.DONE);
        interaction.stored()
                .thenRunAsync(() -> ctx.store().changeResult(recordId, result, agent.id()), ctx.database())
                .whenCompleteAsync((ok, error) -> {
                    if (error != null) {
                        LOG.error("record {}: cannot write the agent's result {}", recordId, result, error);
                        agent.send(new CtiEvent.Error(requestId, CtiErrorCodes.INTERNAL_ERROR,
                                "the result could not be saved: " + error.getMessage()));
                    }
                    agent.send(new CtiEvent.InteractionDone(requestId, interaction.id(), result.name()));
                    if (agent.interaction() == interaction) {
                        agent.interaction(null);
                        releaseAgent(agent, AgentState.READY, null);
                    }
                    pace();
                }, ctx.dialer());
    }

    /** Ends an agent's reservation: to Ready (or Not Ready), or logged out if its desktop went away meanwhile. */
    private void releaseAgent(Agent agent, AgentState next, String reason) {
        if (agent.logoutAfterCall()) {
            agent.logoutAfterCall(false);
            agent.moveTo(AgentState.LOGGED_OUT, "DesktopDisconnected");
        } else if (agent.notReadyAfterCall() || next == AgentState.NOT_READY) {
            agent.notReadyAfterCall(false);
            agent.moveTo(AgentState.NOT_READY, reason);
        } else {
            agent.moveTo(next, reason);
        }
    }

    /** Campaign calls between dial and hang-up; safe from any thread. */
    public int callsInProgress() {
        return calls;
    }
}
