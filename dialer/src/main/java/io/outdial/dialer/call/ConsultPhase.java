package io.outdial.dialer.call;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The phases of one consultation (attended transfer) of a bridged call (see {@link Consultation}). */
public enum ConsultPhase {
    /** The contact is on hold (hold music); the consulted party's phone is dialed. */
    DIALING_TARGET,
    /** The consulted party's phone rings. */
    TARGET_RINGING,
    /** Agent and consulted party talk; the contact is still on hold. */
    TALKING,
    /** CompleteTransfer (or the agent hung up while talking): the contact is bridged to the target, the agent gone. */
    TRANSFERRED,
    /** CompleteConference: contact, agent and target are mixed (a {@link Conference} carries on from here). */
    CONFERENCED,
    /** CancelConsult, or the target hung up: the target is released and the agent talks with the contact again. */
    ENDED,
    /** The target never answered (busy, no answer, refused): the agent talks with the contact again. */
    FAILED,
    /** The call ended (or was dropped) during the consultation: the target is hung up. */
    ABORTED;

    private static final Map<ConsultPhase, Set<ConsultPhase>> NEXT = Map.of(
            DIALING_TARGET, EnumSet.of(TARGET_RINGING, TALKING, ENDED, FAILED, ABORTED),
            TARGET_RINGING, EnumSet.of(TALKING, ENDED, FAILED, ABORTED),
            TALKING, EnumSet.of(TRANSFERRED, CONFERENCED, ENDED, ABORTED),
            TRANSFERRED, EnumSet.noneOf(ConsultPhase.class),
            CONFERENCED, EnumSet.noneOf(ConsultPhase.class),
            ENDED, EnumSet.noneOf(ConsultPhase.class),
            FAILED, EnumSet.noneOf(ConsultPhase.class),
            ABORTED, EnumSet.noneOf(ConsultPhase.class));

    public boolean canMoveTo(ConsultPhase next) {
        return NEXT.get(this).contains(next);
    }

    /** Returns {@code next} or throws if the move is not in the table. */
    public ConsultPhase moveTo(ConsultPhase next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("consultation cannot move from " + this + " to " + next);
        }
        return next;
    }

    /** True while the consultation holds the call: dialing the target or talking to it. */
    public boolean inProgress() {
        return this == DIALING_TARGET || this == TARGET_RINGING || this == TALKING;
    }
}
