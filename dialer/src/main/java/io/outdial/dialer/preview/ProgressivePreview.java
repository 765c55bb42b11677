package io.outdial.dialer.preview;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.ProgressiveMode;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.config.PreviewSettings;

/**
 * Progressive's interaction preview ({@code preview.interactionPreview: true}): the record reserved for a Ready
 * agent is shown first; Accept lets the dial go ahead (the agent is connected once the contact answers), Reject or
 * the timeout returns the record to the top of the list (auto-reject: the agent goes Not Ready). Phone-only agents,
 * who have no desktop to accept on, are dialed for as before. Dialer executor only.
 */
public final class ProgressivePreview implements ProgressiveMode.DialPreview {
    private final InteractionPreviews previews;

    public ProgressivePreview(InteractionPreviews previews) {
        this.previews = previews;
    }

    @Override
    public boolean offer(Campaign campaign, Agent agent, Interaction interaction, Runnable dial) {
        PreviewSettings terms = campaign.plan().preview();
        if (!terms.interactionPreview() || !agent.hasDesktop()) {
            return false;
        }
        previews.offer(agent, campaign, interaction, terms, AgentState.READY, new InteractionPreviews.Handler() {
            @Override
            public void accepted(Agent a, Campaign c, Interaction accepted) {
                accepted.stage(Interaction.Stage.DIALING);
                dial.run();
            }

            @Override
            public AgentState autoRejected(Agent a, Campaign c, AgentState before) {
                return AgentState.NOT_READY;
            }
        });
        return true;
    }
}
