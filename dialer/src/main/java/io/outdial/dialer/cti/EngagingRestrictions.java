package io.outdial.dialer.cti;

import io.outdial.bridge.cti.CtiCommand;
import java.util.Map;
import java.util.Optional;

/**
 * What an agent may not do during the engaging phase (assured connection, ASM: on the line, waiting for a contact),
 * as the agent help pages list it: reschedule, set a call result, release, transfer, consult, conference, recall,
 * log off, hold, make a new call, exit. Maps each command to the restricted action it would be.
 */
final class EngagingRestrictions {

    private static final Map<Class<? extends CtiCommand>, String> ACTIONS = Map.ofEntries(
            Map.entry(CtiCommand.ScheduleCallback.class, "Reschedule"),
            Map.entry(CtiCommand.CancelCallback.class, "Reschedule"),
            Map.entry(CtiCommand.SetCallResult.class, "SetCallResult"),
            Map.entry(CtiCommand.SetDisposition.class, "SetCallResult"),
            Map.entry(CtiCommand.ReleaseCall.class, "Release"),
            Map.entry(CtiCommand.Transfer.class, "Transfer"),
            Map.entry(CtiCommand.Consult.class, "Consult"),
            Map.entry(CtiCommand.CompleteTransfer.class, "Consult"),
            Map.entry(CtiCommand.CompleteConference.class, "Consult"),
            Map.entry(CtiCommand.CancelConsult.class, "Consult"),
            Map.entry(CtiCommand.Conference.class, "Conference"),
            Map.entry(CtiCommand.Recall.class, "Recall"),
            // One Logout in the protocol stands for both "log off the voice channel" and "exit".
            Map.entry(CtiCommand.Logout.class, "Logout"),
            Map.entry(CtiCommand.Hold.class, "Hold"),
            Map.entry(CtiCommand.Retrieve.class, "Hold"),
            Map.entry(CtiCommand.GetRecord.class, "MakeCall"),
            Map.entry(CtiCommand.Call.class, "MakeCall"));

    private EngagingRestrictions() {
    }

    /** The restricted action {@code command} would be, or empty if the command is allowed while engaged. */
    static Optional<String> actionOf(CtiCommand command) {
        return Optional.ofNullable(ACTIONS.get(command.getClass()));
    }

    /** The text of the error event: names the action and why it is refused. */
    static String message(String action) {
        return action + " is not available during the engaging phase: the agent is reserved for a call whose"
                + " contact is not connected yet";
    }
}
