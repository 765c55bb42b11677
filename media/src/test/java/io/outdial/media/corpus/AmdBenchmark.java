package io.outdial.media.corpus;

import io.outdial.media.detect.AmdMode;
import io.outdial.media.detect.AmdOutcome;
import io.outdial.media.detect.AmdSettings;
import io.outdial.media.detect.AnsweringMachineDetector;
import io.outdial.media.detect.Detection;
import io.outdial.media.detect.FrameDetector;
import io.outdial.media.detect.PcmFrame;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Answering-machine detection alone, side by side: our detector in accurate and fast mode, and a re-implementation of
 * Asterisk app_amd's default rules ({@link AppAmdRules}), on three corpora: the Java generator's people and machines
 * ({@link CorpusGenerator}, scored twice: as it always was, and with machines whose sentences end on a fall,
 * {@link CorpusGenerator.MachineEndings#STATEMENTS}), the espeak-ng clips ({@link SpeechClips}) and the hard cases of
 * issue 16 ({@link HardCases}). Every item is fed frame by frame from the answer, as the gateway does. Prints, per
 * corpus and detector, a confusion matrix, the human decision latency after the end of the greeting and the machine
 * decision time after the answer (p50, p95). Not a test; bounded (about 500 items, a few seconds). See
 * docs/benchmarks.md.
 *
 * <p>Arguments: synthetic seed (1), items per class for it (100), speech seed (5), hard-case seed (16). Needs
 * espeak-ng and sox.
 */
public final class AmdBenchmark {

    private AmdBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long synthSeed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        int perClass = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long speechSeed = args.length > 2 ? Long.parseLong(args[2]) : 5;
        long hardSeed = args.length > 3 ? Long.parseLong(args[3]) : 16;
        Path dir = Paths.get("target", "speech-clips").toAbsolutePath();
        Map<String, List<CorpusItem>> corpora = new LinkedHashMap<>();
        corpora.put("synthetic (seed " + synthSeed + ")", synthetic(synthSeed, perClass));
        corpora.put("synthetic, machines end on statements (seed " + synthSeed + ")",
                synthetic(synthSeed, perClass, CorpusGenerator.MachineEndings.STATEMENTS));
        corpora.put("speech clips (seed " + speechSeed + ")", SpeechClips.generate(dir, speechSeed));
        corpora.put("hard cases (seed " + hardSeed + ")", HardCases.generate(dir.resolve("hard"), hardSeed));
        Map<String, Supplier<FrameDetector>> detectors = detectors();
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<CorpusItem>> corpus : corpora.entrySet()) {
            out.append("## ").append(corpus.getKey()).append(", ").append(corpus.getValue().size())
                    .append(" items\n\n");
            for (Map.Entry<String, Supplier<FrameDetector>> d : detectors.entrySet()) {
                Score score = score(corpus.getValue(), d.getValue());
                out.append("### ").append(d.getKey()).append('\n').append(score.format()).append('\n');
            }
        }
        System.out.print(out);
    }

    static Map<String, Supplier<FrameDetector>> detectors() {
        Map<String, Supplier<FrameDetector>> detectors = new LinkedHashMap<>();
        detectors.put("outdial accurate",
                () -> new AnsweringMachineDetector(AmdSettings.defaults(AmdMode.ACCURATE)));
        detectors.put("outdial fast", () -> new AnsweringMachineDetector(AmdSettings.defaults(AmdMode.FAST)));
        detectors.put("app_amd defaults (re-implemented)", AppAmdRules::new);
        return detectors;
    }

    static List<CorpusItem> synthetic(long seed, int perClass) {
        return synthetic(seed, perClass, CorpusGenerator.MachineEndings.RANDOM);
    }

    static List<CorpusItem> synthetic(long seed, int perClass, CorpusGenerator.MachineEndings endings) {
        CorpusGenerator generator = new CorpusGenerator(seed, endings);
        List<CorpusItem> items = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            items.add(generator.human(i));
            items.add(generator.machine(i));
        }
        return items;
    }

    /** Feeds every item to a fresh detector; the first decision counts (NONE if there is none). */
    static Score score(List<CorpusItem> items, Supplier<FrameDetector> detectors) {
        Score score = new Score();
        short[] frame = new short[PcmFrame.SAMPLES];
        for (CorpusItem item : items) {
            FrameDetector detector = detectors.get();
            Detection.AmdDecision decision = null;
            short[] pcm = item.pcm();
            for (int i = 0; i + PcmFrame.SAMPLES <= pcm.length && decision == null; i += PcmFrame.SAMPLES) {
                System.arraycopy(pcm, i, frame, 0, PcmFrame.SAMPLES);
                Optional<Detection> d = detector.onFrame(frame);
                if (d.isPresent()) {
                    decision = (Detection.AmdDecision) d.get();
                }
            }
            score.add(item, decision);
        }
        return score;
    }

    /** Scores of one detector on one corpus. */
    static final class Score {
        final Map<Label, Map<String, Integer>> matrix = new TreeMap<>();
        final List<Double> humanAfterGreeting = new ArrayList<>();
        final List<Double> machineAfterAnswer = new ArrayList<>();
        final Map<String, Integer> causes = new TreeMap<>();
        final List<String> wrong = new ArrayList<>();

        void add(CorpusItem item, Detection.AmdDecision d) {
            String decided = d == null ? "NONE" : d.outcome().name();
            matrix.computeIfAbsent(item.label(), k -> new TreeMap<>()).merge(decided, 1, Integer::sum);
            if (d != null) {
                causes.merge(item.label() + " -> " + d.outcome() + " (" + d.cause() + ")", 1, Integer::sum);
            }
            if (!decided.equals(item.label().name())) {
                wrong.add(item.id() + " (" + item.description() + "): " + d);
            } else if (d.outcome() == AmdOutcome.HUMAN) {
                humanAfterGreeting.add(d.at().toMillis() - item.greetingEndMillis());
            } else {
                machineAfterAnswer.add((double) d.at().toMillis());
            }
        }

        double accuracy(Label label) {
            Map<String, Integer> row = matrix.getOrDefault(label, Map.of());
            int total = row.values().stream().mapToInt(Integer::intValue).sum();
            return total == 0 ? Double.NaN : row.getOrDefault(label.name(), 0) / (double) total;
        }

        double accuracy() {
            int right = 0;
            int total = 0;
            for (Map.Entry<Label, Map<String, Integer>> row : matrix.entrySet()) {
                total += row.getValue().values().stream().mapToInt(Integer::intValue).sum();
                right += row.getValue().getOrDefault(row.getKey().name(), 0);
            }
            return right / (double) total;
        }

        static double percentile(List<Double> values, double p) {
            if (values.isEmpty()) {
                return Double.NaN;
            }
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        String format() {
            StringBuilder out = new StringBuilder();
            out.append("| truth \\ decided | HUMAN | MACHINE | NOT_SURE | NONE | right |\n|---|---|---|---|---|---|\n");
            for (Map.Entry<Label, Map<String, Integer>> row : matrix.entrySet()) {
                out.append("| ").append(row.getKey()).append(" |");
                for (String c : List.of("HUMAN", "MACHINE", "NOT_SURE", "NONE")) {
                    out.append(' ').append(row.getValue().getOrDefault(c, 0)).append(" |");
                }
                out.append(String.format(" %.1f %% |%n", 100 * accuracy(row.getKey())));
            }
            out.append(String.format("%nall: %.1f %% right; human decided after end of greeting p50 %.0f ms, p95 %.0f ms"
                            + " (n=%d); machine decided after answer p50 %.0f ms, p95 %.0f ms (n=%d)%n",
                    100 * accuracy(), percentile(humanAfterGreeting, 0.5), percentile(humanAfterGreeting, 0.95),
                    humanAfterGreeting.size(), percentile(machineAfterAnswer, 0.5),
                    percentile(machineAfterAnswer, 0.95), machineAfterAnswer.size()));
            out.append("causes: ").append(causes).append('\n');
            if (!wrong.isEmpty() && Boolean.getBoolean("amd.showWrong")) {
                wrong.forEach(w -> out.append("  wrong: ").append(w).append('\n'));
            }
            return out.toString();
        }
    }
}
