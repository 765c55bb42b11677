package io.outdial.media.detect;

import java.time.Duration;

/**
 * How {@link VoiceActivity} tells speech from silence.
 *
 * @param minimumSpeechDbfs a frame quieter than this is never speech (-47 dBFS: telephone speech runs at about
 *                          -20 to -30 dBFS, line noise usually below -55)
 * @param aboveNoiseDb      a frame must also be this far above the noise floor (9 dB), so that a noisy line does
 *                          not read as someone talking
 * @param noiseWindow       the noise floor is the quietest frame of this last stretch (1 s: longer than the pauses
 *                          between words, shorter than the time a person waits for an answer)
 */
public record VoiceActivitySettings(double minimumSpeechDbfs, double aboveNoiseDb, Duration noiseWindow) {

    public static final VoiceActivitySettings DEFAULTS =
            new VoiceActivitySettings(-47, 9, Duration.ofSeconds(1));

    public VoiceActivitySettings {
        if (aboveNoiseDb < 0) {
            throw new IllegalArgumentException("aboveNoiseDb must not be negative, got " + aboveNoiseDb);
        }
        if (noiseWindow.toMillis() < PcmFrame.MILLIS || noiseWindow.toMillis() > 10_000) {
            throw new IllegalArgumentException("noiseWindow must lie in 20 ms .. 10 s, got " + noiseWindow);
        }
    }
}
