package io.outdial.dialer.call;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/**
 * What one {@link CampaignCall} made of its contact, beside where the call stands ({@link CallPhase}): whether the
 * analysis let the agent in, whether an answering machine was heard, whether the agent was let go because a machine
 * gets a message, and whether the contact was ever really tried. One value instead of four flags, so that no
 * impossible mix (an agent let in and let go, a cleared contact never tried) can be held, and each change is a move
 * of the table. Once decided it stays: a contact leaving after a machine was heard is an answering machine, not
 * abandoned, and the legs of an agent let go stay let go while the call releases.
 */
enum ContactVerdict implements State<ContactVerdict> {
    /** Not answered yet, or answered while the analysis has not decided: an agent waits for the analysis. */
    UNDECIDED,
    /** The dial was cancelled by us before any answer or result (an unload): the record is left as if never dialed. */
    UNTRIED,
    /**
     * The analysis let the agent in: a person, a party the detector could not decide on that the campaign connects, or
     * (without answering machine detection) whoever answered.
     */
    CLEARED,
    /** An answering machine was heard and the agent is not let in (yet): the treatment decides what follows. */
    MACHINE,
    /** An answering machine the campaign connects anyway: the agent may be bridged to it. */
    MACHINE_CLEARED,
    /**
     * An answering machine that gets a message and no agent: the agent's leg was let go on purpose, no agent is given
     * to the contact any more, and whatever the agent's leg still does only ends it.
     */
    MACHINE_MESSAGE;

    private static final Transitions<ContactVerdict> MOVES = Transitions.of(ContactVerdict.class, "contact verdict")
            .entry(UNDECIDED)
            .from(UNDECIDED).to(UNTRIED, CLEARED, MACHINE)
            // A machine decision heard once the contact was cleared still makes it a machine (its leaving is one).
            .from(CLEARED).to(MACHINE_CLEARED)
            .from(MACHINE).to(MACHINE_CLEARED, MACHINE_MESSAGE)
            .terminal(UNTRIED, MACHINE_CLEARED, MACHINE_MESSAGE)
            .build();

    /** The agent may be bridged to the contact. */
    boolean letsAgentIn() {
        return this == CLEARED || this == MACHINE_CLEARED;
    }

    /** An answering machine was heard: a contact leaving before an agent took it is an answering machine. */
    boolean machine() {
        return this == MACHINE || this == MACHINE_CLEARED || this == MACHINE_MESSAGE;
    }

    /** The agent's leg was let go on purpose (a machine gets a message): no agent is given, its leg only ends. */
    boolean agentLetGo() {
        return this == MACHINE_MESSAGE;
    }

    /** The contact was really tried: its record counts an attempt. */
    boolean attempted() {
        return this != UNTRIED;
    }

    /** The analysis let the agent in: from a machine heard, a machine cleared; otherwise cleared. */
    ContactVerdict cleared() {
        return moveTo(this == MACHINE ? MACHINE_CLEARED : CLEARED);
    }

    /**
     * An answering machine was heard (the detector's decision): a cleared contact stays cleared, as a machine; a
     * contact already known as a machine stays as it is.
     */
    ContactVerdict machineHeard() {
        if (machine()) {
            return this;
        }
        return moveTo(this == CLEARED ? MACHINE_CLEARED : MACHINE);
    }

    @Override
    public Transitions<ContactVerdict> transitions() {
        return MOVES;
    }
}
