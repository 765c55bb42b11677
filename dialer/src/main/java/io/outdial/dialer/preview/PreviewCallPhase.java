package io.outdial.dialer.preview;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/**
 * The phases of one preview call. The agent chose to call, so the agent's phone is called first and the contact is
 * dialed once the agent answers: the agent hears the contact's phone being answered, as with a phone dialing out.
 */
public enum PreviewCallPhase implements State<PreviewCallPhase> {
    /** The agent's phone is being called. */
    CALLING_AGENT,
    /** The agent answered; the contact is dialed through the trunk. */
    DIALING_CONTACT,
    /** The contact answered and is bridged to the agent. */
    CONNECTED,
    /** A leg ended or failed; waiting for the other leg to end. */
    RELEASING,
    /** Both legs gone; the outcome is known. */
    FINISHED;

    private static final Transitions<PreviewCallPhase> MOVES = Transitions.of(PreviewCallPhase.class, "preview call")
            .entry(CALLING_AGENT)
            .from(CALLING_AGENT).to(DIALING_CONTACT, RELEASING, FINISHED)
            .from(DIALING_CONTACT).to(CONNECTED, RELEASING, FINISHED)
            .from(CONNECTED).to(RELEASING, FINISHED)
            .from(RELEASING).to(FINISHED)
            .terminal(FINISHED)
            .build();

    @Override
    public Transitions<PreviewCallPhase> transitions() {
        return MOVES;
    }
}
