package io.outdial.media.corpus;

import io.outdial.media.detect.AmdOutcome;
import io.outdial.media.detect.AnsweringMachineDetector;
import io.outdial.media.detect.Detection;
import io.outdial.media.detect.FaxDetector;
import io.outdial.media.detect.PcmFrame;
import io.outdial.media.detect.SilenceDetector;
import io.outdial.media.detect.SitDetector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streams a generated corpus frame by frame through the detectors, as fast as they go, and prints a confusion
 * matrix, the accuracy per class and the AMD decision latency from the end of the greeting. Not a test: see
 * docs/benchmarks.md for the command and the figures.
 *
 * <p>Early-media items (SIT, ringback) go through the {@link SitDetector}; answered items through fax, silence and
 * answering-machine detection at once, as the gateway will run them: the first of fax, silence or a HUMAN/MACHINE
 * verdict decides; a NOT_SURE verdict stands only if nothing else comes by the end of the item. The SIT detector also
 * reads every answered item, to count false alarms.
 *
 * <p>Arguments: seed (default 1), items per class (default 50; human and machine get twice as many).
 */
public final class DetectionBenchmark {

    static final String NONE = "NONE";
    static final String NOT_SURE = "NOT_SURE";

    private DetectionBenchmark() {
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        int perClass = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        List<CorpusItem> corpus = new CorpusGenerator(seed).generate(perClass);
        Report report = run(corpus);
        System.out.print(report.format(seed, perClass));
    }

    /** How items reach the detectors: in process, or as RTP through the media engine ({@link RtpDetectionBenchmark}). */
    interface Classifier {
        Outcome earlyMedia(CorpusItem item);

        Outcome answered(CorpusItem item);
    }

    /** Frames straight into the detectors, as fast as they go. */
    static final Classifier IN_PROCESS = new Classifier() {
        @Override
        public Outcome earlyMedia(CorpusItem item) {
            return DetectionBenchmark.earlyMedia(item);
        }

        @Override
        public Outcome answered(CorpusItem item) {
            return DetectionBenchmark.answered(item);
        }
    };

    /** Runs every item in process and gathers the scores. */
    public static Report run(List<CorpusItem> corpus) {
        return run(corpus, IN_PROCESS);
    }

    /** Runs every item through {@code classifier} and gathers the scores. */
    static Report run(List<CorpusItem> corpus, Classifier classifier) {
        Report report = new Report();
        long start = System.nanoTime();
        long frames = 0;
        for (CorpusItem item : corpus) {
            frames += item.pcm().length / PcmFrame.SAMPLES;
            Outcome outcome = item.label().isEarlyMedia() ? classifier.earlyMedia(item) : classifier.answered(item);
            report.add(item, outcome);
            if (!item.label().isEarlyMedia() && earlyMedia(item).predicted.startsWith("SIT_")) {
                report.falseSit++;
            }
        }
        report.audioSeconds = frames * PcmFrame.MILLIS / 1000.0;
        report.wallSeconds = (System.nanoTime() - start) / 1e9;
        return report;
    }

    record Outcome(String predicted, Detection detection) {
    }

    /** The early-media verdict from what the SIT detector reported (nothing, or one tone). */
    static Outcome decideEarly(List<Detection> detections) {
        for (Detection d : detections) {
            if (d instanceof Detection.SitDetected sit) {
                return new Outcome("SIT_" + sit.sitClass().name(), d);
            }
        }
        return new Outcome(NONE, null);
    }

    /**
     * The answered verdict from what fax, silence and AMD detection reported, in the order they reported it: the
     * first fax, silence or HUMAN/MACHINE verdict decides; NOT_SURE stands only if nothing else came.
     */
    static Outcome decideAnswered(List<Detection> detections) {
        Outcome notSure = null;
        for (Detection d : detections) {
            if (d instanceof Detection.FaxDetected) {
                return new Outcome(Label.FAX.name(), d);
            }
            if (d instanceof Detection.SilenceDetected) {
                return new Outcome(Label.SILENCE.name(), d);
            }
            if (d instanceof Detection.AmdDecision decision) {
                if (decision.outcome() != AmdOutcome.NOT_SURE) {
                    return new Outcome(decision.outcome().name(), decision);
                }
                if (notSure == null) {
                    notSure = new Outcome(NOT_SURE, decision);
                }
            }
        }
        return notSure != null ? notSure : new Outcome(NONE, null);
    }

    static Outcome earlyMedia(CorpusItem item) {
        Optional<Detection> d = Signal.feed(new SitDetector(), item.pcm());
        return d.map(x -> new Outcome("SIT_" + ((Detection.SitDetected) x).sitClass().name(), x))
                .orElse(new Outcome(NONE, null));
    }

