package io.outdial.media.detect;

/**
 * The voice pitch of a frame, cheaply: the signal is halved to 4 kHz (pairs averaged, which also low-passes it),
 * and the lag of the highest normalised autocorrelation over the last 30 ms, for pitches of 80 to 400 Hz, gives
 * the period. A frame whose best correlation is weak is unvoiced (a consonant, noise, a tone's harmonics make no
 * difference: a beep is voiced at its own frequency if under 400 Hz, above that it reads as unvoiced or as a
 * sub-multiple, and beeps are told apart by {@link BeepDetector} anyway). About 4,000 integer multiply-adds a frame;
 * no allocation.
 */
public final class PitchTracker {

    /** Samples at 4 kHz kept: 30 ms, one and a half frames. */
    static final int WINDOW = 120;
    static final int HALF_RATE = PcmFrame.SAMPLE_RATE / 2;
    /** 400 Hz. */
    static final int SHORTEST_LAG = 10;
    /** 80 Hz. */
    static final int LONGEST_LAG = 50;
    /** Best normalised correlation below this: unvoiced. */
    static final double VOICED_CORRELATION = 0.6;

    private final int[] window = new int[WINDOW];

    /** Reads the next frame and returns its pitch in Hz, or 0 when it is not voiced. */
    public double onFrame(short[] frame) {
        push(frame);
        return pitch();
    }

    /** Reads the next frame into the window (80 additions): call on every frame so the window stays contiguous. */
    public void push(short[] frame) {
        int half = PcmFrame.SAMPLES / 2;
        System.arraycopy(window, half, window, 0, WINDOW - half);
        for (int i = 0; i < half; i++) {
            window[WINDOW - half + i] = (frame[2 * i] + frame[2 * i + 1]) >> 1;
        }
    }

    /** The pitch over the window as it stands, in Hz, or 0 when it is not voiced (the costly part). */
    public double pitch() {
        long zero = 0;
        for (int i = 0; i < WINDOW; i++) {
            zero += (long) window[i] * window[i];
        }
        if (zero == 0) {
            return 0;
        }
        double best = 0;
        int bestLag = 0;
        for (int lag = SHORTEST_LAG; lag <= LONGEST_LAG; lag++) {
            long sum = 0;
            for (int i = lag; i < WINDOW; i++) {
                sum += window[i] * window[i - lag];
            }
            // normalised by the energy of the overlap, estimated from the whole window
            double r = sum / (double) zero * WINDOW / (WINDOW - lag);
            if (r > best) {
                best = r;
                bestLag = lag;
            }
        }
        return best < VOICED_CORRELATION ? 0 : HALF_RATE / (double) bestLag;
    }

    public void reset() {
        java.util.Arrays.fill(window, 0);
    }
}
