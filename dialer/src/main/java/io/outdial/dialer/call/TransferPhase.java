package io.outdial.dialer.call;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The phases of one blind transfer of a connected call (see {@link Transfer}). */
public enum TransferPhase {
    /** The contact is on hold (hearing the hold music); the target's phone is dialed. */
    DIALING_TARGET,
    /** The target's phone rings. */
    TARGET_RINGING,
    /** The target answered: it is bridged to the contact and the transferring agent's leg is released. */
    COMPLETED,
    /** The target failed (busy, no answer, refused): the contact is bridged back to the transferring agent. */
    RESTORED,
    /**
     * The transferring agent had hung up and the target failed: nobody is left for the contact, who is released
     * with the failure's call result.
     */
    CONTACT_RELEASED,
    /** The call ended (or was dropped) before the target answered: the target's leg is hung up. */
    ABORTED;

    private static final Map<TransferPhase, Set<TransferPhase>> NEXT = Map.of(
            DIALING_TARGET, EnumSet.of(TARGET_RINGING, COMPLETED, RESTORED, CONTACT_RELEASED, ABORTED),
            TARGET_RINGING, EnumSet.of(COMPLETED, RESTORED, CONTACT_RELEASED, ABORTED),
            COMPLETED, EnumSet.noneOf(TransferPhase.class),
            RESTORED, EnumSet.noneOf(TransferPhase.class),
            CONTACT_RELEASED, EnumSet.noneOf(TransferPhase.class),
            ABORTED, EnumSet.noneOf(TransferPhase.class));

    public boolean canMoveTo(TransferPhase next) {
        return NEXT.get(this).contains(next);
    }

    /** Returns {@code next} or throws if the move is not in the table. */
    public TransferPhase moveTo(TransferPhase next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("transfer cannot move from " + this + " to " + next);
        }
        return next;
    }

    /** True until the transfer completed, was restored or aborted. */
    public boolean inProgress() {
        return this == DIALING_TARGET || this == TARGET_RINGING;
    }
}