    static Outcome answered(CorpusItem item) {
        FaxDetector fax = new FaxDetector();
        SilenceDetector silence = new SilenceDetector();
        AnsweringMachineDetector amd = new AnsweringMachineDetector();
        Outcome notSure = null;
        short[] frame = new short[PcmFrame.SAMPLES];
        short[] pcm = item.pcm();
        for (int i = 0; i + PcmFrame.SAMPLES <= pcm.length; i += PcmFrame.SAMPLES) {
            System.arraycopy(pcm, i, frame, 0, PcmFrame.SAMPLES);
            Optional<Detection> f = fax.onFrame(frame);
            if (f.isPresent()) {
                return new Outcome(Label.FAX.name(), f.get());
            }
            Optional<Detection> s = silence.onFrame(frame);
            if (s.isPresent()) {
                return new Outcome(Label.SILENCE.name(), s.get());
            }
            Optional<Detection> a = amd.onFrame(frame);
            if (a.isPresent()) {
                Detection.AmdDecision decision = (Detection.AmdDecision) a.get();
                if (decision.outcome() != AmdOutcome.NOT_SURE) {
                    return new Outcome(decision.outcome().name(), decision);
                }
                notSure = new Outcome(NOT_SURE, decision);
            }
        }
        return notSure != null ? notSure : new Outcome(NONE, null);
    }

    /** Scores of one run. */
    public static final class Report {
        final Map<Label, Map<String, Integer>> matrix = new EnumMap<>(Label.class);
        final Map<Label, List<Double>> latencyMillis = new EnumMap<>(Label.class);
        final Map<String, Integer> causes = new LinkedHashMap<>();
        final List<String> wrong = new ArrayList<>();
        int falseSit;
        double audioSeconds;
        double wallSeconds;

        void add(CorpusItem item, Outcome outcome) {
            matrix.computeIfAbsent(item.label(), k -> new LinkedHashMap<>()).merge(outcome.predicted, 1, Integer::sum);
            String right = item.label() == Label.RINGBACK ? NONE : item.label().name();
            if (!outcome.predicted.equals(right)) {
                wrong.add(item.id() + " (" + item.description() + "): " + outcome.detection);
            }
            if (outcome.detection instanceof Detection.AmdDecision d) {
                causes.merge(item.label() + " -> " + d.outcome() + " (" + d.cause() + ")", 1, Integer::sum);
                if (item.label().name().equals(d.outcome().name())) {
                    latencyMillis.computeIfAbsent(item.label(), k -> new ArrayList<>())
                            .add(d.at().toMillis() - item.greetingEndMillis());
                }
            }
        }

        /** Share of items of this label classified as their label. */
        public double accuracy(Label label) {
            Map<String, Integer> row = matrix.getOrDefault(label, Map.of());
            int total = row.values().stream().mapToInt(Integer::intValue).sum();
            String right = label == Label.RINGBACK ? NONE : label.name();
            return total == 0 ? Double.NaN : row.getOrDefault(right, 0) / (double) total;
        }

        /** AMD accuracy over human and machine items together. */
        public double amdAccuracy() {
            int right = 0;
            int total = 0;
            for (Label l : List.of(Label.HUMAN, Label.MACHINE)) {
                Map<String, Integer> row = matrix.getOrDefault(l, Map.of());
                total += row.values().stream().mapToInt(Integer::intValue).sum();
                right += row.getOrDefault(l.name(), 0);
            }
            return right / (double) total;
        }

        public double latencyPercentile(Label label, double p) {
            List<Double> values = latencyMillis.getOrDefault(label, List.of());
            if (values.isEmpty()) {
                return Double.NaN;
            }
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        String format(long seed, int perClass) {
            List<String> columns = new ArrayList<>();
            for (Map<String, Integer> row : matrix.values()) {
                for (String c : row.keySet()) {
                    if (!columns.contains(c)) {
                        columns.add(c);
                    }
                }
            }
            columns.sort(null);
            StringBuilder out = new StringBuilder();
            out.append(String.format("corpus seed %d, %d per class; %.0f s of audio in %.2f s (%.0fx real time)%n%n",
                    seed, perClass, audioSeconds, wallSeconds, audioSeconds / wallSeconds));
            out.append("| truth \\ decided | ").append(String.join(" | ", columns)).append(" | accuracy |\n");
            out.append("|---|").append("---|".repeat(columns.size())).append("---|\n");
            for (Map.Entry<Label, Map<String, Integer>> row : matrix.entrySet()) {
                out.append("| ").append(row.getKey()).append(" |");
                for (String c : columns) {
                    Integer n = row.getValue().get(c);
                    out.append(' ').append(n == null ? "" : n.toString()).append(" |");
                }
                out.append(String.format(" %.1f %% |%n", 100 * accuracy(row.getKey())));
            }
            out.append(String.format("%nAMD accuracy (human + machine): %.1f %%%n", 100 * amdAccuracy()));
            for (Label l : List.of(Label.HUMAN, Label.MACHINE)) {
                out.append(String.format("%s decision after end of greeting: p50 %.0f ms, p95 %.0f ms (n=%d)%n", l,
                        latencyPercentile(l, 0.5), latencyPercentile(l, 0.95),
                        latencyMillis.getOrDefault(l, List.of()).size()));
            }
            out.append("SIT false alarms on answered items: ").append(falseSit).append('\n');
            out.append("\nAMD causes:\n");
            causes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
            out.append("\nMisclassified:\n");
            wrong.forEach(w -> out.append("  ").append(w).append('\n'));
            return out.toString();
        }
    }

}
