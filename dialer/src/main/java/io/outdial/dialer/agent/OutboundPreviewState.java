package io.outdial.dialer.agent;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/**
 * An agent's outbound-preview channel, separate from the voice channel ({@link AgentState}): push preview records
 * are pushed only while it is Ready. Starts Not Ready at each login (docs/cti-protocol.md has the diagram).
 */
public enum OutboundPreviewState implements State<OutboundPreviewState> {
    LOGGED_OUT("LoggedOut"),
    NOT_READY("NotReady"),
    READY("Ready");

    private static final Transitions<OutboundPreviewState> MOVES =
            Transitions.of(OutboundPreviewState.class, "outbound-preview channel")
            .entry(LOGGED_OUT)
            .from(LOGGED_OUT).to(NOT_READY)
            .from(NOT_READY).to(READY, NOT_READY, LOGGED_OUT)
            .from(READY).to(NOT_READY, LOGGED_OUT)
            .build();

    private final String wireName;

    OutboundPreviewState(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the CTI protocol. */
    public String wireName() {
        return wireName;
    }

    @Override
    public Transitions<OutboundPreviewState> transitions() {
        return MOVES;
    }
}
