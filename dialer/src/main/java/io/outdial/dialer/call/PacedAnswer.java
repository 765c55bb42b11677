package io.outdial.dialer.call;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/**
 * What the pacing engine was told of one paced contact's answer (a {@link PredictiveDial}, or an {@link EngagedContact}
 * of an engaged agent): nothing yet, a live answer, or an answering machine. One value instead of the flags
 * {@code answered} and {@code machine}, which were never both true: a contact is counted once, as one or the other,
 * and each change is a move of the table. A machine the campaign connects anyway stays {@link #MACHINE} (it is never a
 * live answer); a live answer a machine verdict follows stays {@link #LIVE}.
 */
enum PacedAnswer implements State<PacedAnswer> {
    /** Not counted: not answered yet, or answered while the analysis has not decided. */
    UNCOUNTED,
    /** Counted as a live answer: at the pick-up, at the verdict that lets the call through, or when bridged. */
    LIVE,
    /** The analysis said machine before any live answer was counted: out of pacing, never a live answer. */
    MACHINE;

    private static final Transitions<PacedAnswer> MOVES = Transitions.of(PacedAnswer.class, "paced answer")
            .entry(UNCOUNTED)
            .from(UNCOUNTED).to(LIVE, MACHINE)
            .terminal(LIVE, MACHINE)
            .build();

    /** Nothing was counted yet: a live answer or a machine may still be. */
    boolean uncounted() {
        return this == UNCOUNTED;
    }

    /** Counted as a live answer. */
    boolean live() {
        return this == LIVE;
    }

    /** Counted as an answering machine. */
    boolean machine() {
        return this == MACHINE;
    }

    @Override
    public Transitions<PacedAnswer> transitions() {
        return MOVES;
    }
}
