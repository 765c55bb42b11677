package io.outdial.dialer.call;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/**
 * Where one {@link PredictiveDial} stands with its agents, on the dialer executor: no agent yet, an agent looking at
 * its interaction preview, an agent given the call, or handed on to an outside number. One value instead of the flags
 * {@code previewing} and {@code transferredOut}, so that a call previewed and transferred out at once cannot be held,
 * and each change is a move of the table. Which agent is {@link PredictiveDial#agent} (set from the preview on, and
 * replaced by a transfer to another agent, which keeps the stage).
 */
enum PredictiveAgentStage implements State<PredictiveAgentStage> {
    /** No agent: ringing, or answered and waiting within the connect window (also after an agent declined). */
    NO_AGENT,
    /** An agent is reserved and looks at the contact's interaction preview: it accepts, or the contact waits again. */
    PREVIEWING,
    /** An agent was given the call (being connected, or talking); a transfer to another agent keeps it so. */
    AGENT_GIVEN,
    /** Transferred to an outside number: the transferring agent wrote the record; nothing to do at the end. */
    TRANSFERRED_OUT;

    private static final Transitions<PredictiveAgentStage> MOVES = Transitions
            .of(PredictiveAgentStage.class, "predictive call's agent")
            .entry(NO_AGENT)
            .from(NO_AGENT).to(PREVIEWING, AGENT_GIVEN)
            .from(PREVIEWING).to(AGENT_GIVEN, NO_AGENT)
            .from(AGENT_GIVEN).to(TRANSFERRED_OUT)
            .terminal(TRANSFERRED_OUT)
            .build();

    /** An agent holds the call (previewing it, or given it), and may hand it on. */
    boolean agentHolds() {
        return this == PREVIEWING || this == AGENT_GIVEN;
    }

    @Override
    public Transitions<PredictiveAgentStage> transitions() {
        return MOVES;
    }
}
