package io.outdial.dialer.wrapup;

import java.time.Duration;

/**
 * A campaign's callback delivery rules ({@code campaigns[i].callbacks}).
 *
 * @param type        which callbacks agents may schedule
 * @param absentAgent what happens to a due personal callback whose agent is absent
 * @param grace       how long a due personal callback waits for its absent agent before {@code absentAgent} applies
 */
public record CallbackRules(Type type, AbsentAgent absentAgent, Duration grace) {

    /** Which callbacks agents may schedule: either, or only one kind (the other is refused). */
    public enum Type { ANY, PERSONAL, CAMPAIGN }

    /** A due personal callback whose agent is logged out (or not working on the campaign). */
    public enum AbsentAgent {
        /** Keep it for the agent, however long. */
        WAIT,
        /** After the grace period, any agent of the campaign gets it (a Campaign CallBack). */
        CAMPAIGN,
        /** After the grace period, the record becomes Missed CallBack (result noted) and is not dialed. */
        MISSED
    }

    /** Any type, personal callbacks wait for their agent. */
    public static CallbackRules defaults() {
        return new CallbackRules(Type.ANY, AbsentAgent.WAIT, Duration.ofMinutes(15));
    }

    /** Whether a ScheduleCallback is personal: {@code asked} if given, else what the campaign forces (campaign). */
    public boolean personal(Boolean asked) {
        return asked == null ? type == Type.PERSONAL : asked;
    }

    /** Null if an agent may schedule this kind of callback, else why not. */
    public String refusal(boolean personal) {
        if (type == Type.PERSONAL && !personal) {
            return "this campaign only takes personal callbacks: set personal true";
        }
        if (type == Type.CAMPAIGN && personal) {
            return "this campaign only takes campaign callbacks: set personal false";
        }
        return null;
    }
}
