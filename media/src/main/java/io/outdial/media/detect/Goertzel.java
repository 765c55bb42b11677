package io.outdial.media.detect;

/**
 * One DFT bin over a 160-sample frame, computed with the Goertzel recurrence: power and the complex value (whose
 * phase, frame after frame, tells the exact frequency of a steady tone). {@link #run3} runs three bins in one pass
 * so that the three dependency chains overlap in the CPU: a single bin is bound by the latency of its recurrence.
 */
final class Goertzel {

    final double frequency;
    private final double coefficient;
    private final double cos;
    private final double sin;
    /** How far the phase of a tone exactly at this frequency advances from one frame to the next, in radians. */
    final double phaseAdvancePerFrame;

    double re;
    double im;
    double power;

    Goertzel(double frequency) {
        this.frequency = frequency;
        double w = 2 * Math.PI * frequency / PcmFrame.SAMPLE_RATE;
        this.cos = Math.cos(w);
        this.sin = Math.sin(w);
        this.coefficient = 2 * cos;
        this.phaseAdvancePerFrame = wrap(w * PcmFrame.SAMPLES);
    }

    void run(short[] frame) {
        double c = coefficient;
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < PcmFrame.SAMPLES; i++) {
            double s0 = frame[i] + c * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        finish(s1, s2);
    }

    static void run3(short[] frame, Goertzel a, Goertzel b, Goertzel c) {
        double ca = a.coefficient;
        double cb = b.coefficient;
        double cc = c.coefficient;
        double a1 = 0, a2 = 0, b1 = 0, b2 = 0, c1 = 0, c2 = 0;
        for (int i = 0; i < PcmFrame.SAMPLES; i++) {
            double x = frame[i];
            double a0 = x + ca * a1 - a2;
            double b0 = x + cb * b1 - b2;
            double c0 = x + cc * c1 - c2;
            a2 = a1;
            a1 = a0;
            b2 = b1;
            b1 = b0;
            c2 = c1;
            c1 = c0;
        }
        a.finish(a1, a2);
        b.finish(b1, b2);
        c.finish(c1, c2);
    }

    private void finish(double s1, double s2) {
        re = s1 - cos * s2;
        im = sin * s2;
        power = re * re + im * im;
    }

    /**
     * The share of the frame's energy this bin holds, scaled so that a steady sine exactly at the bin frequency
     * reads 1 whatever its amplitude (2|X|^2 / (N * sum x^2)).
     */
    double toneRatio(long frameEnergy) {
        return frameEnergy == 0 ? 0 : 2 * power / (PcmFrame.SAMPLES * (double) frameEnergy);
    }

    /** Folds an angle into (-pi, pi]. */
    static double wrap(double angle) {
        double a = angle % (2 * Math.PI);
        if (a > Math.PI) {
            a -= 2 * Math.PI;
        } else if (a <= -Math.PI) {
            a += 2 * Math.PI;
        }
        return a;
    }
}
