package io.outdial.dialer.call;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The phases of an engaging call (assured connection, ASM): the agent's phone is called first, then contacts are
 * dialed while the agent waits on the line, until one is bridged or the engagement is released.
 */
public enum EngagingPhase {
    /** The agent's phone is being called. */
    CALLING_AGENT,
    /** The agent answered and hears the call-waiting music; no contact is being dialed. */
    ENGAGED,
    /** The agent waits (music) while one or more contacts are dialed. */
    DIALING_CONTACT,
    /** A contact answered and is bridged to the agent: from here it is an ordinary campaign call. */
    CONNECTED,
    /** The engagement is ending (list exhausted, campaign stopped, agent hung up, dropped). */
    RELEASING,
    /** The agent's leg and every contact leg are gone. */
    FINISHED;

    private static final Map<EngagingPhase, Set<EngagingPhase>> NEXT = Map.of(
            CALLING_AGENT, EnumSet.of(ENGAGED, RELEASING, FINISHED),
            ENGAGED, EnumSet.of(DIALING_CONTACT, RELEASING, FINISHED),
            // A contact that did not answer sends the agent back to waiting, for the next record.
            DIALING_CONTACT, EnumSet.of(ENGAGED, CONNECTED, RELEASING, FINISHED),
            // The bridged call ended while other contacts dialed ahead still ring: they end before the engagement.
            CONNECTED, EnumSet.of(RELEASING, FINISHED),
            RELEASING, EnumSet.of(FINISHED),
            FINISHED, EnumSet.noneOf(EngagingPhase.class));

    public boolean canMoveTo(EngagingPhase next) {
        return NEXT.get(this).contains(next);
    }

    /** Returns {@code next} or throws if the move is not in the table. */
    public EngagingPhase moveTo(EngagingPhase next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("engaging call cannot move from " + this + " to " + next);
        }
        return next;
    }

    /** True while the agent is on the line waiting for a contact (the restrictions of the engaging phase apply). */
    public boolean engaging() {
        return this == ENGAGED || this == DIALING_CONTACT;
    }
}
