package io.outdial.dialer.cti;

import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiException;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.ProgressiveDialing;
import io.outdial.dialer.call.TransferableCall;
import io.outdial.dialer.preview.PreviewDesk;
import java.util.Optional;

/**
 * Finds the bridged call of an interaction whatever its dialing mode (progressive, predictive, assured connection
 * and ASM through {@link ProgressiveDialing}; preview, push preview and direct push preview through
 * {@link PreviewDesk}) for Transfer and Conference, and tells the mode's desk when a transfer handed the call on.
 * Dialer executor only.
 */
final class TransferableCalls {
    private final ProgressiveDialing dialing;
    private final PreviewDesk preview;

    TransferableCalls(ProgressiveDialing dialing, PreviewDesk preview) {
        this.dialing = dialing;
        this.preview = preview;
    }

    /**
     * The bridged call of {@code ix} for {@code command} (Transfer, Conference, Consult): the interaction must be
     * connected and not on hold, and its call bridged to the agent; NOT_ALLOWED naming the command otherwise.
     */
    TransferableCall connected(Interaction ix, String command) {
        if (ix.stage() != Interaction.Stage.ESTABLISHED) {
            throw new CtiException(CtiErrorCodes.NOT_ALLOWED, command
                    + " is not allowed: the call is " + CtiWire.stageName(ix.stage())
                            + ", it must be connected and not on hold");
        }
        return of(ix).orElseThrow(() -> new CtiException(
                CtiErrorCodes.NOT_ALLOWED, command + " is not allowed: the call is not bridged"
                + " to you (ended, or still being set up)"));
    }

    /** The live call of {@code ix} whose agent talks to the contact, if any. */
    Optional<TransferableCall> of(Interaction ix) {
        Optional<TransferableCall> campaignCall = dialing.transferableCallOf(ix.id());
        return campaignCall.isPresent() ? campaignCall : preview.callOf(ix.id());
    }

    /** The live call of {@code ix} in any phase (Hold, End Call), if it is still up. */
    Optional<TransferableCall> live(Interaction ix) {
        Optional<TransferableCall> campaignCall = dialing.callOf(ix.id()).map(TransferableCall.class::cast);
        return campaignCall.isPresent() ? campaignCall : preview.callOf(ix.id());
    }

    /**
     * A transfer (or a conference its agent left) handed the call to {@code target} with {@code targetInteraction}
     * (both null: an outside number); with {@code recordFollows} the target's interaction owns the record.
     */
    void transferred(Interaction ix, Agent target, Interaction targetInteraction, boolean recordFollows) {
        if (targetInteraction != null && !recordFollows) {
            targetInteraction.ownsRecord(false);
        }
        if (!preview.transferred(ix.id(), target, targetInteraction, recordFollows)) {
            dialing.transferred(ix.id(), target, targetInteraction, recordFollows);
        }
    }
}
