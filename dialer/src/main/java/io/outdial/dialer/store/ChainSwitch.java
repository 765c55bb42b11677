package io.outdial.dialer.store;

import java.util.Optional;

/**
 * The outcome of moving a previewed interaction to another record of its contact's chain
 * ({@link AgentDials#switchToChainRecord}), or of dialing it again ({@link AgentDials#reopen}): the record now Retrieved for the agent, or why it may not be.
 *
 * @param record  the chain record, Retrieved, when the switch was made
 * @param refusal why not, or null when the switch was made
 * @param detail  the refusal in words (names the record and what is wrong), or null
 */
public record ChainSwitch(Optional<CallingRecord> record, Refusal refusal, String detail) {

    /** Why a record may not be dialed for the agent. */
    public enum Refusal {
        /** No such record, or a record of another contact's chain (or of another campaign). */
        NOT_IN_CHAIN,
        /** The record is not Ready (finished, cancelled, being worked by someone) or is of type No Call. */
        NOT_READY,
        /** The record's calling window (daily_from..daily_till in its time zone) is closed now. */
        OUTSIDE_CALLING_WINDOW,
        /** The record's number or customer id is on the internal do-not-call list. */
        ON_DO_NOT_CALL_LIST
    }

    static ChainSwitch made(CallingRecord record) {
        return new ChainSwitch(Optional.of(record), null, null);
    }

    static ChainSwitch refused(Refusal refusal, String detail) {
        return new ChainSwitch(Optional.empty(), refusal, detail);
    }
}
