package io.outdial.dialer.agent;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/** An agent's voice channel, with the moves it may make (docs/cti-protocol.md has the diagram). */
public enum AgentState implements State<AgentState> {
    LOGGED_OUT("LoggedOut"),
    NOT_READY("NotReady"),
    READY("Ready"),
    /** A contact is being dialed for this agent. */
    RESERVED("Reserved"),
    /** On a call with a contact. */
    BUSY("Busy"),
    /** The call ended; the agent wraps up until Mark Done. */
    AFTER_CALL_WORK("AfterCallWork");

    private static final Transitions<AgentState> MOVES = Transitions.of(AgentState.class, "agent")
            .entry(LOGGED_OUT)
            .from(LOGGED_OUT).to(NOT_READY, READY)
            // Not Ready to Reserved: a preview record may be asked for whatever the voice state.
            .from(NOT_READY).to(READY, NOT_READY, RESERVED, LOGGED_OUT)
            .from(READY).to(NOT_READY, RESERVED, LOGGED_OUT)
            .from(RESERVED).to(READY, NOT_READY, BUSY, AFTER_CALL_WORK, LOGGED_OUT)
            .from(BUSY).to(AFTER_CALL_WORK)
            // After-call work to Reserved: the agent dials the preview record in hand again (Recall, ChangeNumber).
            .from(AFTER_CALL_WORK).to(READY, NOT_READY, RESERVED, LOGGED_OUT)
            .build();

    private final String wireName;

    AgentState(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the CTI protocol and metrics. */
    public String wireName() {
        return wireName;
    }

    /** True while a campaign call holds the agent (dialing, talking or wrapping up). */
    public boolean isEngaged() {
        return this == RESERVED || this == BUSY || this == AFTER_CALL_WORK;
    }

    @Override
    public Transitions<AgentState> transitions() {
        return MOVES;
    }
}
