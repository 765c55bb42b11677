package io.outdial.media.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthesises a labelled corpus for the call progress and answering-machine detectors, deterministically from a
 * seed: people answering (a word or a few, sometimes "Hello? ... Hello?", then waiting), answering machines (several
 * seconds of phrases, with or without a final beep), each SIT class with frequencies and durations drawn inside the
 * tolerances (and ITU-T E.180 tones for unknown), fax answer tones (CED, ANSam), silent lines and ringback. Every
 * item has line noise at a random level. Nothing is fetched or installed: it is all computed here.
 */
public final class CorpusGenerator {

    /** How a machine's sentences end (people's greetings always end on a random glide: "Hello?", "Yes."). */
    public enum MachineEndings {
        /**
         * The generator as it was until 2026-12-07: the last word of every phrase glides at random between a fall to
         * 0.75 and a rise to 1.25, so about half of all machine greetings end on a rising voice, as a question would.
         * The harder corpus for a detector that reads the ending; the default, so figures stay comparable.
         */
        RANDOM,
        /**
         * Every phrase of a machine greeting is a sentence that ends on a fall (final lowering), as a recorded
         * statement does ("Hi, you've reached Anna. Please leave a message after the tone."). Only those glides
         * differ from {@link #RANDOM}: every other draw of the seed is the same.
         */
        STATEMENTS
    }

    private final SplittableRandom random;
    private final MachineEndings machineEndings;

    public CorpusGenerator(long seed) {
        this(seed, MachineEndings.RANDOM);
    }

    public CorpusGenerator(long seed, MachineEndings machineEndings) {
        this.random = new SplittableRandom(seed);
        this.machineEndings = machineEndings;
    }

    /** {@code perClass} items of each label (HUMAN and MACHINE get twice as many: they are the hard ones). */
    public List<CorpusItem> generate(int perClass) {
        List<CorpusItem> items = new ArrayList<>();
        for (int i = 0; i < 2 * perClass; i++) {
            items.add(human(i));
            items.add(machine(i));
        }
        for (int i = 0; i < perClass; i++) {
            items.add(sit(Label.SIT_NO_CIRCUIT, i));
            items.add(sit(Label.SIT_OPERATOR_INTERCEPT, i));
            items.add(sit(Label.SIT_VACANT_CODE, i));
            items.add(sit(Label.SIT_REORDER, i));
            items.add(unknownSit(i));
            items.add(fax(i));
            items.add(silence(i));
            items.add(ringback(i));
        }
        return items;
    }

    CorpusItem human(int n) {
        Talker talker = Talker.random(random);
        Signal s = Signal.create().silence(between(150, 1200));
        String what;
        int style = random.nextInt(4);
        if (style == 0) {
            what = "hello twice";
            s.append(talker.word(2));
            s.silence(between(350, 650));
            s.append(talker.word(2));
        } else if (style == 1) {
            what = "short phrase";
            talker.phrase(s, 2 + random.nextInt(2), 60, 180);
        } else {
            what = "one word";
            s.append(talker.word(1 + random.nextInt(3)));
        }
        double end = s.lengthMillis();
        s.silence(3000);
        double noise = between(-65, -45);
        s.noise(noise, random.nextLong());
        return new CorpusItem("human-" + n, Label.HUMAN, what + ", noise " + (int) noise + " dBFS", s.pcm(), end);
    }

    CorpusItem machine(int n) {
        Talker talker = Talker.random(random);
        Signal s = Signal.create().silence(between(200, 1500));
        double length = between(3000, 12000);
        double start = s.lengthMillis();
        while (s.lengthMillis() - start < length) {
            talker.phrase(s, 3 + random.nextInt(6), 60, 220, machineEndings == MachineEndings.STATEMENTS);
            s.silence(between(200, 600));
        }
        // back to the end of the last word
        double end = s.lengthMillis() - lastPause(s);
        boolean beep = random.nextBoolean();
        if (beep) {
            s.silence(between(200, 900)).tone(between(250, 1000), between(-20, -10), between(440, 2000));
        }
        s.silence(2000);
        double noise = between(-65, -45);
        s.noise(noise, random.nextLong());
        return new CorpusItem("machine-" + n, Label.MACHINE, (beep ? "with beep" : "no beep") + ", "
                + Math.round(length / 1000) + " s, noise " + (int) noise + " dBFS", s.pcm(), end);
    }

