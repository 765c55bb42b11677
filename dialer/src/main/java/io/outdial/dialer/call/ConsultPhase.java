package io.outdial.dialer.call;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/** The phases of one consultation (attended transfer) of a bridged call (see {@link Consultation}). */
public enum ConsultPhase implements State<ConsultPhase> {
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

    private static final Transitions<ConsultPhase> MOVES = Transitions.of(ConsultPhase.class, "consultation")
            .entry(DIALING_TARGET)
            .from(DIALING_TARGET).to(TARGET_RINGING, TALKING, ENDED, FAILED, ABORTED)
            .from(TARGET_RINGING).to(TALKING, ENDED, FAILED, ABORTED)
            .from(TALKING).to(TRANSFERRED, CONFERENCED, ENDED, ABORTED)
            .terminal(TRANSFERRED, CONFERENCED, ENDED, FAILED, ABORTED)
            .build();

    /** True while the consultation holds the call: dialing the target or talking to it. */
    public boolean inProgress() {
        return this == DIALING_TARGET || this == TARGET_RINGING || this == TALKING;
    }

    @Override
    public Transitions<ConsultPhase> transitions() {
        return MOVES;
    }
}
