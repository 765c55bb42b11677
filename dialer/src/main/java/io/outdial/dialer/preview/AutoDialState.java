package io.outdial.dialer.preview;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a preview record's timed auto-dial countdown stands. */
public enum AutoDialState {
    /** Counting down to the dial. */
    COUNTING,
    /** The agent is entering another number (PauseAutoDial): no dial until ChangeNumber restarts the countdown. */
    PAUSED,
    /** The countdown ended: the record is being dialed. */
    FIRED,
    /** The agent Called or Declined first, or the record was taken back. */
    CANCELLED;

    private static final Map<AutoDialState, Set<AutoDialState>> NEXT = Map.of(
            COUNTING, EnumSet.of(COUNTING, PAUSED, FIRED, CANCELLED),
            PAUSED, EnumSet.of(COUNTING, CANCELLED),
            FIRED, EnumSet.noneOf(AutoDialState.class),
            CANCELLED, EnumSet.noneOf(AutoDialState.class));

    public boolean canMoveTo(AutoDialState next) {
        return NEXT.get(this).contains(next);
    }

    /** Returns {@code next} or throws if the move is not in the table. */
    public AutoDialState moveTo(AutoDialState next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("auto-dial countdown cannot move from " + this + " to " + next);
        }
        return next;
    }
}
