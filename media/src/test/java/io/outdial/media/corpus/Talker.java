package io.outdial.media.corpus;

import java.util.SplittableRandom;

/**
 * A crude speech synthesiser, good enough to exercise level- and timing-based detectors: a glottal pulse train
 * (with pitch contour and jitter) through three formant resonators makes vowels; short bursts of noise make
 * consonants; syllables rise and fall in level; words are syllables run together, separated by short gaps. Each
 * talker has its own pitch, speaking rate and loudness.
 */
public final class Talker {

    private static final int RATE = Signal.RATE;
    /** F1, F2, F3 of a, e, i, o, u, schwa (adult averages). */
    private static final double[][] VOWELS = {
            {730, 1090, 2440}, {530, 1840, 2480}, {270, 2290, 3010}, {570, 840, 2410}, {300, 870, 2240},
            {500, 1500, 2500}};

    private final SplittableRandom random;
    private final double pitchHz;
    private final double rate;
    private final double levelDbfs;

    public Talker(SplittableRandom random, double pitchHz, double rate, double levelDbfs) {
        this.random = random;
        this.pitchHz = pitchHz;
        this.rate = rate;
        this.levelDbfs = levelDbfs;
    }

    /** A random talker: pitch 85-260 Hz, speaking rate 0.75-1.35, vowels at -32 to -16 dBFS. */
    public static Talker random(SplittableRandom random) {
        return new Talker(random, 85 + random.nextDouble() * 175, 0.75 + random.nextDouble() * 0.6,
                -32 + random.nextDouble() * 16);
    }

    /**
     * How the pitch of a word's last vowel moves. The same random numbers are drawn for each, so a corpus made one
     * way or another differs only in these glides.
     */
    public enum WordEnd {
        /** A random glide between a fall to 0.75 and a rise to 1.25 of where the vowel starts: a word on its own may
         * be a question ("Hello?") or not ("Yes."). What every word had until 2026-12-07. */
        RANDOM_GLIDE,
        /** A word inside a sentence: its last vowel moves as little as any other (0.9-1.05); in connected speech only
         * the last word of a phrase carries the rise or fall. */
        CONNECTED,
        /** The last word of a statement: its last vowel falls to the bottom of the talker's range (0.75-0.9 of the
         * talker's pitch), below the syllables before it: the final lowering of "... after the tone." */
        FALL
    }

    /** One word of {@code syllables} syllables, as samples (16-bit scale), its end a {@link WordEnd#RANDOM_GLIDE}. */
    public double[] word(int syllables) {
        return word(syllables, WordEnd.RANDOM_GLIDE);
    }

