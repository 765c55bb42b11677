package io.outdial.dialer.config;

/** Which calls of a campaign are recorded. */
public enum RecordingMode {
    /** Every call from the moment the contact is bridged to an agent. */
    ALL,
    /** No call, and the agent cannot start one. */
    NONE,
    /** Only when the agent starts a recording (StartRecording). */
    ON_DEMAND
}
