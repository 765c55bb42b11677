package io.outdial.dialer.call;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.campaign.Campaign;
import java.time.Duration;

/**
 * Predictive's interaction preview ({@code preview.interactionPreview: true}): an answered contact is shown to the
 * Ready agent picked for it, who Accepts (then is connected) or Rejects (then the contact goes to another Ready
 * agent, or is abandoned when none comes within the connect window). Dialer executor only.
 */
public interface AnswerPreview {
    /** Whether answers of {@code campaign} are shown to {@code agent} before it is connected. */
    boolean previews(Campaign campaign, Agent agent);

    /**
     * Shows the answered contact's interaction (the agent already Reserved with it) for at most {@code left},
     * what is left of the connect window; exactly one of {@code answer}'s methods is called later.
     */
    void offer(Campaign campaign, Agent agent, Interaction interaction, Duration left, Answer answer);

    /** Takes the agent's offer back (the contact hung up); {@link Answer#declined} follows. */
    void withdraw(Agent agent);

    /** The end of an offer, on the dialer executor; the agent already freed when declined. */
    interface Answer {
        void accepted();

        void declined();
    }
}
