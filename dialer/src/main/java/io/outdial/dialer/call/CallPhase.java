package io.outdial.dialer.call;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/** The phases of one campaign call, from dialing the contact to both legs gone. */
public enum CallPhase implements State<CallPhase> {
    /** Contact leg dialed through the trunk, not answered yet. */
    DIALING_CONTACT,
    /** Dropped while dialing: the dial is cancelled, and an answer already on its way is hung up as Dropped. */
    DROPPING,
    /** Predictive: the contact answered and waits for the dialer to give it an agent, or to abandon it. */
    WAITING_FOR_AGENT,
    /**
     * Assured connection, ASM: the contact answered and its engaging call lent it the agent's already answered leg,
     * which waits for the analysis to clear the contact; the leg is still the engaging call's (a machine or a tone
     * releases the contact alone, and the agent stays engaged).
     */
    ENGAGED_AGENT_WAITING,
    /** The contact answered; the agent's phone is being called. */
    CONNECTING_AGENT,
    /** The agent answered (or an engaged agent was given) and waits for the analysis to let the contact through. */
    AGENT_ANSWERED,
    /** Both legs answered and bridged. */
    CONNECTED,
    /** A leg ended or failed; waiting for the other leg to end. */
    RELEASING,
    /** Both legs gone; the outcome is known. */
    FINISHED;

    private static final Transitions<CallPhase> MOVES = Transitions.of(CallPhase.class, "call")
            .entry(DIALING_CONTACT)
            .from(DIALING_CONTACT).to(DROPPING, WAITING_FOR_AGENT, CONNECTING_AGENT, RELEASING, FINISHED)
            .from(DROPPING).to(RELEASING, FINISHED)
            // An engaged agent's leg is already answered: it skips the ringing.
            .from(WAITING_FOR_AGENT).to(CONNECTING_AGENT, ENGAGED_AGENT_WAITING, RELEASING, FINISHED)
            .from(ENGAGED_AGENT_WAITING).to(AGENT_ANSWERED, RELEASING, FINISHED)
            .from(CONNECTING_AGENT).to(AGENT_ANSWERED, RELEASING, FINISHED)
            .from(AGENT_ANSWERED).to(CONNECTED, RELEASING, FINISHED)
            .from(CONNECTED).to(RELEASING, FINISHED)
            .from(RELEASING).to(FINISHED)
            .terminal(FINISHED)
            .build();

    /** The contact answered and has no agent yet: waiting for one, its phone ringing, or waiting for the analysis. */
    public boolean awaitingAgent() {
        return this == WAITING_FOR_AGENT || this == ENGAGED_AGENT_WAITING || this == CONNECTING_AGENT
                || this == AGENT_ANSWERED;
    }

    @Override
    public Transitions<CallPhase> transitions() {
        return MOVES;
    }
}