    CorpusItem sit(Label label, int n) {
        String code = switch (label) {
            case SIT_NO_CIRCUIT -> "NC";
            case SIT_OPERATOR_INTERCEPT -> "IC";
            case SIT_VACANT_CODE -> "VC";
            case SIT_REORDER -> "RO";
            default -> throw new IllegalArgumentException(label.name());
        };
        double[] nominal = SitTones.nominal(code);
        double level = between(-30, -15);
        Signal s = Signal.create().silence(between(0, 600))
                .tone(nominal[1] * within(0.05), level, nominal[0] * within(0.002))
                .tone(nominal[3] * within(0.05), level, nominal[2] * within(0.002))
                .tone(SitTones.LONG * within(0.05), level, SitTones.THIRD * within(0.002))
                .silence(800);
        double noise = level - between(20, 40);
        s.noise(noise, random.nextLong());
        return new CorpusItem("sit-" + code + "-" + n, label, code + " at " + (int) level + " dBFS", s.pcm(), Double.NaN);
    }

    CorpusItem unknownSit(int n) {
        double level = between(-30, -15);
        Signal s = Signal.create().silence(between(0, 600));
        String what;
        if (random.nextBoolean()) {
            what = "E.180";
            for (double f : new double[]{950, 1400, 1800}) {
                s.tone(between(265, 395), level, f + between(-45, 45));
            }
        } else {
            // a Telcordia pattern outside the four codes: segment 1 long at the low frequency
            what = "913.8/380";
            s.tone(SitTones.LONG * within(0.05), level, SitTones.LOW_1 * within(0.002))
                    .tone(SitTones.SHORT * within(0.05), level, SitTones.LOW_2 * within(0.002))
                    .tone(SitTones.LONG * within(0.05), level, SitTones.THIRD * within(0.002));
        }
        s.silence(800).noise(level - between(20, 40), random.nextLong());
        return new CorpusItem("sit-unknown-" + n, Label.SIT_UNKNOWN, what, s.pcm(), Double.NaN);
    }

    CorpusItem fax(int n) {
        double level = between(-25, -10);
        Signal s = Signal.create().silence(between(100, 1500));
        boolean ansam = random.nextBoolean();
        double hz = 2100 + between(-15, 15);
        if (ansam) {
            s.modulatedTone(between(2600, 4000), level, hz, 15, 0.2, true);
        } else {
            s.tone(between(2600, 4000), level, hz);
        }
        s.silence(500).noise(level - between(20, 40), random.nextLong());
        return new CorpusItem("fax-" + n, Label.FAX, ansam ? "ANSam" : "CED", s.pcm(), Double.NaN);
    }

    CorpusItem silence(int n) {
        double noise = between(-70, -48);
        Signal s = Signal.create().silence(7000).noise(noise, random.nextLong());
        return new CorpusItem("silence-" + n, Label.SILENCE, "noise " + (int) noise + " dBFS", s.pcm(), Double.NaN);
    }

    CorpusItem ringback(int n) {
        Signal s = Signal.create().silence(between(0, 1000));
        boolean us = random.nextBoolean();
        for (int i = 0; i < 2; i++) {
            if (us) {
                s.tone(2000, -22, 440, 480).silence(4000);
            } else {
                s.tone(1000, -20, 425).silence(4000);
            }
        }
        s.noise(between(-70, -50), random.nextLong());
        return new CorpusItem("ringback-" + n, Label.RINGBACK, us ? "US 440+480" : "EU 425", s.pcm(), Double.NaN);
    }

    private static double lastPause(Signal s) {
        return s.trailingSilenceMillis();
    }

    /** A factor within +-{@code tolerance} (uniform). */
    private double within(double tolerance) {
        return 1 + between(-tolerance, tolerance);
    }

    private double between(double low, double high) {
        return low + random.nextDouble() * (high - low);
    }
}
