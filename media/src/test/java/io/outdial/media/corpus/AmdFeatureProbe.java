package io.outdial.media.corpus;

import io.outdial.media.detect.AmdSettings;
import io.outdial.media.detect.AnsweringMachineDetector;
import io.outdial.media.detect.Detection;
import io.outdial.media.detect.PcmFrame;
import io.outdial.media.detect.PitchContour;
import io.outdial.media.detect.PitchTracker;
import io.outdial.media.detect.VoiceActivity;
import io.outdial.media.detect.VoiceActivitySettings;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Not a test: prints, for every item of the AMD corpora (the synthetic one both ways, the speech clips, the hard
 * cases, and people who repeat "Hello?" after a business greeting, {@link #reprompts}), what the accurate detector
 * decided and the cues it could read at the moment the greeting ends (the first {@code afterGreetingSilence} of
 * silence after a word, or the cap): the greeting's length, the rise at the end, the longest pause inside it and the
 * pauses of 300 and 450 ms or more, the length of the last phrase (after the last 300 ms pause), the spread of the
 * level of its speech frames, its voice bursts a second, every pause (start:length in ms), and the rise read only from
 * frames within 6, 10 or 15 dB of the loudest of the last second of speech. One tab-separated line per item, for
 * looking at which cues separate people from machines (docs/benchmarks.md, "Why the synthetic corpus stays under
 * 97 %"). Arguments: synthetic seed, items per class, speech seed, hard-case seed. Writes its WAV files where
 * {@link AmdBenchmark} does: do not run two at once.
 */
public final class AmdFeatureProbe {

    private AmdFeatureProbe() {
    }

    public static void main(String[] args) throws Exception {
        long synthSeed = Long.parseLong(args[0]);
        int perClass = Integer.parseInt(args[1]);
        long speechSeed = Long.parseLong(args[2]);
        long hardSeed = Long.parseLong(args[3]);
        Path dir = Paths.get("target", "speech-clips").toAbsolutePath();
        System.out.println("corpus\tid\tlabel\tverdict\tcause\tgreetingMs\trise\tmaxPauseMs\tpauses300\tpauses450"
                + "\tlastPhraseMs\tlevelSpreadDb\twordsPerS\tpauses\trise6\trise10\trise15\tdescription");
        print("synthetic", AmdBenchmark.synthetic(synthSeed, perClass));
        print("statements", AmdBenchmark.synthetic(synthSeed, perClass, CorpusGenerator.MachineEndings.STATEMENTS));
        print("speech", SpeechClips.generate(dir, speechSeed));
        print("hard", HardCases.generate(dir.resolve("hard"), hardSeed));
        print("reprompt", reprompts(dir.resolve("reprompt"), hardSeed));
    }

    private static void print(String corpus, List<CorpusItem> items) {
        for (CorpusItem item : items) {
            AnsweringMachineDetector detector = new AnsweringMachineDetector(AmdSettings.ACCURATE);
            Optional<Detection> verdict = Signal.feed(detector, item.pcm());
            String outcome = verdict.map(d -> ((Detection.AmdDecision) d).outcome().name()).orElse("NONE");
            String cause = verdict.map(d -> ((Detection.AmdDecision) d).cause().name()).orElse("-");
            System.out.println(corpus + "\t" + item.id() + "\t" + item.label() + "\t" + outcome + "\t" + cause + "\t"
                    + cues(item.pcm()) + "\t" + item.description());
        }
    }

    /**
     * People who give a business greeting, hear nothing (the dialer is still listening), wait 0.3-0.9 s and say
     * "Hello?" again: the case a sentence-break rule must not hang up on. Not in any scored corpus.
     */
    static List<CorpusItem> reprompts(Path dir, long seed) throws java.io.IOException, InterruptedException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed * 31 + 7);
        List<String> again = List.of("Hello?", "Hello, anyone there?", "Hello? Can you hear me?");
        List<CorpusItem> items = new ArrayList<>();
        for (int n = 0; n < 18; n++) {
            String voice = HardCases.VOICES.get(n % HardCases.VOICES.size());
            String text = HardCases.BUSINESS.get(n % HardCases.BUSINESS.size());
            int speed = n % 2 == 0 ? 175 + random.nextInt(26) : 115 + random.nextInt(26);
            short[] first = SpeechClips.speak(dir, "reprompt-" + n + "a", voice, speed, text);
            short[] second = SpeechClips.speak(dir, "reprompt-" + n + "b", voice, speed,
                    again.get(n % again.size()));
            Signal s = Signal.create().silence(200 + random.nextInt(600));
            double firstEnd = s.lengthMillis() + SpeechClips.speechEndMillis(first);
            s.append(SpeechClips.toDoubles(first));
            double wait = 300 + random.nextDouble() * 600;
            s.silence(Math.max(0, firstEnd + wait - s.lengthMillis()));
            double end = s.lengthMillis() + SpeechClips.speechEndMillis(second);
            s.append(SpeechClips.toDoubles(second));
            s.silence(3000).noise(-62 + random.nextInt(14), random.nextLong());
            items.add(new CorpusItem("reprompt-" + n, Label.HUMAN, "\"" + text + "\" then \""
                    + again.get(n % again.size()) + "\" after " + (int) wait + " ms, " + voice + " " + speed
                    + " wpm", s.pcm(), end));
        }
        return items;
    }

    /** The cues at the end of the greeting, tab-separated. */
    static String cues(short[] pcm) {
        VoiceActivity voice = new VoiceActivity(VoiceActivitySettings.DEFAULTS);
        PitchTracker pitch = new PitchTracker();
        PitchContour contour = new PitchContour();
        double[] gates = {6, 10, 15};
        PitchContour[] gated = {new PitchContour(), new PitchContour(), new PitchContour()};
        double[] recent = new double[50];
        int recentCount = 0;
        List<Boolean> speech = new ArrayList<>();
        List<Double> levels = new ArrayList<>();
        int speechRun = 0;
        int silenceRun = 0;
        boolean inWord = false;
        int words = 0;
        int start = -1;
        int lastWord = -1;
        short[] frame = new short[PcmFrame.SAMPLES];
        int f = 0;
        for (; (f + 1) * PcmFrame.SAMPLES <= pcm.length; f++) {
            System.arraycopy(pcm, f * PcmFrame.SAMPLES, frame, 0, PcmFrame.SAMPLES);
            boolean s = voice.isSpeech(PcmFrame.energy(frame));
            speech.add(s);
            levels.add(voice.lastLevelDbfs());
            pitch.push(frame);
            if (s) {
                double hz = pitch.pitch();
                contour.add(hz);
                recent[recentCount++ % recent.length] = voice.lastLevelDbfs();
                double peak = -200;
                for (int k = 0; k < Math.min(recentCount, recent.length); k++) {
                    peak = Math.max(peak, recent[k]);
                }
                for (int g = 0; g < gates.length; g++) {
                    gated[g].add(voice.lastLevelDbfs() >= peak - gates[g] ? hz : 0);
                }
                silenceRun = 0;
                speechRun++;
                if (!inWord && speechRun >= 5) {
                    inWord = true;
                    words++;
                    if (words == 1) {
                        start = f - speechRun + 1;
                    }
                }
                if (inWord) {
                    lastWord = f;
                }
            } else {
                silenceRun++;
                if (silenceRun >= 3) {
                    inWord = false;
                    speechRun = 0;
                }
            }
            if (words > 0 && f - lastWord >= 40) {
                break;
            }
            if (words > 0 && f - start >= 400) {
                break;
            }
        }
        if (words == 0) {
            return "0\t1\t0\t0\t0\t0\t0\t0\t-\t1\t1\t1";
        }
        int maxPause = 0;
        int pauses300 = 0;
        int pauses450 = 0;
        int lastPhraseStart = start;
        int run = 0;
        StringBuilder pauseList = new StringBuilder();
        double sum = 0;
        double square = 0;
        int n = 0;
        for (int i = start; i <= lastWord; i++) {
            if (speech.get(i)) {
                if (run >= 3) {
                    pauseList.append(pauseList.length() == 0 ? "" : ",").append((i - start) * 20).append(':')
                            .append(run * 20);
                    maxPause = Math.max(maxPause, run);
                    if (run >= 15) {
                        pauses300++;
                        lastPhraseStart = i;
                    }
                    if (run >= 23) {
                        pauses450++;
                    }
                }
                run = 0;
                sum += levels.get(i);
                square += levels.get(i) * levels.get(i);
                n++;
            } else {
                run++;
            }
        }
        double mean = sum / n;
        double spread = Math.sqrt(Math.max(0, square / n - mean * mean));
        double greeting = (lastWord - start + 1) * 20.0;
        return String.format("%.0f\t%.2f\t%d\t%d\t%d\t%d\t%.1f\t%.2f\t%s", greeting, contour.endRise(), maxPause * 20,
                pauses300, pauses450, (lastWord - lastPhraseStart + 1) * 20, spread, words / (greeting / 1000),
                pauseList.length() == 0 ? "-" : pauseList) + String.format("\t%.2f\t%.2f\t%.2f",
                gated[0].endRise(), gated[1].endRise(), gated[2].endRise());
    }
}
