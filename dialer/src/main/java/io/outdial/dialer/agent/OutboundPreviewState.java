package io.outdial.dialer.agent;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An agent's outbound-preview channel, separate from the voice channel ({@link AgentState}): push preview records
 * are pushed only while it is Ready. Starts Not Ready at each login (docs/cti-protocol.md has the diagram).
 */
public enum OutboundPreviewState {
    LOGGED_OUT("LoggedOut"),
    NOT_READY("NotReady"),
    READY("Ready");

    private static final Map<OutboundPreviewState, Set<OutboundPreviewState>> NEXT = Map.of(
            LOGGED_OUT, EnumSet.of(NOT_READY),
            NOT_READY, EnumSet.of(READY, NOT_READY, LOGGED_OUT),
            READY, EnumSet.of(NOT_READY, LOGGED_OUT));

    private final String wireName;

    OutboundPreviewState(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the CTI protocol. */
    public String wireName() {
        return wireName;
    }

    public boolean canMoveTo(OutboundPreviewState next) {
        return NEXT.get(this).contains(next);
    }

    /** Returns {@code next} or throws if the move is not in the table. */
    public OutboundPreviewState moveTo(OutboundPreviewState next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("outbound-preview channel cannot move from " + this + " to " + next);
        }
        return next;
    }
}
