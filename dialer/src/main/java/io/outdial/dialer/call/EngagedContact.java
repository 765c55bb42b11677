package io.outdial.dialer.call;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One contact call dialed for an engaged agent, and its answer to a transfer: only a contact bridged to its engaged
 * agent (not handed on, past the engaging phase) can be handed on; the engaged agent then wraps up as after any call,
 * and the engagement ends with the call and engages nobody again.
 */
final class EngagedContact implements Assignments.Handover {
    private static final Logger LOG = LoggerFactory.getLogger(EngagedDialing.class);

    final Interaction interaction;
    final Engagement engagement;
    private final AfterCall afterCall;
    /** What pacing was told of the contact: a live answer (at the pick-up, at the verdict, or when bridged), a machine. */
    PacedAnswer answer = PacedAnswer.UNCOUNTED;
    /** The engaged agent's, or handed on by a transfer (or a conference its agent left): the engaged agent is gone. */
    EngagedHandover handover = EngagedHandover.ENGAGED_AGENTS;
    /** The agent the call was handed to, and its interaction; null for an outside number. */
    Agent target;
    Interaction targetInteraction;

    EngagedContact(Interaction interaction, Engagement engagement, AfterCall afterCall) {
        this.interaction = interaction;
        this.engagement = engagement;
        this.afterCall = afterCall;
    }

    @Override
    public boolean agentOnCall() {
        return engagement.stage().connected() && !handover.handedOn()
                && interaction.stage() != Interaction.Stage.ESTABLISHING;
    }

    @Override
    public void transferred(Agent to, Interaction toInteraction, boolean recordFollows) {
        handover = handover.moveTo(EngagedHandover.HANDED_ON);
        target = to;
        targetInteraction = toInteraction;
        LOG.info("campaign {}: engaged agent {} handed {} to {}", engagement.campaign.name(), engagement.agent.id(),
                interaction.id(), to == null ? "an outside number" : to.id());
        engagement.shown = null;
        afterCall.transferredAway(engagement.agent, interaction, engagement.campaign.name(), !recordFollows);
    }
}
