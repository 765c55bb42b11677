package io.outdial.dialer.call;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/** The phases of one campaign call, from dialing the contact to both legs gone. */
public enum CallPhase implements State<CallPhase> {
    /** Contact leg dialed through the trunk, not answered yet. */
    DIALING_CONTACT,
    /** Predictive: the contact answered and waits for the dialer to give it an agent, or to abandon it. */
    WAITING_FOR_AGENT,
    /** The contact answered; the agent's phone is being called. */
    CONNECTING_AGENT,
    /** Both legs answered and bridged. */
    CONNECTED,
    /** A leg ended or failed; waiting for the other leg to end. */
    RELEASING,
    /** Both legs gone; the outcome is known. */
    FINISHED;

    private static final Transitions<CallPhase> MOVES = Transitions.of(CallPhase.class, "call")
            .entry(DIALING_CONTACT)
            .from(DIALING_CONTACT).to(WAITING_FOR_AGENT, CONNECTING_AGENT, RELEASING, FINISHED)
            .from(WAITING_FOR_AGENT).to(CONNECTING_AGENT, RELEASING, FINISHED)
            .from(CONNECTING_AGENT).to(CONNECTED, RELEASING, FINISHED)
            .from(CONNECTED).to(RELEASING, FINISHED)
            .from(RELEASING).to(FINISHED)
            .terminal(FINISHED)
            .build();

    @Override
    public Transitions<CallPhase> transitions() {
        return MOVES;
    }
}
