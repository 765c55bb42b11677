package io.outdial.media.corpus;

/** Special information tones as networks send them: three segments, then an announcement (here: silence). */
public final class SitTones {

    public static final double LOW_1 = 913.8;
    public static final double HIGH_1 = 985.2;
    public static final double LOW_2 = 1370.6;
    public static final double HIGH_2 = 1428.5;
    public static final double THIRD = 1776.7;
    public static final double SHORT = 274;
    public static final double LONG = 380;

    private SitTones() {
    }

    /** Nominal segment 1 and 2 (frequency, duration) of each class, in the order NC, IC, VC, RO. */
    public static double[] nominal(String code) {
        return switch (code) {
            case "NC" -> new double[]{HIGH_1, LONG, HIGH_2, LONG};
            case "IC" -> new double[]{LOW_1, SHORT, LOW_2, SHORT};
            case "VC" -> new double[]{HIGH_1, LONG, LOW_2, SHORT};
            case "RO" -> new double[]{LOW_1, SHORT, HIGH_2, LONG};
            default -> throw new IllegalArgumentException(code);
        };
    }

    /** A SIT with the given segments at {@code levelDbfs}, with some silence before and after it. */
    public static Signal sit(double f1, double d1, double f2, double d2, double f3, double d3, double levelDbfs) {
        return Signal.create().silence(300)
                .tone(d1, levelDbfs, f1).tone(d2, levelDbfs, f2).tone(d3, levelDbfs, f3)
                .silence(600);
    }

    public static Signal nominalSit(String code, double levelDbfs) {
        double[] s = nominal(code);
        return sit(s[0], s[1], s[2], s[3], THIRD, LONG, levelDbfs);
    }
}
