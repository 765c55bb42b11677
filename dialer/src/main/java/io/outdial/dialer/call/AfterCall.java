package io.outdial.dialer.call;

import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Continuations;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.refusal.Refused;
import io.outdial.dialer.store.CallingRecord;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way out of a call, for every dialing mode: the call ended, the call was transferred away, Mark Done, the
 * agent released, the desktop gone. It holds the rules the modes share: the result written at the call's end (the
 * agent's if set, else the network's), a transfer's default result (Answer) and the record following the transfer,
 * Mark Done's writes (the result, then the wrap-up's history and callback), and the agent's next state. What differs
 * by mode is the interaction's {@link Owner}: campaign calls (progressive, predictive, engaged) use
 * {@link #campaignCalls()}, the preview desk one owner per record in hand. Dialer executor only.
 */
public final class AfterCall {
    private static final Logger LOG = LoggerFactory.getLogger(AfterCall.class);
    /** A phone-only agent whose phone did not answer rests this long before it is offered calls again. */
    private static final Duration PHONE_FAILURE_BACKOFF = Duration.ofSeconds(30);

    private final CallExecutor dialer;
    private final DialerMetrics metrics;
    private final RecordWrites writes;
    private final WrapUpWork wrapUp;
    private final Runnable pace;
    private final Owner campaignCalls = new CampaignCalls();

    /** Mark Done's work besides the result (contact history, callbacks): the wrap-up desk's, for every mode. */
    public interface WrapUpWork {
        /** None: Mark Done writes only the result. */
        WrapUpWork NONE = (agent, interaction) -> CompletableFuture.completedFuture(null);

        /** Throws {@link Refused} to refuse Mark Done (a callback wrong or past). */
        default void check(Agent agent, Interaction interaction) {
        }

        /** The record's writes after the result's; completes when they have. */
        CompletableFuture<Void> write(Agent agent, Interaction interaction);
    }

    /** The dialing mode's part of an interaction's way out. Dialer executor only. */
    public interface Owner {
        /** The contact was never dialed (cancelled, or the agent's phone failed first): the owner takes it back. */
        void notDialed(Agent agent, Interaction interaction, CallOutcome outcome);

        /**
         * True if the agent holds the record whatever the contact did (preview: the agent is on the call first), so
         * it wraps up after an unanswered call too; false if only a connected agent wraps up (campaign calls).
         */
        boolean agentHoldsRecord();

        /** The interaction is Released, the agent in after-call work: done for the agent if nobody will press it. */
        void wrappingUp(Agent agent, Interaction interaction);

        /**
         * Mark Done's writes are over ({@code next}: Mark Done, not Done and Stop; {@code requestId}: Mark Done's, or
         * null when the gateway marked it done): the owner frees the agent.
         */
        void done(Agent agent, Interaction interaction, String requestId, boolean next);
    }

    AfterCall(CallExecutor dialer, DialerMetrics metrics, RecordWrites writes, WrapUpWork wrapUp, Runnable pace) {
        this.dialer = dialer;
        this.metrics = metrics;
        this.writes = writes;
        this.wrapUp = wrapUp;
        this.pace = pace;
    }

    /** The owner of progressive, predictive and engaged interactions: the agent is Ready again after Mark Done. */
    public Owner campaignCalls() {
        return campaignCalls;
    }

    /** Mark Done's checks besides the interaction's stage: throws {@link Refused} to refuse. */
    public void check(Agent agent, Interaction interaction) {
        wrapUp.check(agent, interaction);
    }

    /** A campaign call ended: writes its result and moves the agent on. */
    void callEnded(Agent agent, Interaction interaction, String campaign, CallOutcome outcome) {
        callEnded(agent, interaction, campaign, outcome, campaignCalls);
    }

    /** The call of {@code interaction} ended: its result is written, and the agent wraps up or is freed. */
    public void callEnded(Agent agent, Interaction interaction, String campaign, CallOutcome outcome, Owner owner) {
        CallingRecord record = interaction.record();
        metrics.legMedia("contact", outcome.contactMedia());
        metrics.legMedia("agent", outcome.agentMedia());
        if (outcome.result() == CallResult.ABANDONED) {
            metrics.abandonedContactAudio(campaign, outcome.contactMedia());
        }
        if (!outcome.attempted()) {
            owner.notDialed(agent, interaction, outcome);
            return;
        }
        boolean wrapsUp = outcome.agentConnected() || owner.agentHoldsRecord();
        CallResult result = outcome.agentConnected() && interaction.callResult() != null
                ? interaction.callResult() : outcome.result();
        interaction.callResult(result);
        if (!interaction.ownsRecord() && wrapsUp) {
            // A transfer target whose transferring agent kept the record: nothing to write here.
            interaction.stored(CompletableFuture.completedFuture(null));
            toAfterCallWork(agent, interaction, campaign, owner);
            return;
        }
        // With an agent the result is final at Mark Done (the treatment follows there); without one, now.
        interaction.stored(wrapsUp ? writes.complete(record.recordId(), result, dialer.scheduler().now(), agent.id())
                : writes.completeAndTreat(record, result, dialer.scheduler().now(), null));
        noteAbandoned(record, campaign, result);
        metrics.result(campaign, result);
        LOG.info("campaign {}: record {} ({}) -> {}", campaign, record.recordId(), record.contactInfo(),
                result.label());
        if (wrapsUp) {
            toAfterCallWork(agent, interaction, campaign, owner);
            return;
        }
        if (interaction.stage() == Interaction.Stage.RINGING) {
            // The desktop saw the call ring but the agent never talked: close it there.
            interaction.stage(Interaction.Stage.DONE);
            agent.desktop().released(interaction);
        }
        agent.interaction(null);
        if (outcome.agentFailed()) {
            phoneFailed(agent);
        } else {
            release(agent, AgentState.READY, null);
        }
    }

    /** The agent talked to the contact and wraps up now: Released, after-call work until Mark Done. */
    private void toAfterCallWork(Agent agent, Interaction interaction, String campaign, Owner owner) {
        interaction.stage(Interaction.Stage.RELEASED);
        agent.moveTo(AgentState.AFTER_CALL_WORK, campaign);
        agent.desktop().released(interaction);
        owner.wrappingUp(agent, interaction);
    }

    /** A campaign call was transferred away; see {@link #transferredAway(Agent, Interaction, String, boolean, Owner)}. */
    void transferredAway(Agent agent, Interaction interaction, String campaign, boolean keepsRecord) {
        transferredAway(agent, interaction, campaign, keepsRecord, campaignCalls);
    }

    /**
     * A blind transfer completed: the transferring agent's leg is gone and the agent wraps up as after any call, with
     * the result it set or Answer. With {@code keepsRecord} (the target is an outside number, or the record does not
     * follow the transfer) the agent's interaction still owns the record and the call's result is written now;
     * otherwise the target agent's interaction owns it and this one's Mark Done writes nothing.
     */
    public void transferredAway(Agent agent, Interaction interaction, String campaign, boolean keepsRecord,
                                Owner owner) {
        CallResult result = interaction.callResult() != null ? interaction.callResult() : CallResult.ANSWER;
        interaction.callResult(result);
        if (keepsRecord) {
            interaction.stored(writes.complete(interaction.record().recordId(), result, dialer.scheduler().now(),
                    agent.id()));
            metrics.result(campaign, result);
        } else {
            interaction.ownsRecord(false);
            interaction.stored(CompletableFuture.completedFuture(null));
        }
        LOG.info("campaign {}: agent {} handed record {} on", campaign, agent.id(), interaction.record().recordId());
        toAfterCallWork(agent, interaction, campaign, owner);
    }

    /** A predictive call that never reached an agent (no answer, busy, abandoned...): writes the record's result. */
    void contactOnlyCallEnded(Interaction interaction, String campaign, CallOutcome outcome) {
        CallingRecord record = interaction.record();
        metrics.legMedia("contact", outcome.contactMedia());
        if (outcome.result() == CallResult.ABANDONED) {
            metrics.abandonedContactAudio(campaign, outcome.contactMedia());
        }
        if (!outcome.attempted()) {
            writes.returnToReady(record.recordId());
            return;
        }
        interaction.callResult(outcome.result());
        interaction.stored(writes.completeAndTreat(record, outcome.result(), dialer.scheduler().now(), null));
        noteAbandoned(record, campaign, outcome.result());
        metrics.result(campaign, outcome.result());
        LOG.info("campaign {}: record {} ({}) -> {}", campaign, record.recordId(), record.contactInfo(),
                outcome.result().label());
    }

    /** An abandoned number is not dialed again for the no-redial period: the store keeps when it was abandoned. */
    private void noteAbandoned(CallingRecord record, String campaign, CallResult result) {
        if (result == CallResult.ABANDONED) {
            writes.abandoned(record.contactInfo(), campaign, dialer.scheduler().now());
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
        if (!agent.hasDesktop() && agent.state() == AgentState.NOT_READY && agent.profile().autoReady()) {
            // No desktop will ever set a phone-only agent Ready again: the gateway does, after a rest.
            LOG.warn("agent {}: phone {} did not answer; Ready again in {}", agent.id(), agent.phone(),
                    PHONE_FAILURE_BACKOFF);
            dialer.schedule(PHONE_FAILURE_BACKOFF, () -> {
                if (agent.state() == AgentState.NOT_READY && !agent.hasDesktop()) {
                    agent.moveTo(AgentState.READY, "PhoneOnlyAgent");
                    pace.run();
                }
            });
        }
    }

    /** Mark Done of the agent's released campaign interaction: the agent is Ready again after it. */
    void markDone(Agent agent, String requestId) {
        markDone(agent, agent.interaction(), requestId, true, campaignCalls);
    }

    /**
     * Mark Done on a released interaction: the agent's result goes to the store after the call's own write (none for
     * a record already treated, or one that followed a transfer), then the wrap-up's writes, then {@code owner}
     * frees the agent. Replies InteractionDone, or an error if the record could not be fully saved.
     */
    public void markDone(Agent agent, Interaction interaction, String requestId, boolean next, Owner owner) {
        CallResult result = interaction.callResult();
        long recordId = interaction.record().recordId();
        interaction.stage(Interaction.Stage.DONE);
        if (interaction.wrapUpTimer() != null) {
            interaction.wrapUpTimer().cancel();
        }
        CompletableFuture<Void> written = !interaction.ownsRecord() ? CompletableFuture.completedFuture(null)
                : (interaction.treated() ? interaction.stored() : interaction.stored()
                        .thenCompose(ok -> writes.changeResult(recordId, result, agent.id())))
                .thenCompose(ok -> wrapUp.write(agent, interaction));
        written.whenCompleteAsync(Continuations.logged("AfterCall.markDone", (ok, error) -> {
            if (error != null) {
                agent.desktop().refused(requestId, Refused.Why.INTERNAL_ERROR, "record " + recordId
                        + " could not be fully saved (the call's own result is kept): " + error.getMessage());
            } else {
                agent.desktop().done(requestId, interaction, result);
            }
            owner.done(agent, interaction, requestId, next);
        }), dialer);
    }

    /**
     * The agent's desktop went away: the agent is logged out as it is freed, and an interaction in after-call work is
     * marked done now (a call in progress finishes first, then the owner marks it done, nobody being there).
     */
    public void desktopGone(Agent agent, Interaction interaction, Owner owner) {
        agent.logoutAfterCall(true);
        if (interaction != null && interaction.stage() == Interaction.Stage.RELEASED) {
            markDone(agent, interaction, null, false, owner);
        }
    }

    /**
     * Ends an agent's reservation: to {@code next} (Ready or Not Ready, or Not Ready if asked meanwhile), or logged
     * out if its desktop went away meanwhile ({@code next} Logged Out: the desktop is gone).
     */
    public void release(Agent agent, AgentState next, String reason) {
        if (agent.logoutAfterCall() || next == AgentState.LOGGED_OUT) {
            agent.logoutAfterCall(false);
            agent.moveTo(AgentState.LOGGED_OUT, "DesktopDisconnected");
        } else if (agent.notReadyAfterCall() || next == AgentState.NOT_READY) {
            agent.notReadyAfterCall(false);
            agent.moveTo(AgentState.NOT_READY, reason);
        } else {
            agent.moveTo(next, reason);
        }
    }

    /** Campaign calls' part: the record back to Ready when never dialed, the wrap-up timer, Ready after Mark Done. */
    private final class CampaignCalls implements Owner {
        @Override
        public void notDialed(Agent agent, Interaction interaction, CallOutcome outcome) {
            writes.returnToReady(interaction.record().recordId());
            agent.interaction(null);
            release(agent, AgentState.READY, "CallCancelled");
        }

        @Override
        public boolean agentHoldsRecord() {
            return false;
        }

        @Override
        public void wrappingUp(Agent agent, Interaction interaction) {
            if (agent.profile().autoReady() || !agent.hasDesktop()) {
                // Nobody will press Mark Done: the gateway does it after the configured wrap-up.
                interaction.wrapUpTimer(dialer.schedule(agent.profile().wrapUp(), () -> {
                    if (agent.interaction() == interaction && interaction.stage() == Interaction.Stage.RELEASED) {
                        markDone(agent, null);
                    }
                }));
            }
        }

        @Override
        public void done(Agent agent, Interaction interaction, String requestId, boolean next) {
            if (agent.interaction() == interaction) {
                agent.interaction(null);
                release(agent, AgentState.READY, null);
            }
            pace.run();
        }
    }
}
