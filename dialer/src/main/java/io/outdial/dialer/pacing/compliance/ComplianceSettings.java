package io.outdial.dialer.pacing.compliance;

import java.time.Duration;

/**
 * The abandonment rules of a campaign: the limit on abandoned / live answered, the rolling window, the assumed AMD
 * false-positive rate and whether those count as abandoned (UK practice), and the no-redial quiet period.
 */
public record ComplianceSettings(double abandonLimit, int windowDays, double amdFalsePositiveRate,
        boolean countAmdFalsePositives, Duration noRedialAfterAbandon) {

    /** 3 % over 30 days and per day, 5 % assumed AMD false positives reported but not counted, 72 h quiet. */
    public static ComplianceSettings defaults() {
        return new ComplianceSettings(0.03, 30, 0.05, false, Duration.ofHours(72));
    }

    public ComplianceSettings {
        if (abandonLimit <= 0 || abandonLimit >= 1) {
            throw new IllegalArgumentException("abandonLimit must be in (0,1): " + abandonLimit);
        }
        if (windowDays < 1) {
            throw new IllegalArgumentException("windowDays must be >= 1: " + windowDays);
        }
        if (amdFalsePositiveRate < 0 || amdFalsePositiveRate >= 1) {
            throw new IllegalArgumentException("amdFalsePositiveRate must be in [0,1): " + amdFalsePositiveRate);
        }
        if (noRedialAfterAbandon.isNegative()) {
            throw new IllegalArgumentException("noRedialAfterAbandon must not be negative");
        }
    }
}
