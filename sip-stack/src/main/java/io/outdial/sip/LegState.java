package io.outdial.sip;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/** The life of one outbound SIP leg, with the transitions it may take. */
public enum LegState implements State<LegState> {
    /** INVITE sent, nothing heard yet. */
    CALLING,
    /** 100 Trying received. */
    TRYING,
    /** 180 (or 183 without SDP) received. */
    RINGING,
    /** 183 with SDP received: audio from the far end before answer. */
    EARLY_MEDIA,
    /** 2xx received and ACKed: the dialog is confirmed. */
    ANSWERED,
    /** We sent CANCEL or BYE and wait for it to complete. */
    ENDING,
    /** Final non-2xx, ring timeout or transaction failure before answer. Terminal. */
    FAILED,
    /** The confirmed call ended (BYE either way, or a failure after answer). Terminal. */
    ENDED;

    private static final Transitions<LegState> MOVES = Transitions.of(LegState.class, "leg")
            .entry(CALLING)
            .from(CALLING).to(TRYING, RINGING, EARLY_MEDIA, ANSWERED, ENDING, FAILED)
            .from(TRYING).to(RINGING, EARLY_MEDIA, ANSWERED, ENDING, FAILED)
            .from(RINGING).to(RINGING, EARLY_MEDIA, ANSWERED, ENDING, FAILED)
            .from(EARLY_MEDIA).to(RINGING, EARLY_MEDIA, ANSWERED, ENDING, FAILED)
            .from(ANSWERED).to(ENDING, ENDED)
            .from(ENDING).to(ANSWERED, FAILED, ENDED)
            .terminal(FAILED, ENDED)
            .build();

    @Override
    public Transitions<LegState> transitions() {
        return MOVES;
    }
}
