package io.outdial.dialer.pacing.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DurationEstimatorTest {

    @Test
    void usesAnExponentialWithThePriorMeanUntilEnoughSamples() {
        DurationEstimator d = new DurationEstimator(180, 1000, 30);
        d.add(10);
        assertEquals(180, d.mean(), 1e-9);
        assertEquals(1 - Math.exp(-1), d.cdf(180), 1e-9);
    }

    @Test
    void convergesOnTheMeanAndQuantilesOfAnExponentialStream() {
        DurationEstimator d = new DurationEstimator(60, 1000, 30);
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 5_000; i++) {
            d.add(-180 * Math.log(1 - r.nextDouble()));
        }
        assertEquals(180, d.mean(), 20);
        assertEquals(180 * Math.log(2), d.quantile(0.5), 20);
        assertEquals(1 - Math.exp(-2), d.cdf(360), 0.04);
    }

    @Test
    void forgetsSamplesOlderThanItsWindow() {
        DurationEstimator d = new DurationEstimator(30, 200, 30);
        for (int i = 0; i < 1_000; i++) {
            d.add(100);
        }
        for (int i = 0; i < 400; i++) {
            d.add(20);
        }
        assertEquals(20, d.mean(), 1e-9);
    }
}
