package io.outdial.dialer.call;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/** The phases of one conference of a connected call (see {@link Conference}). */
public enum ConferencePhase implements State<ConferencePhase> {
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

    private static final Transitions<ConferencePhase> MOVES = Transitions.of(ConferencePhase.class, "conference")
            .entry(DIALING_TARGET)
            .from(DIALING_TARGET).to(TARGET_RINGING, MIXING, RESTORED, ABORTED)
            .from(TARGET_RINGING).to(MIXING, RESTORED, ABORTED)
            .from(MIXING).to(AGENT_LEFT, TARGET_LEFT, ABORTED)
            .terminal(AGENT_LEFT, TARGET_LEFT, RESTORED, ABORTED)
            .build();

    /** True while the conference holds the call: dialing the target or mixing. */
    public boolean inProgress() {
        return this == DIALING_TARGET || this == TARGET_RINGING || this == MIXING;
    }

    @Override
    public Transitions<ConferencePhase> transitions() {
        return MOVES;
    }
}
