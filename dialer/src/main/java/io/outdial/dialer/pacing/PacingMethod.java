package io.outdial.dialer.pacing;

/** What a campaign's pacing optimizes; the target's unit depends on the method. */
public enum PacingMethod {
    /** Lines per free agent (target = the multiplier; 1.0 never abandons). */
    PROGRESSIVE,
    /** Predictive, aiming at an abandonment rate (target = abandoned / live answered, below the limit). */
    ABANDONMENT_RATE,
    /** Predictive, aiming at a busy factor (target = share of available time in talk or wrap-up). */
    BUSY_FACTOR,
    /** Predictive, aiming at an average agent wait between calls (target = seconds). */
    AGENT_WAIT
}
