package io.outdial.dialer.call;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/**
 * Whose one {@link EngagedContact} is, on the dialer executor: the engaged agent's it was dialed for, or handed on by
 * a transfer (or a conference its agent left) to another agent or an outside number. One value instead of the flag
 * {@code handedOn}, each change a move of the table. A contact is handed on once: from then on the engaged agent
 * wraps up, and the call's end is the target's ({@link EngagedContact#target}, null for an outside number). Beside the
 * engagement's {@link EngagementStage}, which is the agent's line and not one contact's (contacts dialed ahead may
 * still ring while the bridged one is handed on).
 */
enum EngagedHandover implements State<EngagedHandover> {
    /** The engaged agent's contact: ringing, analysed, or bridged to it (then it may be handed on). */
    ENGAGED_AGENTS,
    /** Handed on while bridged: the engaged agent is gone from it, and its end belongs to the target. */
    HANDED_ON;

    private static final Transitions<EngagedHandover> MOVES = Transitions.of(EngagedHandover.class, "engaged handover")
            .entry(ENGAGED_AGENTS)
            .from(ENGAGED_AGENTS).to(HANDED_ON)
            .terminal(HANDED_ON)
            .build();

    /** Handed on: the engaged agent is gone from the contact. */
    boolean handedOn() {
        return this == HANDED_ON;
    }

    @Override
    public Transitions<EngagedHandover> transitions() {
        return MOVES;
    }
}
