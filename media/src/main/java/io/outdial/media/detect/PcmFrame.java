package io.outdial.media.detect;

import io.outdial.media.Codec;

/** Facts about the 20 ms, 8 kHz, 16-bit PCM frames detectors read, and the level arithmetic they share. */
public final class PcmFrame {

    public static final int SAMPLES = Codec.SAMPLES_PER_FRAME;
    public static final int MILLIS = 20;
    public static final int SAMPLE_RATE = Codec.CLOCK_RATE;

    /** Mean square of a full-scale sine: levels are in dB relative to it (dBFS, as a tone meter reads them). */
    private static final double FULL_SCALE_SINE_MEAN_SQUARE = 32767.0 * 32767.0 / 2;

    private PcmFrame() {
    }

    /** Sum of squared samples, in integer arithmetic (exact, and faster than a floating-point reduction). */
    public static long energy(short[] frame) {
        long sum = 0;
        for (int i = 0; i < SAMPLES; i++) {
            int s = frame[i];
            sum += s * s;
        }
        return sum;
    }

    /** The level of a frame of this energy in dBFS; -120 for digital silence. */
    public static double levelDbfs(long energy) {
        if (energy == 0) {
            return -120;
        }
        return 10 * Math.log10(energy / (double) SAMPLES / FULL_SCALE_SINE_MEAN_SQUARE);
    }

    /** The frame energy of a frame at this level, to compare energies without a logarithm per frame. */
    public static long energyAt(double levelDbfs) {
        return (long) (Math.pow(10, levelDbfs / 10) * FULL_SCALE_SINE_MEAN_SQUARE * SAMPLES);
    }

    static void checkFrame(short[] frame) {
        if (frame.length < SAMPLES) {
            throw new IllegalArgumentException("a frame has " + SAMPLES + " samples, got " + frame.length);
        }
    }
}
