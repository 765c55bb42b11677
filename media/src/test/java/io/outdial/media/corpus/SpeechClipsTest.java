package io.outdial.media.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Answering machine detection on speech it was not tuned on: text-to-speech greetings (espeak-ng, four voices) instead
 * of the corpus generator's synthetic talkers, with line noise, beeps on half the machines, and the silence after.
 */
class SpeechClipsTest {

    @Test
    void spokenGreetingsAreToldApartQuickly() throws Exception {
        Path dir = Paths.get("target", "speech-clips").toAbsolutePath();
        List<CorpusItem> clips = SpeechClips.generate(dir, 5);
        DetectionBenchmark.Report report = DetectionBenchmark.run(clips);
        String shown = report.format(5, clips.size());
        System.out.print(shown);
        assertTrue(report.amdAccuracy() >= 0.95, "AMD accuracy at least 95 %:\n" + shown);
        assertTrue(report.accuracy(Label.HUMAN) >= 0.9, shown);
        assertTrue(report.accuracy(Label.MACHINE) >= 0.9, shown);
        assertTrue(report.latencyPercentile(Label.HUMAN, 0.5) <= 1000,
                "a person is connected within 1 s of the end of the greeting (p50):\n" + shown);
    }
}
