package io.outdial.dialer.call;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/**
 * What one {@link TwoLegCall} tells its outcome of the agent's side: whether contact and agent were bridged, and
 * whether the agent's phone failed (busy, unreachable, not answering; not a cancel of ours). One value instead of the
 * flags {@code agentConnected} and {@code agentFailed}, each change a move of the table. A bridge is never undone; the
 * phone's failure is the latest word heard of it (a failure heard, then a cancel of ours, is no failure). The bridged
 * and failed mix is kept because the flags allowed it (a failure of an agent leg heard after the bridge); the calls do
 * not produce it today.
 */
enum AgentLegFate implements State<AgentLegFate> {
    /** Not bridged, and no failure of the agent's phone heard (yet, or the latest word was a cancel of ours). */
    UNBRIDGED,
    /** Not bridged, and the latest word of the agent's phone was a failure: the agent is set Not Ready. */
    PHONE_FAILED,
    /** Contact and agent were bridged (the call may have moved on since). */
    BRIDGED,
    /** Bridged, and a failure of the agent's phone was heard since (the latest word). */
    BRIDGED_PHONE_FAILED;

    private static final Transitions<AgentLegFate> MOVES = Transitions.of(AgentLegFate.class, "agent leg")
            .entry(UNBRIDGED)
            .from(UNBRIDGED).to(BRIDGED, PHONE_FAILED)
            .from(PHONE_FAILED).to(UNBRIDGED, BRIDGED_PHONE_FAILED)
            .from(BRIDGED).to(BRIDGED_PHONE_FAILED)
            .from(BRIDGED_PHONE_FAILED).to(BRIDGED)
            .build();

    /** Contact and agent were bridged. */
    boolean connected() {
        return this == BRIDGED || this == BRIDGED_PHONE_FAILED;
    }

    /** The latest word of the agent's phone was a failure. */
    boolean phoneFailed() {
        return this == PHONE_FAILED || this == BRIDGED_PHONE_FAILED;
    }

    /** Contact and agent are bridged now (a second bridge changes nothing); a failure heard stays heard. */
    AgentLegFate bridged() {
        if (connected()) {
            return this;
        }
        return moveTo(phoneFailed() ? BRIDGED_PHONE_FAILED : BRIDGED);
    }

    /** The latest word of the agent's phone: {@code failed}, or (false) a cancel of ours; the bridge stays. */
    AgentLegFate phoneFailed(boolean failed) {
        if (failed == phoneFailed()) {
            return this;
        }
        if (connected()) {
            return moveTo(failed ? BRIDGED_PHONE_FAILED : BRIDGED);
        }
        return moveTo(failed ? PHONE_FAILED : UNBRIDGED);
    }

    @Override
    public Transitions<AgentLegFate> transitions() {
        return MOVES;
    }
}
