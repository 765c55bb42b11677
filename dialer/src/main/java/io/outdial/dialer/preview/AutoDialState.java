package io.outdial.dialer.preview;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/** Where a preview record's timed auto-dial countdown stands. */
public enum AutoDialState implements State<AutoDialState> {
    /** Counting down to the dial. */
    COUNTING,
    /** The agent is entering another number (PauseAutoDial): no dial until ChangeNumber restarts the countdown. */
    PAUSED,
    /** The countdown ended: the record is being dialed. */
    FIRED,
    /** The agent Called or Declined first, or the record was taken back. */
    CANCELLED;

    private static final Transitions<AutoDialState> MOVES = Transitions.of(AutoDialState.class, "auto-dial countdown")
            .entry(COUNTING)
            .from(COUNTING).to(COUNTING, PAUSED, FIRED, CANCELLED)
            .from(PAUSED).to(COUNTING, CANCELLED)
            .terminal(FIRED, CANCELLED)
            .build();

    @Override
    public Transitions<AutoDialState> transitions() {
        return MOVES;
    }
}
