package io.outdial.sip.ua;

import io.outdial.sip.LegEvent.FailureKind;
import io.outdial.sip.LegState;
import javax.sip.TransactionState;

/**
 * When a leg may send CANCEL, and what it does with a 2xx that crosses it (RFC 3261 9.1). Pure decisions, kept apart
 * from {@link InviteClient} so the races the load runs showed are unit-tested one by one.
 */
final class CancelRule {
    private CancelRule() {
    }

    /**
     * True when a CANCEL may go out now: none tried yet for this INVITE (a second one collides with the first's
     * transaction) and the INVITE client transaction is Proceeding, i.e. a provisional response arrived and no final
     * one has (Calling: no provisional yet, RFC 3261 9.1 says wait; Completed or Terminated: the final response is
     * already in the stack and will end the leg, the stack refuses the CANCEL).
     */
    static boolean mayCancel(boolean alreadyTried, TransactionState invite) {
        return !alreadyTried && invite == TransactionState.PROCEEDING;
    }

    /**
     * True when a 2xx that arrives while the leg is ending should be kept as an answer: only when the leg was
     * ending because its own ring timeout fired and nobody has asked it to hang up since. A leg cancelled on request
     * (the call is over, the contact left) ACKs the 2xx and sends BYE instead.
     */
    static boolean keepsCrossingAnswer(LegState state, FailureKind cancelKind, boolean hangupRequested) {
        return state == LegState.ENDING && cancelKind == FailureKind.RING_TIMEOUT && !hangupRequested;
    }
}
