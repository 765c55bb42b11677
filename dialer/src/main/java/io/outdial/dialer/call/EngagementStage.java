package io.outdial.dialer.call;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/**
 * How far one {@link Engagement} got, as the dialer executor saw its milestones (its {@link EngagingCall}'s own
 * {@link EngagingPhase} runs on the call's executor): the agent's phone called, the agent on the line, a contact
 * bridged. One value instead of the flags {@code engaged} and {@code connected}, so that a contact bridged to an agent
 * never engaged cannot be held, and each change is a move of the table. There is no end stage: an engagement that is
 * over leaves the registry ({@link Assignments#removeLine}) in whatever stage it reached.
 */
enum EngagementStage implements State<EngagementStage> {
    /** The agent's phone is being called; the record the engagement was started for waits, nothing is dialed. */
    CALLING_AGENT,
    /**
     * The agent answered and is on the line (music): contacts may be dialed for it, none is bridged. Also the stage of
     * an agent engaged while the campaign stopped, released without a dial.
     */
    ENGAGED,
    /**
     * A contact is bridged to the agent: from here the connected call's end moves the agent to after-call work, and
     * contacts dialed ahead that still ring only end. It stays so until the engagement is over.
     */
    CONNECTED;

    private static final Transitions<EngagementStage> MOVES = Transitions.of(EngagementStage.class, "engagement")
            .entry(CALLING_AGENT)
            .from(CALLING_AGENT).to(ENGAGED)
            .from(ENGAGED).to(CONNECTED)
            .terminal(CONNECTED)
            .build();

    /** The agent answered its phone (engaged, or bridged since). */
    boolean agentOnLine() {
        return this != CALLING_AGENT;
    }

    /** A contact is bridged to the agent. */
    boolean connected() {
        return this == CONNECTED;
    }

    @Override
    public Transitions<EngagementStage> transitions() {
        return MOVES;
    }
}