    /** One word of {@code syllables} syllables whose last vowel ends as {@code end} says. */
    public double[] word(int syllables, WordEnd end) {
        int total = 0;
        double[][] parts = new double[syllables][];
        for (int i = 0; i < syllables; i++) {
            parts[i] = syllable(i == syllables - 1, end);
            total += parts[i].length;
        }
        double[] out = new double[total];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /**
     * Appends a phrase of words separated by gaps of {@code gapMinMs}..{@code gapMaxMs}, each word ending on a
     * {@link WordEnd#RANDOM_GLIDE}.
     */
    public void phrase(Signal signal, int words, double gapMinMs, double gapMaxMs) {
        phrase(signal, words, gapMinMs, gapMaxMs, false);
    }

    /**
     * A phrase; with {@code statement} it is a spoken sentence: its words are {@link WordEnd#CONNECTED} and the last
     * one ends on a {@link WordEnd#FALL}.
     */
    public void phrase(Signal signal, int words, double gapMinMs, double gapMaxMs, boolean statement) {
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                signal.silence(between(gapMinMs, gapMaxMs));
            }
            WordEnd end = !statement ? WordEnd.RANDOM_GLIDE : w == words - 1 ? WordEnd.FALL : WordEnd.CONNECTED;
            signal.append(word(1 + random.nextInt(3), end));
        }
    }

    /**
     * One vowel of {@code millis} whose pitch glides from {@code fromHz} to {@code toHz}: a question's rising end
     * ("help?") or a statement's falling one ("message."), at the talker's level.
     */
    public double[] glide(double millis, double fromHz, double toHz) {
        int n = (int) (millis * RATE / 1000);
        double[] voiced = new double[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            phase += (fromHz + (toHz - fromHz) * i / n) / RATE;
            if (phase >= 1) {
                phase -= 1;
                voiced[i] = 1;
            }
            voiced[i] += 0.02 * Signal.gaussian(random);
        }
        double[] formants = VOWELS[random.nextInt(VOWELS.length)];
        for (int k = 0; k < 3; k++) {
            resonate(voiced, formants[k], 60 + 40 * k);
        }
        double square = 1e-18;
        for (double v : voiced) {
            square += v * v;
        }
        double scale = Signal.amplitude(levelDbfs) / (Math.sqrt(square / n) * Math.sqrt(2));
        for (int i = 0; i < n; i++) {
            double x = (double) i / n;
            voiced[i] *= scale * Math.min(1, x * 8) * Math.min(1, (1 - x) * 8);
        }
        return voiced;
    }

    private double[] syllable(boolean last, WordEnd end) {
        // an optional consonant, then the vowel
        int consonant = random.nextInt(3) == 0 ? 0 : (int) (between(25, 70) / rate * RATE / 1000);
        // a word-final vowel is drawn out ("Hello?", "Yes?")
        int vowel = (int) (between(last ? 150 : 90, last ? 300 : 200) / rate * RATE / 1000);
        double[] out = new double[consonant + vowel];
        double amplitude = Signal.amplitude(levelDbfs + between(-4, 3));
        for (int i = 0; i < consonant; i++) {
            double envelope = Math.sin(Math.PI * i / consonant);
            out[i] = amplitude * 0.25 * envelope * Signal.gaussian(random);
        }
        double[] formants = VOWELS[random.nextInt(VOWELS.length)];
        double f0Start = pitchHz * between(0.9, 1.15);
        double f0End;
        if (!last || end == WordEnd.CONNECTED) {
            f0End = f0Start * between(0.9, 1.05);
        } else if (end == WordEnd.FALL) {
            f0End = pitchHz * between(0.75, 0.9);
        } else {
            f0End = f0Start * between(0.75, 1.25);
        }
        double[] voiced = new double[vowel];
        double phase = 0;
        for (int i = 0; i < vowel; i++) {
            double f0 = f0Start + (f0End - f0Start) * i / vowel;
            f0 *= 1 + 0.01 * Signal.gaussian(random); // jitter
            phase += f0 / RATE;
            if (phase >= 1) {
                phase -= 1;
                voiced[i] = 1; // a glottal pulse
            }
            voiced[i] += 0.02 * Signal.gaussian(random); // breath
        }
        for (int k = 0; k < 3; k++) {
            resonate(voiced, formants[k] * between(0.93, 1.07), 60 + 40 * k);
        }
        // scaled so that the vowel's RMS is that of a sine at the talker's level (the pulses make it peaky)
        double square = 1e-18;
        for (double v : voiced) {
            square += v * v;
        }
        double rms = Math.sqrt(square / vowel) * Math.sqrt(2);
        for (int i = 0; i < vowel; i++) {
            // rises quickly, decays slowly, as a syllable does
            double x = (double) i / vowel;
            double envelope = Math.min(1, x * 6) * Math.pow(1 - x, 0.6);
            out[consonant + i] = amplitude * 1.4 * envelope * voiced[i] / rms;
        }
        return out;
    }

    /** A two-pole resonator in place. */
    private static void resonate(double[] x, double hz, double bandwidthHz) {
        double r = Math.exp(-Math.PI * bandwidthHz / RATE);
        double a1 = 2 * r * Math.cos(2 * Math.PI * hz / RATE);
        double a2 = -r * r;
        double y1 = 0;
        double y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double y = (1 - r) * x[i] + a1 * y1 + a2 * y2;
            y2 = y1;
            y1 = y;
            x[i] = y;
        }
    }

    private double between(double low, double high) {
        return low + random.nextDouble() * (high - low);
    }
}
