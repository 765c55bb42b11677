package io.outdial.dialer.call;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;

/**
 * What the desktop sees when the agent holds or retrieves from the phone: the same {@code InteractionHeld} (state
 * OnHold) and {@code InteractionRetrieved} (state Established) as the desktop's own Hold and Retrieve, without a
 * requestId since no command asked. Dialer executor only.
 */
public final class PhoneHolds {
    private PhoneHolds() {
    }

    /** The call of {@code ix} was held ({@code held}) or retrieved from {@code agent}'s phone. */
    public static void report(Agent agent, Interaction ix, boolean held) {
        if (agent == null || ix == null) {
            return;
        }
        if (held && ix.stage() == Interaction.Stage.ESTABLISHED) {
            ix.stage(Interaction.Stage.ON_HOLD);
            agent.desktop().held(null, ix);
        } else if (!held && ix.stage() == Interaction.Stage.ON_HOLD) {
            ix.stage(Interaction.Stage.ESTABLISHED);
            agent.desktop().retrieved(null, ix);
        }
    }
}
