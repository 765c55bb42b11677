package io.outdial.media.bench;

import io.outdial.media.corpus.Signal;
import io.outdial.media.corpus.SitTones;
import io.outdial.media.corpus.Talker;
import io.outdial.media.detect.AmdSettings;
import io.outdial.media.detect.AnsweringMachineDetector;
import io.outdial.media.detect.BeepDetector;
import io.outdial.media.detect.FaxDetector;
import io.outdial.media.detect.FrameDetector;
import io.outdial.media.detect.SilenceDetector;
import io.outdial.media.detect.SitDetector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * CPU cost of one 20 ms frame in each detector. The frames cycle through 20 s of mixed audio (speech, a SIT, a beep,
 * a fax tone, silence, noise throughout) so every branch of each state machine is taken; a detector that has
 * reported is reset, so it never idles in its "done" state. {@code amd} is the default (accurate) mode,
 * {@code amd-fast} the fast mode; {@code amd-speech} runs the accurate mode on 20 s of speech with hardly a pause, the
 * worst case, since the pitch is computed only on frames of speech.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class DetectorBenchmark {

    @Param({"sit", "fax", "beep", "silence", "amd", "amd-fast", "amd-speech"})
    public String detector;

    private FrameDetector under;
    private short[][] frames;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        under = switch (detector) {
            case "sit" -> new SitDetector();
            case "fax" -> new FaxDetector();
            case "beep" -> new BeepDetector();
            case "silence" -> new SilenceDetector();
            case "amd" -> new AnsweringMachineDetector();
            case "amd-fast" -> new AnsweringMachineDetector(AmdSettings.FAST);
            case "amd-speech" -> new AnsweringMachineDetector();
            default -> throw new IllegalArgumentException(detector);
        };
        Signal audio = Signal.create().silence(700);
        Talker talker = Talker.random(new SplittableRandom(3));
        talker.phrase(audio, 12, 60, 200);
        audio.silence(400).tone(500, -15, 1000).silence(1500);
        double[] sit = SitTones.nominal("VC");
        audio.tone(sit[1], -24, sit[0]).tone(sit[3], -24, sit[2]).tone(380, -24, SitTones.THIRD).silence(800);
        audio.tone(3000, -15, 2100).silence(6000).noise(-55, 9);
        if (detector.equals("amd-speech")) {
            // the worst case: every frame speech, so the pitch is computed on each
            audio = Signal.create();
            while (audio.lengthMillis() < 20_000) {
                talker.phrase(audio, 12, 20, 40);
            }
            audio.noise(-55, 9);
        }
        List<short[]> list = audio.frames();
        frames = list.toArray(new short[0][]);
    }

    @Benchmark
    public Optional<?> frame() {
        short[] frame = frames[next];
        next = next + 1 == frames.length ? 0 : next + 1;
        Optional<?> d = under.onFrame(frame);
        if (d.isPresent()) {
            under.reset();
        }
        return d;
    }
}
