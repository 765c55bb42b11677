package io.outdial.dialer.call;

import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.core.exec.Continuations;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.context.DialerContext;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a campaign call: the record's result, the agent's after-call work and Mark Done, and the agent's
 * way back to Ready. Dialer executor only.
 */
final class AfterCall {
    private static final Logger LOG = LoggerFactory.getLogger(AfterCall.class);
    /** A phone-only agent whose phone did not answer rests this long before it is offered calls again. */
    private static final Duration PHONE_FAILURE_BACKOFF = Duration.ofSeconds(30);

    private final DialerContext ctx;
    private final RecordWrites writes;
    private final Runnable pace;
    /** Mark Done's writes after the result's (contact history, callback); none by default. */
    private BiFunction<Agent, Interaction, CompletableFuture<Void>> afterResult =
            (agent, interaction) -> CompletableFuture.completedFuture(null);

    AfterCall(DialerContext ctx, RecordWrites writes, Runnable pace) {
        this.ctx = ctx;
        this.writes = writes;
        this.pace = pace;
    }

    void afterResult(BiFunction<Agent, Interaction, CompletableFuture<Void>> step) {
        this.afterResult = step;
    }

    /** Writes the call's result and moves the agent on. */
    void callEnded(Agent agent, Interaction interaction, String campaign, CallOutcome outcome) {
        CallingRecord record = interaction.record();
        ctx.metrics().legMedia("contact", outcome.contactMedia());
        ctx.metrics().legMedia("agent", outcome.agentMedia());
        if (outcome.result() == CallResult.ABANDONED) {
            ctx.metrics().abandonedContactAudio(campaign, outcome.contactMedia());
        }
        if (!outcome.attempted()) {
            writes.returnToReady(record.recordId());
            agent.interaction(null);
            release(agent, AgentState.READY, "CallCancelled");
            return;
        }
        CallResult result = outcome.agentConnected() && interaction.callResult() != null
                ? interaction.callResult() : outcome.result();
        interaction.callResult(result);
        if (!interaction.ownsRecord() && outcome.agentConnected()) {
            // A transfer target whose transferring agent kept the record: nothing to write here.
            interaction.stored(CompletableFuture.completedFuture(null));
            toAfterCallWork(agent, interaction, campaign);
            return;
        }
        String agentId = outcome.agentConnected() ? agent.id() : null;
        // With an agent the result is final at Mark Done (the treatment follows there); without one, now.
        interaction.stored(outcome.agentConnected()
                ? writes.complete(record.recordId(), result, ctx.scheduler().now(), agentId)
                : writes.completeAndTreat(record, result, ctx.scheduler().now(), null));
        noteAbandoned(record, campaign, result);
        ctx.metrics().result(campaign, result);
        LOG.info("campaign {}: record {} ({}) -> {}", campaign, record.recordId(), record.contactInfo(),
                result.label());
        if (outcome.agentConnected()) {
            toAfterCallWork(agent, interaction, campaign);
            return;
        }
        if (interaction.stage() == Interaction.Stage.RINGING) {
            // The desktop saw the call ring but the agent never talked: close it there.
            interaction.stage(Interaction.Stage.DONE);
            agent.send(new CtiEvent.InteractionReleased(interaction.toWire()));
        }
        agent.interaction(null);
        if (outcome.agentFailed()) {
            phoneFailed(agent);
        } else {
            release(agent, AgentState.READY, null);
        }
    }

    /** The agent talked to the contact and wraps up now: Released, after-call work until Mark Done. */
    private void toAfterCallWork(Agent agent, Interaction interaction, String campaign) {
        interaction.stage(Interaction.Stage.RELEASED);
        agent.moveTo(AgentState.AFTER_CALL_WORK, campaign);
        agent.send(new CtiEvent.InteractionReleased(interaction.toWire()));
        if (agent.profile().autoReady() || agent.channel() == null) {
            // Nobody will press Mark Done: the gateway does it after the configured wrap-up.
            interaction.wrapUpTimer(ctx.dialer().schedule(agent.profile().wrapUp(), () -> {
                if (agent.interaction() == interaction && interaction.stage() == Interaction.Stage.RELEASED) {
                    markDone(agent, null);
                }
            }));
        }
    }

    /**
     * A blind transfer completed: the transferring agent's leg is gone and the agent wraps up as after any call.
     * With {@code keepsRecord} (the target is an outside number) the agent's interaction still owns the record and
     * the call's result is written now; otherwise the target agent's interaction owns it and this one's Mark Done
     * writes nothing.
     */
    void transferredAway(Agent agent, Interaction interaction, String campaign, boolean keepsRecord) {
        CallResult result = interaction.callResult() != null ? interaction.callResult() : CallResult.ANSWER;
        interaction.callResult(result);
        if (keepsRecord) {
            interaction.stored(writes.complete(interaction.record().recordId(), result, ctx.scheduler().now(),
                    agent.id()));
            ctx.metrics().result(campaign, result);
        } else {
            interaction.ownsRecord(false);
            interaction.stored(CompletableFuture.completedFuture(null));
        }
        toAfterCallWork(agent, interaction, campaign);
    }

