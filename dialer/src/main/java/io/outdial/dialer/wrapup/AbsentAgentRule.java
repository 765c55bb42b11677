package io.outdial.dialer.wrapup;

import java.time.Instant;

/**
 * What becomes of a due personal callback whose agent may be absent ({@code campaigns[i].callbacks.absentAgent}).
 * Pure: the sweep passes the clock's now and whether the agent is present.
 */
public final class AbsentAgentRule {

    /** The sweep's verdict on one callback. */
    public enum Verdict {
        /** Left for its agent: present, rule {@code wait}, or the grace period not over. */
        KEEP,
        /** Typed Campaign CallBack: any agent of the campaign gets it. */
        HAND_TO_CAMPAIGN,
        /** Missed CallBack: never dialed. */
        MISS
    }

    private AbsentAgentRule() {
    }

    /**
     * @param due           the callback's time
     * @param agentPresent  its agent is logged in and works on the campaign
     */
    public static Verdict decide(CallbackRules rules, Instant due, Instant now, boolean agentPresent) {
        if (agentPresent || rules.absentAgent() == CallbackRules.AbsentAgent.WAIT
                || now.isBefore(due.plus(rules.grace()))) {
            return Verdict.KEEP;
        }
        return rules.absentAgent() == CallbackRules.AbsentAgent.CAMPAIGN ? Verdict.HAND_TO_CAMPAIGN : Verdict.MISS;
    }
}
