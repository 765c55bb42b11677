package io.outdial.media.detect;

import io.outdial.media.corpus.Signal;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaxDetectorTest {

    private static Optional<Detection> detect(Signal s) {
        return s.feed(new FaxDetector());
    }

    @Test
    void cedIsDetectedAfterHalfASecondAtTheEdgesOfItsTolerance() {
        for (double hz : new double[]{2085, 2100, 2115}) {
            Detection d = detect(Signal.create().silence(300).tone(3000, -20, hz).noise(-50, 1)).orElseThrow();
            assertEquals(FaxTone.CED, ((Detection.FaxDetected) d).tone(), "at " + hz);
            assertTrue(d.at().toMillis() >= 800 && d.at().toMillis() <= 840, () -> "at " + d.at());
        }
    }

    @Test
    void ansamWithPhaseReversalsIsDetectedAsAnsam() {
        Detection d = detect(Signal.create().silence(200).modulatedTone(3000, -15, 2100, 15, 0.2, true).noise(-45, 2))
                .orElseThrow();
        assertEquals(FaxTone.ANSAM, ((Detection.FaxDetected) d).tone());
    }

    @Test
    void shortTwentyOneHundredHertzBeepIsNoFax() {
        assertTrue(detect(Signal.create().tone(400, -15, 2100).silence(1000)).isEmpty());
    }

    @Test
    void toneJustLongerThanTheMinimumIsFax() {
        assertTrue(detect(Signal.create().tone(540, -15, 2100).silence(500)).isPresent());
    }

    @Test
    void beepsRingbackAndCallingToneAreNoFax() {
        assertTrue(detect(Signal.create().tone(1500, -15, 2000).silence(500)).isEmpty(), "2000 Hz");
        assertTrue(detect(Signal.create().tone(1500, -15, 2150).silence(500)).isEmpty(), "2150 Hz");
        assertTrue(detect(Signal.create().tone(2000, -15, 440, 480).silence(500)).isEmpty(), "ringback");
        assertTrue(detect(Signal.create().tone(500, -15, 1100).silence(3000).tone(500, -15, 1100)).isEmpty(), "CNG");
    }
}
