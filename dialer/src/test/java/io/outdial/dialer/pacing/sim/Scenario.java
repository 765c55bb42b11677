package io.outdial.dialer.pacing.sim;

/**
 * One simulated campaign: its agents and their day, and how its contacts answer.
 *
 * @param agents agents on the shift
 * @param liveRate share of dials a live person answers
 * @param machineRate share of dials an answering machine answers (AMD then classifies it)
 * @param busyRate share of dials that fail fast (busy, SIT)
 * @param liveRing dial to live answer, seconds (kept under the ring timeout)
 * @param talk talk time
 * @param wrap wrap-up time
 * @param ringTimeout how long an unanswered call rings (at least 15 s by the rules)
 * @param amdSeconds how long AMD takes to call a machine
 * @param days simulated days
 * @param shiftHours length of each day's shift
 * @param breaks whether agents take two 15-minute breaks and a 30-minute lunch
 * @param seed the random seed (same seed, same run)
 */
public record Scenario(int agents, double liveRate, double machineRate, double busyRate, Distribution liveRing,
        Distribution talk, Distribution wrap, double ringTimeout, double amdSeconds, int days, double shiftHours,
        boolean breaks, long seed) {

    /** The benchmark's world: talk exp(180), wrap-up lognormal(30,10), ring lognormal(9,5), 15 % machines. */
    public static Scenario standard(int agents, double liveRate, int days) {
        return new Scenario(agents, liveRate, 0.15, 0.10, Distribution.lognormal(9, 5), Distribution.exponential(180),
                Distribution.lognormal(30, 10), 25, 3, days, 8, true, 1000L * agents + Math.round(liveRate * 100));
    }

    /** This scenario with other talk, wrap and ring distributions. */
    public Scenario withTimes(Distribution newRing, Distribution newTalk, Distribution newWrap) {
        return new Scenario(agents, liveRate, machineRate, busyRate, newRing, newTalk, newWrap, ringTimeout,
                amdSeconds, days, shiftHours, breaks, seed);
    }
}
