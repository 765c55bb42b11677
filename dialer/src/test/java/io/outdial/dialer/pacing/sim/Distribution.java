package io.outdial.dialer.pacing.sim;

import java.util.SplittableRandom;

/** A duration distribution of the simulated world (seconds), named so the report can say what it ran. */
public interface Distribution {

    /** One draw, in seconds. */
    double sample(SplittableRandom random);

    /** Exponential with the given mean. */
    static Distribution exponential(double mean) {
        return named("exp(" + fmt(mean) + ")", r -> -mean * Math.log(1 - r.nextDouble()));
    }

    /** Lognormal with the given mean and standard deviation (not those of the underlying normal). */
    static Distribution lognormal(double mean, double sd) {
        double s2 = Math.log(1 + (sd * sd) / (mean * mean));
        double mu = Math.log(mean) - s2 / 2;
        double s = Math.sqrt(s2);
        return named("lognormal(" + fmt(mean) + "," + fmt(sd) + ")", r -> Math.exp(mu + s * gaussian(r)));
    }

    /** Uniform between {@code low} and {@code high}. */
    static Distribution uniform(double low, double high) {
        return named("uniform(" + fmt(low) + "," + fmt(high) + ")", r -> low + (high - low) * r.nextDouble());
    }

    /** Always {@code value}. */
    static Distribution fixed(double value) {
        return named(fmt(value), r -> value);
    }

    /** Gamma-like sum of {@code k} exponentials (Erlang) with the given mean: less spread than an exponential. */
    static Distribution erlang(int k, double mean) {
        return named("erlang(" + k + "," + fmt(mean) + ")", r -> {
            double sum = 0;
            for (int i = 0; i < k; i++) {
                sum += -Math.log(1 - r.nextDouble());
            }
            return sum * mean / k;
        });
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static Distribution named(String name, Distribution d) {
        return new Distribution() {
            @Override
            public double sample(SplittableRandom random) {
                return d.sample(random);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
