package io.outdial.dialer.cti;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.ProgressiveDialing;
import io.outdial.dialer.call.TransferableCall;
import java.util.Optional;

/**
 * Finds the bridged call of an interaction whatever its dialing mode, for Transfer and Conference, and tells the
 * mode's desk when a transfer handed the call to someone else. Dialer executor only.
 */
final class TransferableCalls {
    private final ProgressiveDialing dialing;

    TransferableCalls(ProgressiveDialing dialing) {
        this.dialing = dialing;
    }

    /** The live call of {@code ix} whose agent talks to the contact, if any. */
    Optional<TransferableCall> of(Interaction ix) {
        return dialing.transferableCallOf(ix.id());
    }

    /**
     * A transfer (or a conference its agent left) handed the call to {@code target} with {@code targetInteraction}
     * (both null: an outside number); with {@code recordFollows} the target's interaction owns the record.
     */
    void transferred(Interaction ix, Agent target, Interaction targetInteraction, boolean recordFollows) {
        dialing.transferred(ix.id(), target, targetInteraction, recordFollows);
    }
}
