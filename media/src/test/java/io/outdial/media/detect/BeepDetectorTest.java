package io.outdial.media.detect;

import io.outdial.media.corpus.Signal;
import io.outdial.media.corpus.Talker;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BeepDetectorTest {

    private static Optional<Detection> detect(Signal s) {
        return s.feed(new BeepDetector());
    }

    @Test
    void beepsAcrossTheRangeAreDetectedWithTheirFrequencyWhenTheyEnd() {
        for (double hz : new double[]{400, 420, 440, 1000, 1400, 2000}) {
            Detection d = detect(Signal.create().silence(500).tone(600, -18, hz).silence(500).noise(-55, 3))
                    .orElseThrow(() -> new AssertionError("no beep at " + hz));
            Detection.BeepDetected beep = (Detection.BeepDetected) d;
            assertEquals(hz, beep.frequencyHz(), hz * 0.01);
            assertTrue(d.at().toMillis() >= 1100 && d.at().toMillis() <= 1140, () -> "at " + d.at());
        }
    }

    @Test
    void beepLengthsInsideTheRangeAreBeepsAndOutsideAreNot() {
        assertTrue(detect(Signal.create().silence(100).tone(240, -18, 1000).silence(300)).isPresent(), "240 ms");
        assertTrue(detect(Signal.create().silence(100).tone(1450, -18, 1000).silence(300)).isPresent(), "1450 ms");
        assertTrue(detect(Signal.create().silence(100).tone(150, -18, 1000).silence(300)).isEmpty(), "150 ms");
        assertTrue(detect(Signal.create().silence(100).tone(1700, -18, 1000).silence(300)).isEmpty(), "1700 ms");
    }

    @Test
    void tonesOutsideTheFrequencyRangeAreNoBeep() {
        assertTrue(detect(Signal.create().tone(600, -18, 350).silence(300)).isEmpty(), "350 Hz");
        assertTrue(detect(Signal.create().tone(600, -18, 2100).silence(300)).isEmpty(), "2100 Hz (fax)");
    }

    @Test
    void dualToneAndSpeechAreNoBeep() {
        assertTrue(detect(Signal.create().tone(1000, -18, 440, 480).silence(300)).isEmpty(), "ringback");
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 20; i++) {
            Signal speech = Signal.create().silence(200);
            Talker.random(random).phrase(speech, 6, 60, 200);
            assertTrue(detect(speech.silence(300).noise(-55, i)).isEmpty(), "speech " + i);
        }
    }
}
