package io.outdial.dialer.call;

import io.outdial.core.exec.Cancellable;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.campaign.Campaign;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * One contact dialed by predictive pacing, with no agent until one is connected: predictive's per-call state, held
 * only as its call's state in the registry ({@link Assignments}).
 */
final class PredictiveDial extends PacedCall implements Assignments.Handover {
    private final AfterCall afterCall;
    final CampaignCall call;
    /** Replaced by the target agent's once a transfer or conference hands it the call. */
    Interaction interaction;
    Agent agent;
    /** No agent, {@link #agent} looking at the contact's interaction preview, given the call, or transferred out. */
    PredictiveAgentStage stage = PredictiveAgentStage.NO_AGENT;
    /** Agents who rejected (or let time out) this contact's preview: not offered it again. */
    final Set<String> declinedBy = new HashSet<>();
    /** When the contact picked up (the connect window counts from here). */
    Instant pickedUp;
    /**
     * What pacing was told: a live answer at pick-up, or with AMD at the verdict that lets the call through; or AMD
     * said machine: out of pacing, connected (onMachine: connect) but never a live answer.
     */
    PacedAnswer answer = PacedAnswer.UNCOUNTED;
    boolean abandonCounted;
    Cancellable connectWindow;

    PredictiveDial(CampaignCall call, Campaign campaign, Interaction interaction, ModePolicy policy,
                   AfterCall afterCall) {
        super(campaign, policy, () -> call.drop());
        this.afterCall = afterCall;
        this.call = call;
        this.interaction = interaction;
    }

    /** The agent given the contact (the transfer target's once handed on); null until one is. */
    @Override
    Agent agent() {
        return agent;
    }

    @Override
    Interaction shown() {
        return interaction;
    }

    /** Once connected, the agent on this call may hand it on. */
    @Override
    public boolean agentOnCall() {
        return agent != null && stage.agentHolds();
    }

    /** Handed on: the agent wraps up, and the call's end is the target's (nobody's for an outside number). */
    @Override
    public void transferred(Agent target, Interaction targetInteraction, boolean recordFollows) {
        Agent previous = agent;
        Interaction previousInteraction = interaction;
        if (target == null) {
            stage = stage.moveTo(PredictiveAgentStage.TRANSFERRED_OUT);
        } else {
            agent = target;
            interaction = targetInteraction;
        }
        afterCall.transferredAway(previous, previousInteraction, campaign.name(), !recordFollows);
    }
}
