package io.outdial.dialer.config;

/** Preview (pull): whether a previewed record is dialed without the agent pressing Call. */
public enum AutoDial {
    /** The agent presses Call. */
    OFF,
    /** Dialed as soon as the record is previewed. */
    IMMEDIATE,
    /** Dialed when the {@code autoDialAfter} countdown ends, unless the agent Calls, Declines or pauses it first. */
    TIMED
}
