package io.outdial.dialer.call;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/**
 * The phases of an engaging call (assured connection, ASM): the agent's phone is called first, then contacts are
 * dialed while the agent waits on the line, until one is bridged or the engagement is released.
 */
public enum EngagingPhase implements State<EngagingPhase> {
    /** The agent's phone is being called. */
    CALLING_AGENT,
    /** The agent answered and hears the call-waiting music; no contact is being dialed. */
    ENGAGED,
    /** The agent waits (music) while one or more contacts are dialed; none has taken the agent. */
    DIALING_CONTACT,
    /**
     * A contact answered and took the agent, which hears the music until the analysis clears that contact (then it
     * is bridged) or lets it go (then the agent is free again); other contacts may still ring.
     */
    CONTACT_ANSWERED,
    /** A contact answered and is bridged to the agent: from here it is an ordinary campaign call. */
    CONNECTED,
    /** The engagement is ending (list exhausted, campaign stopped, agent hung up, dropped). */
    RELEASING,
    /** The agent's leg and every contact leg are gone. */
    FINISHED;

    private static final Transitions<EngagingPhase> MOVES = Transitions.of(EngagingPhase.class, "engaging call")
            .entry(CALLING_AGENT)
            .from(CALLING_AGENT).to(ENGAGED, RELEASING, FINISHED)
            .from(ENGAGED).to(DIALING_CONTACT, RELEASING, FINISHED)
            // A contact that did not answer sends the agent back to waiting, for the next record.
            .from(DIALING_CONTACT).to(ENGAGED, CONTACT_ANSWERED, RELEASING, FINISHED)
            // A contact the analysis let go frees the agent for the contacts still ringing, or the next record.
            .from(CONTACT_ANSWERED).to(DIALING_CONTACT, CONNECTED, RELEASING, FINISHED)
            // The bridged call ended while other contacts dialed ahead still ring: they end before the engagement.
            .from(CONNECTED).to(RELEASING, FINISHED)
            .from(RELEASING).to(FINISHED)
            .terminal(FINISHED)
            .build();

    /**
     * True while the agent is on the line waiting for a contact (the restrictions of the engaging phase apply; more
     * contacts may be dialed for it, also while one that answered waits for its analysis).
     */
    public boolean engaging() {
        return this == ENGAGED || this == DIALING_CONTACT || this == CONTACT_ANSWERED;
    }

    @Override
    public Transitions<EngagingPhase> transitions() {
        return MOVES;
    }
}
