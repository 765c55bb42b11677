package io.outdial.dialer.agent;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** An agent's voice channel, with the moves it may make (docs/cti-protocol.md has the diagram). */
public enum AgentState {
    LOGGED_OUT("LoggedOut"),
    NOT_READY("NotReady"),
    READY("Ready"),
    /** A contact is being dialed for this agent. */
    RESERVED("Reserved"),
    /** On a call with a contact. */
    BUSY("Busy"),
    /** The call ended; the agent wraps up until Mark Done. */
    AFTER_CALL_WORK("AfterCallWork");

    private static final Map<AgentState, Set<AgentState>> NEXT = Map.of(
            LOGGED_OUT, EnumSet.of(NOT_READY, READY),
            // Not Ready to Reserved: a preview record may be asked for whatever the voice state.
            NOT_READY, EnumSet.of(READY, NOT_READY, RESERVED, LOGGED_OUT),
            READY, EnumSet.of(NOT_READY, RESERVED, LOGGED_OUT),
            RESERVED, EnumSet.of(READY, NOT_READY, BUSY, AFTER_CALL_WORK, LOGGED_OUT),
            BUSY, EnumSet.of(AFTER_CALL_WORK),
            // After-call work to Reserved: the agent dials the preview record in hand again (Recall, ChangeNumber).
            AFTER_CALL_WORK, EnumSet.of(READY, NOT_READY, RESERVED, LOGGED_OUT));

    private final String wireName;

    AgentState(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the CTI protocol and metrics. */
    public String wireName() {
        return wireName;
    }

    public boolean canMoveTo(AgentState next) {
        return NEXT.get(this).contains(next);
    }

    /** Returns {@code next} or throws if the move is not in the table. */
    public AgentState moveTo(AgentState next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("agent cannot move from " + this + " to " + next);
        }
        return next;
    }

    /** True while a campaign call holds the agent (dialing, talking or wrapping up). */
    public boolean isEngaged() {
        return this == RESERVED || this == BUSY || this == AFTER_CALL_WORK;
    }
}
