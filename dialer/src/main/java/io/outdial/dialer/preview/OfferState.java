package io.outdial.dialer.preview;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/** Where an interaction preview (Accept / Reject) stands. */
public enum OfferState implements State<OfferState> {
    /** Shown to the agent; waiting for Accept, Reject, the timeout or the auto-answer countdown. */
    OFFERED,
    /** Accepted by the agent or by the auto-answer countdown: the dial goes ahead. */
    ACCEPTED,
    /** The agent rejected it: the record goes back to the top of the list. */
    REJECTED,
    /** Not answered within the accept timeout: the record goes back to the top of the list. */
    TIMED_OUT,
    /** Taken back by the gateway (desktop gone, campaign unloaded): the record goes back to the top of the list. */
    WITHDRAWN;

    private static final Transitions<OfferState> MOVES = Transitions.of(OfferState.class, "interaction preview")
            .entry(OFFERED)
            .from(OFFERED).to(ACCEPTED, REJECTED, TIMED_OUT, WITHDRAWN)
            .terminal(ACCEPTED, REJECTED, TIMED_OUT, WITHDRAWN)
            .build();

    @Override
    public Transitions<OfferState> transitions() {
        return MOVES;
    }
}
