package io.outdial.dialer.call;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/** The phases of one blind transfer of a connected call (see {@link Transfer}). */
public enum TransferPhase implements State<TransferPhase> {
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

    private static final Transitions<TransferPhase> MOVES = Transitions.of(TransferPhase.class, "transfer")
            .entry(DIALING_TARGET)
            .from(DIALING_TARGET).to(TARGET_RINGING, COMPLETED, RESTORED, CONTACT_RELEASED, ABORTED)
            .from(TARGET_RINGING).to(COMPLETED, RESTORED, CONTACT_RELEASED, ABORTED)
            .terminal(COMPLETED, RESTORED, CONTACT_RELEASED, ABORTED)
            .build();

    /** True until the transfer completed, was restored or aborted. */
    public boolean inProgress() {
        return this == DIALING_TARGET || this == TARGET_RINGING;
    }

    @Override
    public Transitions<TransferPhase> transitions() {
        return MOVES;
    }
}
