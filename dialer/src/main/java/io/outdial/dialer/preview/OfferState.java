package io.outdial.dialer.preview;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where an interaction preview (Accept / Reject) stands. */
public enum OfferState {
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

    private static final Map<OfferState, Set<OfferState>> NEXT = Map.of(
            OFFERED, EnumSet.of(ACCEPTED, REJECTED, TIMED_OUT, WITHDRAWN),
            ACCEPTED, EnumSet.noneOf(OfferState.class),
            REJECTED, EnumSet.noneOf(OfferState.class),
            TIMED_OUT, EnumSet.noneOf(OfferState.class),
            WITHDRAWN, EnumSet.noneOf(OfferState.class));

    public boolean canMoveTo(OfferState next) {
        return NEXT.get(this).contains(next);
    }

    /** Returns {@code next} or throws if the move is not in the table. */
    public OfferState moveTo(OfferState next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("interaction preview cannot move from " + this + " to " + next);
        }
        return next;
    }
}
