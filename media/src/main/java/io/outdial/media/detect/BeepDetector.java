package io.outdial.media.detect;

import java.time.Duration;
import java.util.Optional;

/**
 * Detects a beep: one steady sine of 400-2000 Hz lasting 200-1500 ms, as an answering machine plays when its
 * greeting ends. Reported when the beep ends, since what follows (recording) is what a voicemail drop waits for.
 *
 * <p>Decision rule: a pure sine obeys x[n] + x[n-2] = 2 cos(w) x[n-1]. Each frame fits the best c in
 * x[n] + x[n-2] = c x[n-1] (least squares, three sums per sample, no bank of filters for an unknown frequency);
 * the frame is beep when it is loud enough, the energy the fit leaves is at most {@code maximumResidual} of the
 * frame's, its four 5 ms quarters are equally loud within 3 dB, and the frequency acos(c/2) lies in the beep range.
 * The quarters matter: two close tones (ringback's 440+480 Hz) fit one sine as well, but beat; voiced speech comes
 * in glottal pulses; a beep's envelope is flat. A beep is a run of such frames whose frequency stays
 * within 2 % (or 8 Hz) of the run's first and whose level stays within 3 dB (the run's first and last frames, which
 * may hold only part of the beep, left out), lasting {@code shortest} to {@code longest}. The steady level is what
 * tells a beep from a drawn-out vowel, whose strong first formant can look like one sine for a while but whose
 * loudness rises and falls.
 */
public final class BeepDetector implements FrameDetector {

    private static final double STEADY_RELATIVE = 0.02;
    private static final double STEADY_HZ = 8;
    private static final int QUARTER = PcmFrame.SAMPLES / 4;
    /** Largest ratio of frame (or quarter-frame) energies inside one beep: 3 dB. */
    private static final double STEADY_ENERGY_RATIO = 2;

    private final BeepSettings settings;
    private final long minimumEnergy;
    private final int shortestFrames;
    private final int longestFrames;

    private int runFrames;
    private double runHz;
    private double frameHz;
    private long frameEnergy;
    /** Energy of the run's latest frame, not yet known to be an inner one. */
    private long lastEnergy;
    private long innerMin;
    private long innerMax;
    private long frames;
    private boolean done;

    public BeepDetector() {
        this(BeepSettings.DEFAULTS);
    }

    public BeepDetector(BeepSettings settings) {
        this.settings = settings;
        this.minimumEnergy = PcmFrame.energyAt(settings.minimumLevelDbfs());
        this.shortestFrames = (int) Math.ceil(settings.shortest().toMillis() / (double) PcmFrame.MILLIS);
        this.longestFrames = (int) (settings.longest().toMillis() / PcmFrame.MILLIS);
    }

    @Override
    public Optional<Detection> onFrame(short[] frame) {
        PcmFrame.checkFrame(frame);
        if (done) {
            return Optional.empty();
        }
        frames++;
        boolean sine = isSine(frame);
        if (sine && (runFrames == 0 || steady(frameHz))) {
            if (runFrames == 0) {
                startRun();
            } else {
                if (runFrames >= 2) {
                    // the previous frame was neither the first nor, now, the last
                    innerMin = Math.min(innerMin, lastEnergy);
                    innerMax = Math.max(innerMax, lastEnergy);
                }
                lastEnergy = frameEnergy;
            }
            runFrames++;
            return Optional.empty();
        }
        Optional<Detection> beep = Optional.empty();
        boolean steadyLevel = innerMax <= STEADY_ENERGY_RATIO * innerMin;
        if (runFrames >= shortestFrames && runFrames <= longestFrames && steadyLevel) {
            done = true;
            // the frames the beep starts and ends in are not flat: count them as one between them
            beep = Optional.of(new Detection.BeepDetected(runHz, Duration.ofMillis((runFrames + 1) * PcmFrame.MILLIS),
                    Detection.afterFrames(frames)));
        }
        // a different sine starts a run of its own
        runFrames = 0;
        if (sine) {
            startRun();
            runFrames = 1;
        }
        return beep;
    }

    private void startRun() {
        runHz = frameHz;
        lastEnergy = frameEnergy;
        innerMin = Long.MAX_VALUE;
        innerMax = 0;
    }

    @Override
    public void reset() {
        runFrames = 0;
        frames = 0;
        done = false;
    }

    private boolean steady(double hz) {
        return Math.abs(hz - runHz) <= Math.max(STEADY_HZ, runHz * STEADY_RELATIVE);
    }

    /** Fits the sine predictor; leaves the frequency in {@link #frameHz}. */
    private boolean isSine(short[] frame) {
        long xx = 0;
        long yx = 0;
        long yy = 0;
        int before = frame[0];
        int previous = frame[1];
        for (int i = 2; i < PcmFrame.SAMPLES; i++) {
            int x = frame[i];
            long y = (long) x + before;
            xx += (long) previous * previous;
            yx += y * previous;
            yy += y * y;
            before = previous;
            previous = x;
        }
        long quietest = Long.MAX_VALUE;
        long loudest = 0;
        long energy = 0;
        for (int q = 0; q < PcmFrame.SAMPLES; q += QUARTER) {
            long e = 0;
            for (int i = q; i < q + QUARTER; i++) {
                int x = frame[i];
                e += x * x;
            }
            quietest = Math.min(quietest, e);
            loudest = Math.max(loudest, e);
            energy += e;
        }
        frameEnergy = energy;
        if (energy < minimumEnergy || xx == 0 || loudest > STEADY_ENERGY_RATIO * quietest) {
            return false;
        }
        double c = yx / (double) xx;
        double residual = yy - c * yx;
        if (residual > settings.maximumResidual() * energy || Math.abs(c) >= 2) {
            return false;
        }
        frameHz = Math.acos(c / 2) * PcmFrame.SAMPLE_RATE / (2 * Math.PI);
        return frameHz >= settings.lowestHz() && frameHz <= settings.highestHz();
    }
}
