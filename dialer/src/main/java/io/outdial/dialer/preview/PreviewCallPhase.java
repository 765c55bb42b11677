package io.outdial.dialer.preview;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The phases of one preview call. The agent chose to call, so the agent's phone is called first and the contact is
 * dialed once the agent answers: the agent hears the contact's phone being answered, as with a phone dialing out.
 */
public enum PreviewCallPhase {
    /** The agent's phone is being called. */
    CALLING_AGENT,
    /** The agent answered; the contact is dialed through the trunk. */
    DIALING_CONTACT,
    /** The contact answered and is bridged to the agent. */
    CONNECTED,
    /** A leg ended or failed; waiting for the other leg to end. */
    RELEASING,
    /** Both legs gone; the outcome is known. */
    FINISHED;

    private static final Map<PreviewCallPhase, Set<PreviewCallPhase>> NEXT = Map.of(
            CALLING_AGENT, EnumSet.of(DIALING_CONTACT, RELEASING, FINISHED),
            DIALING_CONTACT, EnumSet.of(CONNECTED, RELEASING, FINISHED),
            CONNECTED, EnumSet.of(RELEASING, FINISHED),
            RELEASING, EnumSet.of(FINISHED),
            FINISHED, EnumSet.noneOf(PreviewCallPhase.class));

    public boolean canMoveTo(PreviewCallPhase next) {
        return NEXT.get(this).contains(next);
    }

    /** Returns {@code next} or throws if the move is not in the table. */
    public PreviewCallPhase moveTo(PreviewCallPhase next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("preview call cannot move from " + this + " to " + next);
        }
        return next;
    }
}
