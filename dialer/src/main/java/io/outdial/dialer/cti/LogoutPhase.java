package io.outdial.dialer.cti;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a negotiated logout stands; an agent with no logout pending has none. */
public enum LogoutPhase {
    /** Selected or reserved for a call or a preview record: the countdown to authorization runs. */
    COUNTING_DOWN,
    /** Talking or wrapping up: authorized once the interaction is done (Mark Done). */
    AFTER_MARK_DONE,
    /** Authorized: the desktop is logged out. Final. */
    AUTHORIZED;

    private static final Map<LogoutPhase, Set<LogoutPhase>> NEXT = Map.of(
            COUNTING_DOWN, EnumSet.of(AFTER_MARK_DONE, AUTHORIZED),
            AFTER_MARK_DONE, EnumSet.of(AUTHORIZED),
            AUTHORIZED, EnumSet.noneOf(LogoutPhase.class));

    public boolean canMoveTo(LogoutPhase next) {
        return NEXT.get(this).contains(next);
    }

    /** Returns {@code next} or throws if the move is not in the table. */
    public LogoutPhase moveTo(LogoutPhase next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("negotiated logout cannot move from " + this + " to " + next);
        }
        return next;
    }
}
