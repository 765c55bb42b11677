package io.outdial.dialer.call;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.config.DialingMode;

/**
 * One engaged agent as the dialer tracks it: the state of the agent's own call, a line in the registry
 * ({@link Assignments#addLine}). Its contacts in flight are the registry's engaged contact calls dialed for it
 * ({@link EngagedContact}). Dialer executor only.
 */
final class Engagement extends PacedCall {
    final EngagingCall call;
    final Agent agent;
    private final Assignments assignments;
    /** The interaction the agent's desktop shows (null once released there). */
    Interaction shown;
    /** The record the engagement was started for, while the agent's phone is called (null from the engagement on). */
    private Interaction first;
    int retrieving;
    /** How far the engagement got; changed only by {@link #agentEngaged()} and {@link #contactConnected()}. */
    private EngagementStage stage = EngagementStage.CALLING_AGENT;

    Engagement(EngagingCall call, Agent agent, Campaign campaign, Interaction first, ModePolicy policy,
               Assignments assignments) {
        super(campaign, policy, () -> call.drop());
        this.call = call;
        this.agent = agent;
        this.shown = first;
        this.first = first;
        this.assignments = assignments;
    }

    @Override
    Agent agent() {
        return agent;
    }

    /** The interaction the agent's desktop shows (null once released there). */
    @Override
    Interaction shown() {
        return shown;
    }

    /** The interaction of {@code contact}, if it is one of this agent's contact calls still up; else null. */
    @Override
    Interaction interactionOf(CampaignCall contact) {
        return assignments.stateOf(contact.id(), EngagedContact.class).filter(d -> d.engagement == this)
                .map(d -> d.interaction).orElse(null);
    }

    EngagementStage stage() {
        return stage;
    }

    /** The record the engagement was started for, while the agent's phone is called; null once it is engaged. */
    Interaction first() {
        return first;
    }

    /**
     * The agent answered: the engagement moves to {@link EngagementStage#ENGAGED} and hands over the record it was
     * started for (to dial or give back); refused unless the agent's phone was being called.
     */
    Interaction agentEngaged() {
        stage = stage.moveTo(EngagementStage.ENGAGED);
        Interaction dialNow = first;
        first = null;
        return dialNow;
    }

    /** A contact is bridged to the agent; refused unless the agent is engaged and no contact is bridged yet. */
    void contactConnected() {
        stage = stage.moveTo(EngagementStage.CONNECTED);
    }

    boolean assured() {
        return campaign.plan().dialingMode() == DialingMode.ASSURED_CONNECTION;
    }

    /** The agent waits on the line for a contact: more may be dialed for it. */
    boolean waiting() {
        return stage == EngagementStage.ENGAGED && call.phase().engaging();
    }

    /** The contact calls dialed for this agent and not over yet, as the registry holds them. */
    int contacts() {
        int n = 0;
        for (EngagedContact c : assignments.states(InteractionIds.Owner.ENGAGED, EngagedContact.class)) {
            if (c.engagement == this) {
                n++;
            }
        }
        return n;
    }

    int lines() {
        return contacts() + retrieving;
    }
}