    /** A predictive call that never reached an agent (no answer, busy, abandoned...): writes the record's result. */
    void contactOnlyCallEnded(Interaction interaction, String campaign, CallOutcome outcome) {
        CallingRecord record = interaction.record();
        ctx.metrics().legMedia("contact", outcome.contactMedia());
        if (outcome.result() == CallResult.ABANDONED) {
            ctx.metrics().abandonedContactAudio(campaign, outcome.contactMedia());
        }
        if (!outcome.attempted()) {
            writes.returnToReady(record.recordId());
            return;
        }
        interaction.callResult(outcome.result());
        interaction.stored(writes.completeAndTreat(record, outcome.result(), ctx.scheduler().now(), null));
        noteAbandoned(record, campaign, outcome.result());
        ctx.metrics().result(campaign, outcome.result());
        LOG.info("campaign {}: record {} ({}) -> {}", campaign, record.recordId(), record.contactInfo(),
                outcome.result().label());
    }

    /** An abandoned number is not dialed again for the no-redial period: the store keeps when it was abandoned. */
    private void noteAbandoned(CallingRecord record, String campaign, CallResult result) {
        if (result == CallResult.ABANDONED) {
            writes.abandoned(record.contactInfo(), campaign, ctx.scheduler().now());
        }
    }

    /**
     * An engaging call's agent phone did not answer before any contact was dialed: the record goes back to Ready and
     * the agent Not Ready, as for a progressive call whose agent does not answer.
     */
    void engagedPhoneFailed(Agent agent, Interaction interaction) {
        writes.returnToReady(interaction.record().recordId());
        agent.interaction(null);
        phoneFailed(agent);
    }

    /** An engagement ended without a connected call: the agent is free again ({@code next}: Ready or Not Ready). */
    void engagementReleased(Agent agent, AgentState next, String reason) {
        agent.interaction(null);
        release(agent, next, reason);
    }

    /** The agent's phone did not answer: Not Ready, so the next contact is not abandoned the same way. */
    private void phoneFailed(Agent agent) {
        release(agent, AgentState.NOT_READY, "PhoneDidNotAnswer");
        if (agent.channel() == null && agent.state() == AgentState.NOT_READY && agent.profile().autoReady()) {
            // No desktop will ever set a phone-only agent Ready again: the gateway does, after a rest.
            LOG.warn("agent {}: phone {} did not answer; Ready again in {}", agent.id(), agent.phone(),
                    PHONE_FAILURE_BACKOFF);
            ctx.dialer().schedule(PHONE_FAILURE_BACKOFF, () -> {
                if (agent.state() == AgentState.NOT_READY && agent.channel() == null) {
                    agent.moveTo(AgentState.READY, "PhoneOnlyAgent");
                    pace.run();
                }
            });
        }
    }

    /**
     * Mark Done on a released interaction: the agent's result goes to the store after the call's own write, then
     * the agent is free again. Replies InteractionDone, or an error if the result could not be saved.
     */
    void markDone(Agent agent, String requestId) {
        Interaction interaction = agent.interaction();
        CallResult result = interaction.callResult();
        long recordId = interaction.record().recordId();
        interaction.stage(Interaction.Stage.DONE);
        if (interaction.wrapUpTimer() != null) {
            interaction.wrapUpTimer().cancel();
        }
        CompletableFuture<Void> written = !interaction.ownsRecord() ? CompletableFuture.completedFuture(null)
                : interaction.stored()
                .thenCompose(ok -> writes.changeResult(recordId, result, agent.id()))
                .thenCompose(ok -> afterResult.apply(agent, interaction));
        written
                .whenCompleteAsync(Continuations.logged("AfterCall.markDone", (ok, error) -> {
                    if (error != null) {
                        agent.send(new CtiEvent.Error(requestId, CtiErrorCodes.INTERNAL_ERROR,
                                "the result of record " + recordId + " could not be saved; it is kept as the"
                                        + " call's own result: " + error.getMessage()));
                    } else {
                        agent.send(new CtiEvent.InteractionDone(requestId, interaction.id(), result.name()));
                    }
                    if (agent.interaction() == interaction) {
                        agent.interaction(null);
                        release(agent, AgentState.READY, null);
                    }
                    pace.run();
                }), ctx.dialer());
    }

    /** Ends an agent's reservation: to Ready (or Not Ready), or logged out if its desktop went away meanwhile. */
    private void release(Agent agent, AgentState next, String reason) {
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
}
