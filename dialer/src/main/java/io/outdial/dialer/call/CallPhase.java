package io.outdial.dialer.call;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The phases of one campaign call, from dialing the contact to both legs gone. */
public enum CallPhase {
    /** Contact leg dialed through the trunk, not answered yet. */
    DIALING_CONTACT,
    /** Predictive: the contact answered and waits for the dialer to give it an agent, or to abandon it. */
    WAITING_FOR_AGENT,
    /** The contact answered; the agent's phone is being called. */
    CONNECTING_AGENT,
    /** Both legs answered and bridged. */
    CONNECTED,
    /** A leg ended or failed; waiting for the other leg to end. */
    RELEASING,
    /** Both legs gone; the outcome is known. */
    FINISHED;

    private static final Map<CallPhase, Set<CallPhase>> NEXT = Map.of(
            DIALING_CONTACT, EnumSet.of(WAITING_FOR_AGENT, CONNECTING_AGENT, RELEASING, FINISHED),
            WAITING_FOR_AGENT, EnumSet.of(CONNECTING_AGENT, RELEASING, FINISHED),
            CONNECTING_AGENT, EnumSet.of(CONNECTED, RELEASING, FINISHED),
            CONNECTED, EnumSet.of(RELEASING, FINISHED),
            RELEASING, EnumSet.of(FINISHED),
            FINISHED, EnumSet.noneOf(CallPhase.class));

    public boolean canMoveTo(CallPhase next) {
        return NEXT.get(this).contains(next);
    }

    /** Returns {@code next} or throws if the move is not in the table. */
    public CallPhase moveTo(CallPhase next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("call cannot move from " + this + " to " + next);
        }
        return next;
    }
}
