package io.outdial.dialer.wrapup;

/** When Mark Done happens ({@code campaigns[i].markDone}). */
public enum MarkDoneMode {
    /** The agent sends MarkDone. */
    MANUAL,
    /** The gateway marks done for the agent when the call ends. */
    ON_END,
    /** The gateway marks done once a disposition is set and the call has ended. */
    ON_DISPOSITION
}
