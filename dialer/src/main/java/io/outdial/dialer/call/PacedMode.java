package io.outdial.dialer.call;

/**
 * Which paced mode placed a call, as {@link CallCounts} counts them. Not how a campaign's mode is chosen: that is
 * {@link ModePolicies}, keyed by {@link io.outdial.dialer.config.DialingMode}. The preview desks' calls are counted
 * apart ({@link CallCounts#previews}).
 */
public enum PacedMode {
    /** Progressive's contact calls. */
    PROGRESSIVE,
    /** Predictive's dials. */
    PREDICTIVE,
    /** Engaged agents' calls (assured connection and ASM). */
    ENGAGED
}
