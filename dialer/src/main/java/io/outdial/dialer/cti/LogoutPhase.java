package io.outdial.dialer.cti;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/** Where a negotiated logout stands; an agent with no logout pending has none. */
public enum LogoutPhase implements State<LogoutPhase> {
    /** Selected or reserved for a call or a preview record: the countdown to authorization runs. */
    COUNTING_DOWN,
    /** Talking or wrapping up: authorized once the interaction is done (Mark Done). */
    AFTER_MARK_DONE,
    /** Authorized: the desktop is logged out. Final. */
    AUTHORIZED;

    private static final Transitions<LogoutPhase> MOVES = Transitions.of(LogoutPhase.class, "negotiated logout")
            .entry(COUNTING_DOWN)
            .from(COUNTING_DOWN).to(AFTER_MARK_DONE, AUTHORIZED)
            .from(AFTER_MARK_DONE).to(AUTHORIZED)
            .terminal(AUTHORIZED)
            .build();

    @Override
    public Transitions<LogoutPhase> transitions() {
        return MOVES;
    }
}
