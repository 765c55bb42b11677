package io.outdial.dialer.call;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.campaign.Campaign;

/**
 * One progressive call, progressive's own state of it in the registry ({@link Assignments}): the contact's call, the
 * agent it was dialed for and that agent's interaction, and its answer to a transfer (the call's end then belongs to
 * the target; to nobody for an outside number). Dialer executor only.
 */
final class ProgressiveCall extends PacedCall implements Assignments.Handover {
    private final CampaignCall call;
    private final AfterCall afterCall;
    /** Null once a transfer gave the contact to an outside number; the target's once it was handed to an agent. */
    private Agent agent;
    private Interaction interaction;

    ProgressiveCall(CampaignCall call, Agent agent, Interaction interaction, Campaign campaign, ModePolicy policy,
                    AfterCall afterCall) {
        super(campaign, policy, () -> call.drop());
        this.call = call;
        this.agent = agent;
        this.interaction = interaction;
        this.afterCall = afterCall;
    }

    CampaignCall call() {
        return call;
    }

    /** The agent whose call it is (the transfer target's once handed on); null once given to an outside number. */
    @Override
    Agent agent() {
        return agent;
    }

    Interaction interaction() {
        return interaction;
    }

    @Override
    Interaction shown() {
        return interaction;
    }

    @Override
    public boolean agentOnCall() {
        return agent != null;
    }

    @Override
    public void transferred(Agent target, Interaction targetInteraction, boolean recordFollows) {
        Agent previous = agent;
        Interaction previousInteraction = interaction;
        agent = target;
        interaction = targetInteraction;
        afterCall.transferredAway(previous, previousInteraction, campaign.name(), !recordFollows);
    }
}
