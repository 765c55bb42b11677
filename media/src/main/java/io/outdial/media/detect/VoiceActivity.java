package io.outdial.media.detect;

import java.util.Arrays;

/**
 * Tells speech frames from silent ones by level: a frame is speech when it is louder than an absolute minimum and
 * clearly above the noise floor, the quietest frame of the last second (a ring of frame levels, no allocation).
 *
 * <p>Until a second of audio has been seen, the floor counts the missing frames as quiet (-70 dBFS): someone who
 * speaks from the very first frame is heard at once, at the cost of a very noisy line (above the absolute minimum)
 * reading as speech for that first second.
 */
public final class VoiceActivity {

    private static final double ASSUMED_QUIET_DBFS = -70;

    private final VoiceActivitySettings settings;
    private final double[] levels;
    private int next;
    private double lastLevel;

    public VoiceActivity(VoiceActivitySettings settings) {
        this.settings = settings;
        this.levels = new double[(int) (settings.noiseWindow().toMillis() / PcmFrame.MILLIS)];
        reset();
    }

    /** Classifies the next frame, given its energy ({@link PcmFrame#energy}). */
    public boolean isSpeech(long energy) {
        double level = PcmFrame.levelDbfs(energy);
        lastLevel = level;
        levels[next] = level;
        next = next + 1 == levels.length ? 0 : next + 1;
        if (level < settings.minimumSpeechDbfs()) {
            return false;
        }
        double floor = levels[0];
        for (int i = 1; i < levels.length; i++) {
            floor = Math.min(floor, levels[i]);
        }
        return level >= floor + settings.aboveNoiseDb();
    }

    /** The level of the last frame classified, in dBFS. */
    public double lastLevelDbfs() {
        return lastLevel;
    }

    public void reset() {
        Arrays.fill(levels, ASSUMED_QUIET_DBFS);
        next = 0;
    }
}
