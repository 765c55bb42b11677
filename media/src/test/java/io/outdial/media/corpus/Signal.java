package io.outdial.media.corpus;

import io.outdial.media.detect.Detection;
import io.outdial.media.detect.FrameDetector;
import io.outdial.media.detect.PcmFrame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Builds 8 kHz 16-bit audio piece by piece (tones, silence, noise) for tests and the corpus, and feeds it to
 * detectors frame by frame. Time is kept in samples, so tone lengths need not be whole frames, and the phase of
 * consecutive tones is continuous, as a tone generator's is.
 */
public final class Signal {

    public static final int RATE = PcmFrame.SAMPLE_RATE;

    private double[] samples = new double[RATE];
    private int length;

    public static Signal create() {
        return new Signal();
    }

    public int lengthSamples() {
        return length;
    }

    public double lengthMillis() {
        return length * 1000.0 / RATE;
    }

    /** How long the audio has been exactly zero at its end (silence appended, before noise is added). */
    public double trailingSilenceMillis() {
        int i = length;
        while (i > 0 && samples[i - 1] == 0) {
            i--;
        }
        return (length - i) * 1000.0 / RATE;
    }

    /** A sum of equal-level sines, {@code levelDbfs} being the level of each. */
    public Signal tone(double millis, double levelDbfs, double... frequencies) {
        int n = samplesFor(millis);
        double amplitude = amplitude(levelDbfs);
        ensure(n);
        for (int i = 0; i < n; i++) {
            double t = (double) (length + i) / RATE;
            double v = 0;
            for (double f : frequencies) {
                v += amplitude * Math.sin(2 * Math.PI * f * t);
            }
            samples[length + i] += v;
        }
        length += n;
        return this;
    }

    /** A sine multiplied by (1 + depth sin(2 pi modulationHz t)), as ANSam is; phase reversals every 450 ms if asked. */
    public Signal modulatedTone(double millis, double levelDbfs, double hz, double modulationHz, double depth,
                                boolean phaseReversals) {
        int n = samplesFor(millis);
        double amplitude = amplitude(levelDbfs);
        ensure(n);
        int reversalEvery = RATE * 450 / 1000;
        for (int i = 0; i < n; i++) {
            double t = (double) i / RATE;
            double sign = phaseReversals && (i / reversalEvery) % 2 == 1 ? -1 : 1;
            samples[length + i] += sign * amplitude * (1 + depth * Math.sin(2 * Math.PI * modulationHz * t))
                    * Math.sin(2 * Math.PI * hz * t);
        }
        length += n;
        return this;
    }

    public Signal silence(double millis) {
        int n = samplesFor(millis);
        ensure(n);
        length += n;
        return this;
    }

    /** Raw samples (already scaled to 16-bit range) appended as they are. */
    public Signal append(double[] values) {
        ensure(values.length);
        System.arraycopy(values, 0, samples, length, values.length);
        length += values.length;
        return this;
    }

    /** Adds white Gaussian noise at {@code levelDbfs} over everything so far. */
    public Signal noise(double levelDbfs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double sigma = amplitude(levelDbfs) / Math.sqrt(2);
        for (int i = 0; i < length; i++) {
            samples[i] += sigma * gaussian(random);
        }
        return this;
    }

    /** The audio as 16-bit samples, clipped; the last frame padded with silence. */
    public short[] pcm() {
        int padded = (length + PcmFrame.SAMPLES - 1) / PcmFrame.SAMPLES * PcmFrame.SAMPLES;
        short[] out = new short[padded];
        for (int i = 0; i < length; i++) {
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(samples[i])));
        }
        return out;
    }

    /** The audio cut into 160-sample frames. */
    public List<short[]> frames() {
        return frames(pcm());
    }

    public static List<short[]> frames(short[] pcm) {
        List<short[]> frames = new ArrayList<>();
        for (int i = 0; i + PcmFrame.SAMPLES <= pcm.length; i += PcmFrame.SAMPLES) {
            frames.add(Arrays.copyOfRange(pcm, i, i + PcmFrame.SAMPLES));
        }
        return frames;
    }

    /** Feeds every frame to the detector; returns its first detection. */
    public Optional<Detection> feed(FrameDetector detector) {
        return feed(detector, pcm());
    }

    public static Optional<Detection> feed(FrameDetector detector, short[] pcm) {
        short[] frame = new short[PcmFrame.SAMPLES];
        for (int i = 0; i + PcmFrame.SAMPLES <= pcm.length; i += PcmFrame.SAMPLES) {
            System.arraycopy(pcm, i, frame, 0, PcmFrame.SAMPLES);
            Optional<Detection> d = detector.onFrame(frame);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** Peak amplitude of a sine at this level in dBFS. */
    public static double amplitude(double levelDbfs) {
        return 32767 * Math.pow(10, levelDbfs / 20);
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian in Java 17
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private int samplesFor(double millis) {
        return (int) Math.round(millis * RATE / 1000);
    }

    private void ensure(int more) {
        if (length + more > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(samples.length * 2, length + more));
        }
    }
}
