package io.outdial.sip;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The life of one outbound SIP leg, with the transitions it may take. */
public enum LegState {
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

    private static final Map<LegState, Set<LegState>> NEXT = Map.of(
            CALLING, EnumSet.of(TRYING, RINGING, EARLY_MEDIA, ANSWERED, ENDING, FAILED),
            TRYING, EnumSet.of(RINGING, EARLY_MEDIA, ANSWERED, ENDING, FAILED),
            RINGING, EnumSet.of(RINGING, EARLY_MEDIA, ANSWERED, ENDING, FAILED),
            EARLY_MEDIA, EnumSet.of(RINGING, EARLY_MEDIA, ANSWERED, ENDING, FAILED),
            ANSWERED, EnumSet.of(ENDING, ENDED),
            ENDING, EnumSet.of(ANSWERED, FAILED, ENDED),
            FAILED, EnumSet.noneOf(LegState.class),
            ENDED, EnumSet.noneOf(LegState.class));

    public boolean canMoveTo(LegState next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isTerminal() {
        return this == FAILED || this == ENDED;
    }

    /** Returns {@code next} or throws if the move is not in the table. */
    public LegState moveTo(LegState next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("leg cannot move from " + this + " to " + next);
        }
        return next;
    }
}
