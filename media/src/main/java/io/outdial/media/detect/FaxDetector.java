package io.outdial.media.detect;

import java.time.Duration;
import java.util.Optional;

/**
 * Detects a fax or modem answer tone: CED (2100 Hz) or ANSam (2100 Hz amplitude-modulated at 15 Hz).
 *
 * <p>Decision rule: a frame is answer tone when it is louder than -45 dBFS and a Goertzel bin at 2100 Hz holds at
 * least 60 % of its energy (a sine reads 100 % on the bin; 60 % is reached within about 20 Hz of it, wider than the
 * +-15 Hz V.25 allows, narrower than anything a 2000 Hz beep could reach). The tone is declared after
 * {@code minimumTone} of such frames in a row (default 500 ms, against the 2.6-4 s an answering fax sends: long
 * enough that no beep or whistle of speech gets there). One frame may miss in a row: the phase reversals of /ANS and
 * /ANSam cancel part of the frame they fall in. ANSam is told from CED by how much the frame amplitude varies: its
 * 15 Hz modulation (20 % deep) makes the amplitude of 20 ms frames vary by about 12 %, a steady CED by under 2 %.
 */
public final class FaxDetector implements FrameDetector {

    /** The default time the tone must last. */
    public static final Duration DEFAULT_MINIMUM_TONE = Duration.ofMillis(500);

    private static final double FREQUENCY = 2100;
    private static final double MINIMUM_TONE_RATIO = 0.6;
    private static final double MINIMUM_LEVEL_DBFS = -45;
    private static final double ANSAM_VARIATION = 0.05;

    private final Goertzel bin = new Goertzel(FREQUENCY);
    private final long minimumEnergy = PcmFrame.energyAt(MINIMUM_LEVEL_DBFS);
    private final int minimumFrames;

    private int toneFrames;
    private int misses;
    private double amplitudeSum;
    private double amplitudeSquareSum;
    private int amplitudeCount;
    private long frames;
    private boolean done;

    public FaxDetector() {
        this(DEFAULT_MINIMUM_TONE);
    }

    public FaxDetector(Duration minimumTone) {
        if (minimumTone.toMillis() < 100) {
            throw new IllegalArgumentException("minimumTone must be at least 100 ms, got " + minimumTone);
        }
        this.minimumFrames = (int) (minimumTone.toMillis() / PcmFrame.MILLIS);
    }

    @Override
    public Optional<Detection> onFrame(short[] frame) {
        PcmFrame.checkFrame(frame);
        if (done) {
            return Optional.empty();
        }
        frames++;
        long energy = PcmFrame.energy(frame);
        bin.run(frame);
        boolean tone = energy >= minimumEnergy && bin.toneRatio(energy) >= MINIMUM_TONE_RATIO;
        if (!tone) {
            if (toneFrames > 0 && ++misses <= 1) {
                toneFrames++; // a phase reversal: the tone goes on through it
                return Optional.empty();
            }
            restart();
            return Optional.empty();
        }
        misses = 0;
        toneFrames++;
        if (toneFrames > 1) {
            // the first frame may hold only part of the tone: leave it out of the amplitude statistics
            double amplitude = Math.sqrt(bin.power);
            amplitudeSum += amplitude;
            amplitudeSquareSum += amplitude * amplitude;
            amplitudeCount++;
        }
        if (toneFrames < minimumFrames) {
            return Optional.empty();
        }
        done = true;
        return Optional.of(new Detection.FaxDetected(toneKind(), Detection.afterFrames(frames)));
    }

    @Override
    public void reset() {
        restart();
        frames = 0;
        done = false;
    }

    private FaxTone toneKind() {
        double mean = amplitudeSum / amplitudeCount;
        double variance = Math.max(0, amplitudeSquareSum / amplitudeCount - mean * mean);
        return Math.sqrt(variance) / mean >= ANSAM_VARIATION ? FaxTone.ANSAM : FaxTone.CED;
    }

    private void restart() {
        toneFrames = 0;
        misses = 0;
        amplitudeSum = 0;
        amplitudeSquareSum = 0;
        amplitudeCount = 0;
    }
}
