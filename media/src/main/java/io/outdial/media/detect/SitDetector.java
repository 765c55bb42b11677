package io.outdial.media.detect;

import java.util.Optional;

/**
 * Detects and classifies special information tones: three tone segments back to back, rising in frequency, then an
 * announcement.
 *
 * <p>Decision rules. Each frame runs nine Goertzel bins, three per frequency group: 913.8/950/985.2 Hz,
 * 1370.6/1400/1428.5 Hz and 1776.7/1812/1847 Hz. The bins of a group lie at most 36 Hz apart, so any tone of the
 * ITU-T E.180 ranges (950, 1400, 1800 Hz +-50 Hz) is within 18 Hz of one of them. A frame is tone of a group when
 * it is louder than {@code minimumLevelDbfs} and one bin of the group holds at least {@code minimumToneRatio} of its
 * energy; ringback (440+480 Hz, 425 Hz), speech and silence do not. A run of such frames is one segment, measured
 * when it ends:
 * <ul>
 *   <li>frequency: the strongest bin plus the offset given by how fast the bin's phase turns from frame to frame
 *       (the phase of a steady tone advances by 2 pi f 20 ms per frame), good to a fraction of a hertz;</li>
 *   <li>duration: whole frames, plus the share of each edge frame the tone fills, read from the bin's amplitude
 *       there against its amplitude inside the segment, good to about a millisecond.</li>
 * </ul>
 * A SIT is three segments in the order low, middle, high group with at most {@value #MAX_GAP_FRAMES} frames between
 * them, each lasting 260-400 ms and within the E.180 frequency range (both widened by the duration margin). It is
 * then classified by the table of ARCHITECTURE.md: segment 1 and 2 frequencies and durations within the
 * {@link SitSettings} tolerances of the nominal ones, segment 3 at 1776.7 Hz for 380 ms; anything else is
 * {@link SitClass#UNKNOWN}. The detection comes at the end of the third segment, about a second after the tone starts.
 */
public final class SitDetector implements FrameDetector {

    static final double LOW_1 = 913.8;
    static final double HIGH_1 = 985.2;
    static final double LOW_2 = 1370.6;
    static final double HIGH_2 = 1428.5;
    static final double THIRD = 1776.7;
    static final double SHORT_MS = 274;
    static final double LONG_MS = 380;

    /** E.180: 950, 1400, 1800 Hz +-50 Hz, 330 +-70 ms. */
    private static final double[] BROAD_LOW_HZ = {900, 1350, 1750};
    private static final double[] BROAD_HIGH_HZ = {1000, 1450, 1850};
    private static final double BROAD_SHORTEST_MS = 260;
    private static final double BROAD_LONGEST_MS = 400;

    private static final int GROUPS = 3;
    private static final int BINS = 3;
    /** Longer runs than this (more than 440 ms) cannot be a segment. */
    private static final int MAX_RUN_FRAMES = 22;
    /** E.180 allows silent gaps of up to 30 ms between segments: two frames, plus one for the edges. */
    static final int MAX_GAP_FRAMES = 3;
    private static final double FRAME_SECONDS = PcmFrame.MILLIS / 1000.0;

    private final SitSettings settings;
    private final long minimumEnergy;
    private final Goertzel[][] bins = {
            {new Goertzel(LOW_1), new Goertzel(950), new Goertzel(HIGH_1)},
            {new Goertzel(LOW_2), new Goertzel(1400), new Goertzel(HIGH_2)},
            {new Goertzel(THIRD), new Goertzel(1812), new Goertzel(1847)}};

    /** Every bin's complex value on the previous frame: the leading edge of a run that starts now. */
    private final double[][] previousRe = new double[GROUPS][BINS];
    private final double[][] previousIm = new double[GROUPS][BINS];

    /** The current run's group bins: index 0 is the frame before the run, 1..runLength the run, then the frame after. */
    private final double[][] runRe = new double[BINS][MAX_RUN_FRAMES + 2];
    private final double[][] runIm = new double[BINS][MAX_RUN_FRAMES + 2];
    private int runGroup = -1;
    private int runLength;
    private boolean runTooLong;
    private long runStartFrame;

