package io.outdial.media.detect;

/**
 * The pitch contour of the last few hundred milliseconds of voiced speech, to tell a question-like ending (the
 * voice rises: "how can I help?", "Hello?") from a statement's (it falls: "leave a message"). Pitches from
 * {@link PitchTracker} are folded by octaves towards the last accepted one (the tracker may halve or double a
 * period) and a jump of more than {@value #LARGEST_STEP} between neighbours is set aside unless it persists, so a
 * stray frame does not make a contour. A fixed ring; no allocation.
 */
public final class PitchContour {

    /** Voiced frames kept: 480 ms, enough to hold the low point before a question's final rise. */
    static final int LENGTH = 24;
    /** Largest ratio between neighbouring accepted pitches. */
    static final double LARGEST_STEP = 1.3;
    /** A reference older than this many frames no longer folds the next pitch. */
    static final int STALE_FRAMES = 10;
    /** This many jumps in a row are a new contour, not strays. */
    static final int PERSISTENT_JUMPS = 3;

    private final double[] ring = new double[LENGTH];
    private int count;
    private double last;
    private int sinceLast;
    private int jumps;

    /** Reads the pitch of the next frame of speech (0 for unvoiced). */
    public void add(double hz) {
        sinceLast++;
        if (hz <= 0) {
            return;
        }
        double p = hz;
        if (count > 0 && sinceLast <= STALE_FRAMES) {
            p = fold(hz, last);
            double step = p > last ? p / last : last / p;
            if (step > LARGEST_STEP && ++jumps < PERSISTENT_JUMPS) {
                return;
            }
        }
        jumps = 0;
        ring[count % LENGTH] = p;
        count++;
        last = p;
        sinceLast = 0;
    }

    /** End of the contour over its lowest point: above 1 when the voice rose at the end; 1 when unknown. */
    public double endRise() {
        int n = Math.min(count, LENGTH);
        if (n < 6) {
            return 1;
        }
        double end = median3(n - 1);
        double low = end;
        for (int i = 1; i < n - 1; i++) {
            low = Math.min(low, median3(i));
        }
        return end / low;
    }

    public void reset() {
        count = 0;
        sinceLast = 0;
        jumps = 0;
    }

    /** Median of the values at positions i-1, i, i+1 of the kept stretch (oldest first), clamped at the end. */
    private double median3(int i) {
        int n = Math.min(count, LENGTH);
        double a = at(i - 1);
        double b = at(i);
        double c = at(Math.min(i + 1, n - 1) == i ? i - 2 : i + 1);
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private double at(int i) {
        int n = Math.min(count, LENGTH);
        int oldest = count - n;
        return ring[(oldest + i) % LENGTH];
    }

    private static double fold(double hz, double reference) {
        double best = hz;
        double bestDistance = Math.abs(Math.log(hz / reference));
        double half = hz / 2;
        double halfDistance = Math.abs(Math.log(half / reference));
        if (halfDistance < bestDistance) {
            best = half;
            bestDistance = halfDistance;
        }
        double twice = hz * 2;
        if (Math.abs(Math.log(twice / reference)) < bestDistance) {
            best = twice;
        }
        return best;
    }
}
