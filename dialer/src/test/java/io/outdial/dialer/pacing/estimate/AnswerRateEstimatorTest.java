package io.outdial.dialer.pacing.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AnswerRateEstimatorTest {

    @Test
    void startsAtThePriorBeforeAnyDialResolves() {
        assertEquals(0.2, new AnswerRateEstimator(0.2, 50, 1000).probability(), 1e-12);
    }

    @Test
    void convergesOnTheLiveAnswerShareOfAKnownStream() {
        AnswerRateEstimator e = new AnswerRateEstimator(0.2, 50, 1000);
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            e.resolved(r.nextDouble() < 0.35);
        }
        assertEquals(0.35, e.probability(), 0.03);
    }

    @Test
    void followsAListWhoseAnswerRateDrops() {
        AnswerRateEstimator e = new AnswerRateEstimator(0.2, 50, 500);
        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < 5_000; i++) {
            e.resolved(r.nextDouble() < 0.5);
        }
        for (int i = 0; i < 5_000; i++) {
            e.resolved(r.nextDouble() < 0.1);
        }
        assertEquals(0.1, e.probability(), 0.03);
    }
}
