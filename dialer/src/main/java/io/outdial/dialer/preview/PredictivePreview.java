package io.outdial.dialer.preview;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.AnswerPreview;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.config.PreviewSettings;
import java.time.Duration;

/**
 * Predictive's interaction preview ({@code preview.interactionPreview: true}): a contact who answered (and whom AMD
 * let through) is shown to the Ready agent picked for it; Accept connects the agent, Reject or the timeout frees the
 * agent (auto-reject: Not Ready) and the contact goes to another Ready agent, or is abandoned with the safe-harbour
 * message when none comes within the connect window. The connect window counts from the pick-up, so the accept
 * timeout (and an auto-answer countdown) is cut to what is left of it. Phone-only agents are connected as before.
 * Dialer executor only.
 */
public final class PredictivePreview implements AnswerPreview {
    private final InteractionPreviews previews;

    public PredictivePreview(InteractionPreviews previews) {
        this.previews = previews;
    }

    @Override
    public boolean previews(Campaign campaign, Agent agent) {
        PreviewSettings terms = campaign.plan().preview();
        return terms.interactionPreview() && agent.hasDesktop();
    }

    @Override
    public void offer(Campaign campaign, Agent agent, Interaction interaction, Duration left, Answer answer) {
        PreviewSettings terms = withinWindow(campaign.plan().preview(), left);
        previews.offer(agent, campaign, interaction, terms, AgentState.READY, new InteractionPreviews.Handler() {
            @Override
            public void accepted(Agent a, Campaign c, Interaction accepted) {
                answer.accepted();
            }

            @Override
            public AgentState autoRejected(Agent a, Campaign c, AgentState before) {
                return AgentState.NOT_READY;
            }

            @Override
            public void returned(Agent a, Campaign c, Interaction ix, OfferState why, Runnable backOnTop) {
                answer.declined(); // the contact is on the line: handed on, not put back in the list
            }

            @Override
            public boolean liveContact() {
                return true;
            }
        });
    }

    @Override
    public void withdraw(Agent agent) {
        previews.withdraw(agent);
    }

    /** The campaign's terms with the accept timeout and the auto-answer countdown cut to {@code left}. */
    static PreviewSettings withinWindow(PreviewSettings terms, Duration left) {
        Duration accept = terms.acceptTimeout().compareTo(left) > 0 ? left : terms.acceptTimeout();
        Duration auto = terms.autoAnswer() == null || terms.autoAnswer().compareTo(left) <= 0 ? terms.autoAnswer()
                : left;
        return new PreviewSettings(terms.interactionPreview(), accept, terms.autoReject(), auto,
                terms.rejectDuringAutoAnswer());
    }
}
