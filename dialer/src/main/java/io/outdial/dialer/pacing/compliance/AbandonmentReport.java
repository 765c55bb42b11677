package io.outdial.dialer.pacing.compliance;

import java.time.LocalDate;

/** Abandonment figures of a campaign for one day and the rolling window ending that day, machines reported apart. */
public record AbandonmentReport(LocalDate day, AbandonmentLedger.DayCounts today, AbandonmentLedger.DayCounts window,
        ComplianceSettings settings) {

    /** Live people AMD probably hung up on today: machine verdicts x the assumed false-positive rate. */
    public double dayEstimatedAmdFalsePositives() {
        return today.machines() * settings.amdFalsePositiveRate();
    }

    /** The same estimate over the window. */
    public double windowEstimatedAmdFalsePositives() {
        return window.machines() * settings.amdFalsePositiveRate();
    }

    /** Today's abandoned / live answered (with AMD false positives when the settings count them). */
    public double dayRate() {
        return rate(today, dayEstimatedAmdFalsePositives());
    }

    /** The window's abandoned / live answered. */
    public double windowRate() {
        return rate(window, windowEstimatedAmdFalsePositives());
    }

    /** Abandoned calls today could still take without going over the limit (negative when over). */
    public double daySlack() {
        return slack(today, dayEstimatedAmdFalsePositives());
    }

    /** The same for the window. */
    public double windowSlack() {
        return slack(window, windowEstimatedAmdFalsePositives());
    }

    private double counted(AbandonmentLedger.DayCounts c, double falsePositives) {
        return c.abandoned() + (settings.countAmdFalsePositives() ? falsePositives : 0);
    }

    private double rate(AbandonmentLedger.DayCounts c, double falsePositives) {
        // A false positive was a live person too: counted as abandoned, it joins the denominator.
        double live = c.liveAnswered() + (settings.countAmdFalsePositives() ? falsePositives : 0);
        return live == 0 ? 0 : counted(c, falsePositives) / live;
    }

    private double slack(AbandonmentLedger.DayCounts c, double falsePositives) {
        double live = c.liveAnswered() + (settings.countAmdFalsePositives() ? falsePositives : 0);
        return settings.abandonLimit() * live - counted(c, falsePositives);
    }
}
