package io.outdial.dialer.call;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The phases of one conference of a connected call (see {@link Conference}). */
public enum ConferencePhase {
    /** The contact is on hold (hold music); the target's phone is dialed. */
    DIALING_TARGET,
    /** The target's phone rings. */
    TARGET_RINGING,
    /** Contact, agent and target hear each other through the mixer. */
    MIXING,
    /** The agent left (LeaveConference, End, or hung up): contact and target talk on, two-party. */
    AGENT_LEFT,
    /** The target left the conference: contact and agent talk on, two-party. */
    TARGET_LEFT,
    /** The target did not answer (busy, no answer, refused): the contact is back with the agent. */
    RESTORED,
    /** The call ended (or was dropped) before or during the conference. */
    ABORTED;

    private static final Map<ConferencePhase, Set<ConferencePhase>> NEXT = Map.of(
            DIALING_TARGET, EnumSet.of(TARGET_RINGING, MIXING, RESTORED, ABORTED),
            TARGET_RINGING, EnumSet.of(MIXING, RESTORED, ABORTED),
            MIXING, EnumSet.of(AGENT_LEFT, TARGET_LEFT, ABORTED),
            AGENT_LEFT, EnumSet.noneOf(ConferencePhase.class),
            TARGET_LEFT, EnumSet.noneOf(ConferencePhase.class),
            RESTORED, EnumSet.noneOf(ConferencePhase.class),
            ABORTED, EnumSet.noneOf(ConferencePhase.class));

    public boolean canMoveTo(ConferencePhase next) {
        return NEXT.get(this).contains(next);
    }

    /** Returns {@code next} or throws if the move is not in the table. */
    public ConferencePhase moveTo(ConferencePhase next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("conference cannot move from " + this + " to " + next);
        }
        return next;
    }

    /** True while the conference holds the call: dialing the target or mixing. */
    public boolean inProgress() {
        return this == DIALING_TARGET || this == TARGET_RINGING || this == MIXING;
    }
}
