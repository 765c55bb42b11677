package io.outdial.sip.trunk;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/** The life of the gateway's registration with its trunk. Calls go out only while it is registered. */
public enum TrunkRegistrationState implements State<TrunkRegistrationState> {
    /** Started, the first REGISTER not answered yet. */
    REGISTERING,
    /** The provider accepted the binding; it is refreshed before it expires. */
    REGISTERED,
    /** Registered, and a refresh is on its way. Calls still go out. */
    REFRESHING,
    /** The last attempt failed (refused, timed out, unanswerable challenge); the next one waits its back-off. */
    FAILED,
    /** Unregistered at shut-down. Terminal. */
    STOPPED;

    private static final Transitions<TrunkRegistrationState> MOVES =
            Transitions.of(TrunkRegistrationState.class, "trunk registration")
                    .entry(REGISTERING)
                    .from(REGISTERING).to(REGISTERING, REGISTERED, FAILED, STOPPED)
                    .from(REGISTERED).to(REFRESHING, STOPPED)
                    .from(REFRESHING).to(REFRESHING, REGISTERED, FAILED, STOPPED)
                    .from(FAILED).to(REGISTERING, STOPPED)
                    .terminal(STOPPED)
                    .build();

    @Override
    public Transitions<TrunkRegistrationState> transitions() {
        return MOVES;
    }

    /** Whether calls may go out through the trunk in this state. */
    public boolean allowsCalls() {
        return this == REGISTERED || this == REFRESHING;
    }
}
