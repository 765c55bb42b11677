package io.outdial.media.detect;

import io.outdial.media.corpus.Signal;
import io.outdial.media.corpus.Talker;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PitchTrackerTest {

    private static double lastPitch(Signal s) {
        PitchTracker tracker = new PitchTracker();
        double hz = 0;
        for (short[] frame : s.frames()) {
            hz = tracker.onFrame(frame);
        }
        return hz;
    }

    @Test
    void voicedVowelGivesItsPitch() {
        for (double f0 : new double[]{90, 140, 220}) {
            Talker talker = new Talker(new SplittableRandom(1), f0, 1, -20);
            Signal s = Signal.create();
            double[] vowel = talker.glide(400, f0, f0);
            // the middle of the vowel, away from its envelope's edges
            s.append(java.util.Arrays.copyOfRange(vowel, 0, 1600));
            double hz = lastPitch(s);
            // the tracker may report an octave below or above: the contour folds those
            double folded = hz;
            while (folded > f0 * 1.41) {
                folded /= 2;
            }
            while (folded > 0 && folded < f0 / 1.41) {
                folded *= 2;
            }
            assertEquals(f0, folded, f0 * 0.08, "tracked " + hz + " Hz for " + f0);
        }
    }

    @Test
    void noiseIsUnvoiced() {
        assertEquals(0, lastPitch(Signal.create().silence(100).noise(-30, 7)));
        assertEquals(0, lastPitch(Signal.create().silence(100)));
    }

    @Test
    void contourRisesForAQuestionAndNotForAStatement() {
        assertTrue(contour(100, 135) > 1.2);
        assertTrue(contour(130, 95) < 1.05);
    }

    @Test
    void contourFoldsOctaveErrorsAndIgnoresStrays() {
        PitchContour c = new PitchContour();
        for (double hz : List.of(100.0, 50.0, 101.0, 200.0, 100.0, 400.0, 99.0, 100.0, 0.0, 98.0, 100.0, 101.0)) {
            c.add(hz);
        }
        assertEquals(1, c.endRise(), 0.05);
    }

    private static double contour(double fromHz, double toHz) {
        Talker talker = new Talker(new SplittableRandom(2), fromHz, 1, -20);
        Signal s = Signal.create();
        s.append(talker.glide(500, fromHz, toHz));
        PitchTracker tracker = new PitchTracker();
        PitchContour c = new PitchContour();
        for (short[] frame : s.frames()) {
            c.add(tracker.onFrame(frame));
        }
        return c.endRise();
    }
}
