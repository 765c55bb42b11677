package io.outdial.media.detect;

import io.outdial.media.corpus.Signal;
import io.outdial.media.corpus.SitTones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static io.outdial.media.corpus.SitTones.HIGH_1;
import static io.outdial.media.corpus.SitTones.HIGH_2;
import static io.outdial.media.corpus.SitTones.LONG;
import static io.outdial.media.corpus.SitTones.LOW_1;
import static io.outdial.media.corpus.SitTones.LOW_2;
import static io.outdial.media.corpus.SitTones.SHORT;
import static io.outdial.media.corpus.SitTones.THIRD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SitDetectorTest {

    private static final double LEVEL = -24;

    private static Optional<Detection> detect(Signal signal) {
        return signal.feed(new SitDetector());
    }

    private static SitClass classOf(Signal signal) {
        Optional<Detection> d = detect(signal);
        assertTrue(d.isPresent(), "no SIT detected");
        return ((Detection.SitDetected) d.get()).sitClass();
    }

    @ParameterizedTest
    @CsvSource({"NC, NO_CIRCUIT", "IC, OPERATOR_INTERCEPT", "VC, VACANT_CODE", "RO, REORDER"})
    void nominalToneOfEachCodeGetsItsClass(String code, SitClass expected) {
        assertEquals(expected, classOf(SitTones.nominalSit(code, LEVEL)));
    }

    @ParameterizedTest
    @CsvSource({"NC, NO_CIRCUIT", "IC, OPERATOR_INTERCEPT", "VC, VACANT_CODE", "RO, REORDER"})
    void everyCornerOfTheToleranceKeepsTheClass(String code, SitClass expected) {
        double[] s = SitTones.nominal(code);
        for (double df : new double[]{-0.002, 0.002}) {
            for (double dd : new double[]{-0.05, 0.05}) {
                for (int startMs : new int[]{0, 7, 13}) {
                    Signal sit = Signal.create().silence(startMs).tone(s[1] * (1 + dd), LEVEL, s[0] * (1 + df))
                            .tone(s[3] * (1 - dd), LEVEL, s[2] * (1 - df))
                            .tone(LONG * (1 + dd), LEVEL, THIRD * (1 + df)).silence(500);
                    assertEquals(expected, classOf(sit), () -> code + " df " + df + " dd " + dd + " at " + startMs);
                }
            }
        }
    }

    @Test
    void classIsKeptInNoiseTwentyDecibelsBelowTheTone() {
        for (long seed = 1; seed <= 5; seed++) {
            assertEquals(SitClass.VACANT_CODE, classOf(SitTones.nominalSit("VC", LEVEL).noise(LEVEL - 20, seed)));
        }
    }

    @Test
    void frequencyJustOutsideTheToleranceMakesAnUnknownSit() {
        // 0.4 % off: beyond +-0.2 % and the 1 Hz measurement margin, well inside E.180's +-50 Hz
        assertEquals(SitClass.UNKNOWN, classOf(SitTones.sit(LOW_1 * 1.004, SHORT, LOW_2, SHORT, THIRD, LONG, LEVEL)));
        assertEquals(SitClass.UNKNOWN, classOf(SitTones.sit(HIGH_1, LONG, HIGH_2 * 0.996, LONG, THIRD, LONG, LEVEL)));
        assertEquals(SitClass.UNKNOWN, classOf(SitTones.sit(HIGH_1, LONG, HIGH_2, LONG, THIRD * 1.004, LONG, LEVEL)));
    }

    @Test
    void durationBetweenShortAndLongMakesAnUnknownSit() {
        // 274 + 5 % = 287.7 ms and 380 - 5 % = 361 ms: 300 and 350 ms fit neither
        assertEquals(SitClass.UNKNOWN, classOf(SitTones.sit(LOW_1, 300, LOW_2, SHORT, THIRD, LONG, LEVEL)));
        assertEquals(SitClass.UNKNOWN, classOf(SitTones.sit(HIGH_1, 350, HIGH_2, LONG, THIRD, LONG, LEVEL)));
        assertEquals(SitClass.UNKNOWN, classOf(SitTones.sit(HIGH_1, LONG, HIGH_2, LONG, THIRD, 345, LEVEL)));
    }

    @Test
    void ituSitOfNineteenFiftyFourteenHundredAndEighteenHundredIsUnknown() {
        assertEquals(SitClass.UNKNOWN, classOf(SitTones.sit(950, 330, 1400, 330, 1800, 330, LEVEL)));
        assertEquals(SitClass.UNKNOWN, classOf(SitTones.sit(905, 265, 1445, 395, 1845, 330, LEVEL)));
    }

    @Test
    void segmentsOutsideTheE180RangesAreNoSit() {
        assertTrue(detect(SitTones.sit(LOW_1, 240, LOW_2, SHORT, THIRD, LONG, LEVEL)).isEmpty(), "240 ms");
        assertTrue(detect(SitTones.sit(HIGH_1, 420, HIGH_2, LONG, THIRD, LONG, LEVEL)).isEmpty(), "420 ms");
        assertTrue(detect(SitTones.sit(880, SHORT, LOW_2, SHORT, THIRD, LONG, LEVEL)).isEmpty(), "880 Hz");
    }

    @Test
    void segmentsInTheWrongOrderAreNoSit() {
        assertTrue(detect(SitTones.sit(THIRD, LONG, LOW_2, SHORT, LOW_1, SHORT, LEVEL)).isEmpty());
        assertTrue(detect(SitTones.sit(LOW_1, SHORT, THIRD, LONG, LOW_2, SHORT, LEVEL)).isEmpty());
    }

    @Test
    void twoSegmentsAloneAreNoSit() {
        assertTrue(detect(Signal.create().tone(SHORT, LEVEL, LOW_1).tone(SHORT, LEVEL, LOW_2).silence(1000)).isEmpty());
    }

    @Test
    void ringbackSilenceAndNoiseAreNoSit() {
        Signal us = Signal.create();
        Signal eu = Signal.create();
        for (int i = 0; i < 3; i++) {
            us.tone(2000, -20, 440, 480).silence(4000);
            eu.tone(1000, -20, 425).silence(4000);
        }
        assertTrue(detect(us).isEmpty(), "US ringback");
        assertTrue(detect(eu).isEmpty(), "EU ringback");
        assertTrue(detect(Signal.create().silence(5000)).isEmpty(), "silence");
        assertTrue(detect(Signal.create().silence(5000).noise(-30, 7)).isEmpty(), "noise");
    }

    @Test
    void toneBelowTheMinimumLevelIsIgnored() {
        assertTrue(detect(SitTones.nominalSit("NC", -50)).isEmpty());
    }

    @Test
    void detectionComesAtTheEndOfTheThirdSegment() {
        Detection d = detect(SitTones.nominalSit("IC", LEVEL)).orElseThrow();
        double end = 300 + SHORT + SHORT + LONG;
        assertTrue(d.at().toMillis() >= end && d.at().toMillis() <= end + 40, () -> "at " + d.at());
    }

    @Test
    void resetArmsTheDetectorAgain() {
        SitDetector detector = new SitDetector();
        short[] pcm = SitTones.nominalSit("RO", LEVEL).pcm();
        assertTrue(Signal.feed(detector, pcm).isPresent());
        assertTrue(Signal.feed(detector, pcm).isEmpty(), "reports once");
        detector.reset();
        assertTrue(Signal.feed(detector, pcm).isPresent());
    }
}
