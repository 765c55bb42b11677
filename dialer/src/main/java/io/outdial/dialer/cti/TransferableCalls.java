package io.outdial.dialer.cti;

import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiException;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.Assignments;
import io.outdial.dialer.call.TransferableCall;
import java.util.Optional;

/**
 * The calls the desktop's Hold, Transfer, Conference and Consult act on, whatever their dialing mode: one lookup in
 * the registry of live calls ({@link Assignments}), and a completed transfer told to the call's one owner. Dialer
 * executor only.
 */
final class TransferableCalls {
    private final Assignments assignments;

    TransferableCalls(Assignments assignments) {
        this.assignments = assignments;
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
        return assignments.transferableCallOf(ix.id());
    }

    /** The live call of {@code ix} in any phase (Hold, End Call), if it is still up. */
    Optional<TransferableCall> live(Interaction ix) {
        return assignments.callOf(ix.id());
    }

    /**
     * A transfer (or a conference its agent left) handed the call to {@code target} with {@code targetInteraction}
     * (both null: an outside number); with {@code recordFollows} the target's interaction owns the record.
     */
    void transferred(Interaction ix, Agent target, Interaction targetInteraction, boolean recordFollows) {
        assignments.transferred(ix.id(), target, targetInteraction, recordFollows);
    }
}
