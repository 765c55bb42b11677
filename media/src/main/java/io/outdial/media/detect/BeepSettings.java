package io.outdial.media.detect;

import java.time.Duration;

/**
 * What counts as a beep for the {@link BeepDetector}.
 *
 * @param lowestHz        lowest beep frequency (390 Hz: 400 Hz less 2.5 %; machines beep from 400 Hz up, and the
 *                        hard-case corpus of issue 16 draws 400-1600 Hz. A single 425 Hz tone after the answer,
 *                        European ringback or busy played by the far end, reads as a beep too: no person either way)
 * @param highestHz       highest beep frequency (2040 Hz: 2000 Hz plus 2 %; the fax answer tone at 2100 Hz is not one)
 * @param shortest        shortest beep (200 ms)
 * @param longest         longest beep (1500 ms); a longer tone is something else (dial tone, fax, a test tone)
 * @param minimumLevelDbfs quieter frames are not beep (-40 dBFS)
 * @param maximumResidual how far a frame may stray from one pure sine: the energy left after the best
 *                        two-sample sine predictor, relative to the frame energy (0.15: a sine 15 dB above the noise
 *                        passes; speech, several harmonics at once, stays far above)
 */
public record BeepSettings(double lowestHz, double highestHz, Duration shortest, Duration longest,
                           double minimumLevelDbfs, double maximumResidual) {

    public static final BeepSettings DEFAULTS = new BeepSettings(390, 2040, Duration.ofMillis(200),
            Duration.ofMillis(1500), -40, 0.15);

    public BeepSettings {
        if (lowestHz <= 0 || highestHz <= lowestHz || highestHz >= PcmFrame.SAMPLE_RATE / 2.0) {
            throw new IllegalArgumentException("beep frequencies must satisfy 0 < lowestHz < highestHz < 4000");
        }
        if (shortest.isNegative() || longest.compareTo(shortest) < 0) {
            throw new IllegalArgumentException("beep durations must satisfy 0 <= shortest <= longest");
        }
    }
}
