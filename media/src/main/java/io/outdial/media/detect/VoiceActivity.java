package io.outdial.media.detect;

import java.util.Arrays;

/**
 * Tells speech frames from silent ones by level: a frame is speech when it is louder than an absolute minimum and
 * clearly above the noise floor, the quietest frame of the last second (a ring of frame levels, no allocation).
 *
 * <p>The floor needs a few frames to exist: for the first {@value #WARM_UP_FRAMES} frames only the absolute minimum
 * applies, so that someone who speaks from the very first frame is heard. That is shorter than any word, so a noisy
 * line cannot pass for a word meanwhile; afterwards the floor is the quietest frame seen so far, then of the last
 * second.
 */
public final class VoiceActivity {

    static final int WARM_UP_FRAMES = 4;

    private final VoiceActivitySettings settings;
    private final double[] levels;
    private int next;
    private int seen;
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
        seen++;
        if (level < settings.minimumSpeechDbfs()) {
            return false;
        }
        if (seen <= WARM_UP_FRAMES) {
            return true;
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
        // unseen frames must never be the minimum
        Arrays.fill(levels, Double.MAX_VALUE);
        next = 0;
        seen = 0;
    }
}