    private int segments;
    private long lastSegmentEndFrame;
    private final double[] segmentHz = new double[GROUPS];
    private final double[] segmentMillis = new double[GROUPS];

    private long frames;
    private boolean done;

    public SitDetector() {
        this(SitSettings.DEFAULTS);
    }

    public SitDetector(SitSettings settings) {
        this.settings = settings;
        this.minimumEnergy = PcmFrame.energyAt(settings.minimumLevelDbfs());
    }

    @Override
    public Optional<Detection> onFrame(short[] frame) {
        PcmFrame.checkFrame(frame);
        if (done) {
            return Optional.empty();
        }
        frames++;
        long energy = PcmFrame.energy(frame);
        for (Goertzel[] group : bins) {
            Goertzel.run3(frame, group[0], group[1], group[2]);
        }
        int toneGroup = toneGroup(energy);
        SitClass found = null;
        if (runGroup >= 0) {
            if (toneGroup == runGroup) {
                if (runLength < MAX_RUN_FRAMES) {
                    runLength++;
                    keepRunFrame(runLength);
                } else {
                    runTooLong = true;
                }
            } else {
                if (!runTooLong) {
                    keepRunFrame(runLength + 1);
                }
                found = endRun();
            }
        }
        if (found != null) {
            done = true;
            return Optional.of(new Detection.SitDetected(found, Detection.afterFrames(frames)));
        }
        if (runGroup < 0 && toneGroup >= 0) {
            startRun(toneGroup);
        }
        keepAsPrevious();
        return Optional.empty();
    }

    @Override
    public void reset() {
        runGroup = -1;
        runLength = 0;
        runTooLong = false;
        segments = 0;
        frames = 0;
        done = false;
        for (int g = 0; g < GROUPS; g++) {
            for (int b = 0; b < BINS; b++) {
                previousRe[g][b] = 0;
                previousIm[g][b] = 0;
            }
        }
    }

    private int toneGroup(long energy) {
        if (energy < minimumEnergy) {
            return -1;
        }
        int best = -1;
        double bestRatio = settings.minimumToneRatio();
        for (int g = 0; g < GROUPS; g++) {
            for (int b = 0; b < BINS; b++) {
                double ratio = bins[g][b].toneRatio(energy);
                if (ratio >= bestRatio) {
                    bestRatio = ratio;
                    best = g;
                }
            }
        }
        return best;
    }

    private void startRun(int group) {
        runGroup = group;
        runLength = 1;
        runTooLong = false;
        runStartFrame = frames;
        for (int b = 0; b < BINS; b++) {
            runRe[b][0] = previousRe[group][b];
            runIm[b][0] = previousIm[group][b];
        }
        keepRunFrame(1);
    }

    private void keepRunFrame(int index) {
        Goertzel[] group = bins[runGroup];
        for (int b = 0; b < BINS; b++) {
            runRe[b][index] = group[b].re;
            runIm[b][index] = group[b].im;
        }
    }

    private void keepAsPrevious() {
        for (int g = 0; g < GROUPS; g++) {
            for (int b = 0; b < BINS; b++) {
                previousRe[g][b] = bins[g][b].re;
                previousIm[g][b] = bins[g][b].im;
            }
        }
    }

    /** Measures the run that just ended and advances the segment sequence; returns the class once a SIT is complete. */
    private SitClass endRun() {
        int group = runGroup;
        int n = runLength;
        runGroup = -1;
        if (n < 2) {
            return null; // a blip, not a segment: leaves the sequence alone
        }
        if (runTooLong) {
            segments = 0;
            return null;
        }
        int bin = strongestBin(n);
        Goertzel measured = bins[group][bin];
        double hz = measured.frequency + frequencyOffset(measured, bin, n);
        double millis = durationFrames(bin, n) * PcmFrame.MILLIS;
        return onSegment(group, hz, millis);
    }

