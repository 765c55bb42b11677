package io.outdial.media.detect;

import io.outdial.media.corpus.Signal;
import io.outdial.media.corpus.Talker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SilenceDetectorTest {

    @Test
    void quietLineIsSilentAfterTheTimeout() {
        Detection d = Signal.create().silence(8000).noise(-60, 1).feed(new SilenceDetector()).orElseThrow();
        assertEquals(5000, d.at().toMillis());
    }

    @Test
    void noisyLineWithoutSpeechIsSilentToo() {
        Detection d = Signal.create().silence(8000).noise(-38, 2).feed(new SilenceDetector()).orElseThrow();
        // the first 80 ms, before a noise floor exists, count as speech when this loud
        assertTrue(d.at().toMillis() >= 5000 && d.at().toMillis() <= 5080, () -> "at " + d.at());
    }

    @Test
    void speechRestartsTheCount() {
        Signal s = Signal.create().silence(3000);
        Talker.random(new SplittableRandom(1)).phrase(s, 2, 60, 100);
        s.silence(4000).noise(-60, 3);
        assertTrue(s.feed(new SilenceDetector()).isEmpty());
    }

    @Test
    void timeoutIsConfigurable() {
        Detection d = Signal.create().silence(3000).feed(
                new SilenceDetector(Duration.ofSeconds(2), VoiceActivitySettings.DEFAULTS)).orElseThrow();
        assertEquals(2000, d.at().toMillis());
    }
}
