package io.outdial.dialer.pacing;

/** Which rule produced a pacing decision (for logs, metrics and tests). */
public enum PacingMode {
    /** No available agent: nothing to dial for. */
    IDLE,
    /** Lines per free agent (the campaign's method, or the floor every mode keeps). */
    PROGRESSIVE,
    /** Predictive on the overflow-ratio rule (large groups). */
    PREDICTIVE,
    /** Predictive on the tail-bound rule of small groups. */
    SMALL_GROUP,
    /** Predictive would dial, but the abandonment rate is too near the limit: one line per free agent. */
    BACKED_OFF
}
