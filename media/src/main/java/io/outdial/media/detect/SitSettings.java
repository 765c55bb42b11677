package io.outdial.media.detect;

/**
 * Tolerances of the {@link SitDetector}.
 *
 * @param frequencyTolerance   relative tolerance around each nominal frequency (0.002: the table's +-0.2 %)
 * @param frequencyMarginHz    added to it for measurement error (1 Hz: the measurement is good to about 0.2 Hz on a
 *                             clean tone, 0.5 Hz at 15 dB signal-to-noise)
 * @param durationTolerance    relative tolerance around 274 and 380 ms (0.05: the table's +-5 %)
 * @param durationMarginMillis added to it for measurement error (4 ms; edges are located to about 1 ms)
 * @param minimumLevelDbfs     quieter frames are not tones (-45 dBFS; networks send SIT at about -24 dBm0)
 * @param minimumToneRatio     share of a frame's energy one bin must hold for the frame to count as tone (0.4, where
 *                             a sine on a bin reads 1 and one halfway between two bins of a group about 0.6)
 */
public record SitSettings(double frequencyTolerance, double frequencyMarginHz, double durationTolerance,
                          double durationMarginMillis, double minimumLevelDbfs, double minimumToneRatio) {

    /** The table's tolerances (ARCHITECTURE.md section 5) with small measurement margins. */
    public static final SitSettings DEFAULTS = new SitSettings(0.002, 1.0, 0.05, 4.0, -45, 0.4);

    public SitSettings {
        if (frequencyTolerance < 0 || frequencyMarginHz < 0 || durationTolerance < 0 || durationMarginMillis < 0) {
            throw new IllegalArgumentException("SIT tolerances must not be negative");
        }
        if (minimumToneRatio <= 0 || minimumToneRatio > 1) {
            throw new IllegalArgumentException("minimumToneRatio must lie in (0, 1], got " + minimumToneRatio);
        }
    }

    boolean frequencyMatches(double measuredHz, double nominalHz) {
        return Math.abs(measuredHz - nominalHz) <= nominalHz * frequencyTolerance + frequencyMarginHz;
    }

    boolean durationMatches(double measuredMillis, double nominalMillis) {
        return Math.abs(measuredMillis - nominalMillis) <= nominalMillis * durationTolerance + durationMarginMillis;
    }
}