    private SitClass onSegment(int group, double hz, double millis) {
        boolean plausible = hz >= BROAD_LOW_HZ[group] && hz <= BROAD_HIGH_HZ[group]
                && millis >= BROAD_SHORTEST_MS - settings.durationMarginMillis()
                && millis <= BROAD_LONGEST_MS + settings.durationMarginMillis();
        long endFrame = frames;
        if (!plausible) {
            segments = 0;
            return null;
        }
        boolean continues = group == segments
                && (segments == 0 || runStartFrame - lastSegmentEndFrame <= MAX_GAP_FRAMES);
        if (!continues) {
            segments = 0;
            if (group != 0) {
                return null;
            }
        }
        segmentHz[group] = hz;
        segmentMillis[group] = millis;
        lastSegmentEndFrame = endFrame;
        segments++;
        if (segments < GROUPS) {
            return null;
        }
        segments = 0;
        return classify();
    }

    private SitClass classify() {
        boolean thirdFits = settings.frequencyMatches(segmentHz[2], THIRD)
                && settings.durationMatches(segmentMillis[2], LONG_MS);
        if (!thirdFits) {
            return SitClass.UNKNOWN;
        }
        boolean lowShort1 = fits(0, LOW_1, SHORT_MS);
        boolean highLong1 = fits(0, HIGH_1, LONG_MS);
        boolean lowShort2 = fits(1, LOW_2, SHORT_MS);
        boolean highLong2 = fits(1, HIGH_2, LONG_MS);
        if (highLong1 && highLong2) {
            return SitClass.NO_CIRCUIT;
        }
        if (lowShort1 && lowShort2) {
            return SitClass.OPERATOR_INTERCEPT;
        }
        if (highLong1 && lowShort2) {
            return SitClass.VACANT_CODE;
        }
        if (lowShort1 && highLong2) {
            return SitClass.REORDER;
        }
        return SitClass.UNKNOWN;
    }

    private boolean fits(int segment, double nominalHz, double nominalMillis) {
        return settings.frequencyMatches(segmentHz[segment], nominalHz)
                && settings.durationMatches(segmentMillis[segment], nominalMillis);
    }

    private int strongestBin(int n) {
        int best = 0;
        double bestPower = -1;
        for (int b = 0; b < BINS; b++) {
            double power = 0;
            for (int k = 1; k <= n; k++) {
                power += runRe[b][k] * runRe[b][k] + runIm[b][k] * runIm[b][k];
            }
            if (power > bestPower) {
                bestPower = power;
                best = b;
            }
        }
        return best;
    }

    /**
     * The tone's offset from the bin frequency, from the mean phase step between consecutive frames (sum of
     * X[k+1] conj(X[k]), which weighs each step by amplitude). Edge frames of the run are left out when there are
     * enough inner ones: a partial frame's phase is that of the part it holds.
     */
    private double frequencyOffset(Goertzel measured, int bin, int n) {
        int from = n >= 4 ? 2 : 1;
        int to = n >= 4 ? n - 1 : n;
        double[] re = runRe[bin];
        double[] im = runIm[bin];
        double sumRe = 0;
        double sumIm = 0;
        for (int k = from; k < to; k++) {
            sumRe += re[k + 1] * re[k] + im[k + 1] * im[k];
            sumIm += im[k + 1] * re[k] - re[k + 1] * im[k];
        }
        double step = Goertzel.wrap(Math.atan2(sumIm, sumRe) - measured.phaseAdvancePerFrame);
        return step / (2 * Math.PI * FRAME_SECONDS);
    }

    /** Whole inner frames plus the share of the tone in the run's first and last frames and in the two edge frames. */
    private double durationFrames(int bin, int n) {
        double[] re = runRe[bin];
        double[] im = runIm[bin];
        double reference;
        if (n >= 3) {
            double sum = 0;
            for (int k = 2; k < n; k++) {
                sum += Math.hypot(re[k], im[k]);
            }
            reference = sum / (n - 2);
        } else {
            reference = Math.max(Math.hypot(re[1], im[1]), Math.hypot(re[n], im[n]));
        }
        double whole = n >= 3 ? n - 2 : 0;
        double partial = share(re, im, 0, reference) + share(re, im, n + 1, reference);
        if (n >= 3) {
            partial += share(re, im, 1, reference) + share(re, im, n, reference);
        } else {
            for (int k = 1; k <= n; k++) {
                partial += share(re, im, k, reference);
            }
        }
        return whole + partial;
    }

    private static double share(double[] re, double[] im, int k, double reference) {
        return reference <= 0 ? 0 : Math.min(1, Math.hypot(re[k], im[k]) / reference);
    }
}
