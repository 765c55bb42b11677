package io.outdial.media.detect;

import java.time.Duration;
import java.util.Optional;

/**
 * Detects a beep: one steady sine of 440-2000 Hz lasting 200-1500 ms, as an answering machine plays when its
 * greeting ends. Reported when the beep ends, since what follows (recording) is what a voicemail drop waits for.
 *
 * <p>Decision rule: a pure sine obeys x[n] + x[n-2] = 2 cos(w) x[n-1]. Each frame fits the best c in
 * x[n] + x[n-2] = c x[n-1] (least squares, three sums per sample, no bank of filters for an unknown frequency);
 * the frame is beep when it is loud enough, the energy the fit leaves is at most {@code maximumResidual} of the
 * frame's, and the frequency acos(c/2) lies in the beep range. A beep is a run of such frames whose frequency stays
 * within 2 % (or 8 Hz) of the run's first, lasting {@code shortest} to {@code longest}.
 */
public final class BeepDetector implements FrameDetector {

    private static final double STEADY_RELATIVE = 0.02;
    private static final double STEADY_HZ = 8;

    private final BeepSettings settings;
    private final long minimumEnergy;
    private final int shortestFrames;
    private final int longestFrames;

    private int runFrames;
    private double runHz;
    private double frameHz;
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
                runHz = frameHz;
            }
            runFrames++;
            return Optional.empty();
        }
        Optional<Detection> beep = Optional.empty();
        if (runFrames >= shortestFrames && runFrames <= longestFrames) {
            done = true;
            beep = Optional.of(new Detection.BeepDetected(runHz, Duration.ofMillis(runFrames * PcmFrame.MILLIS),
                    Detection.afterFrames(frames)));
        }
        // a different sine starts a run of its own
        runFrames = sine ? 1 : 0;
        runHz = frameHz;
        return beep;
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
        long energy = 0;
        long xx = 0;
        long yx = 0;
        long yy = 0;
        int before = frame[0];
        int previous = frame[1];
        energy += (long) before * before + (long) previous * previous;
        for (int i = 2; i < PcmFrame.SAMPLES; i++) {
            int x = frame[i];
            long y = (long) x + before;
            xx += (long) previous * previous;
            yx += y * previous;
            yy += y * y;
            energy += (long) x * x;
            before = previous;
            previous = x;
        }
        if (energy < minimumEnergy || xx == 0) {
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
