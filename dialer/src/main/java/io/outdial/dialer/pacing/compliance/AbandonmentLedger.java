package io.outdial.dialer.pacing.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's abandonment record: live answers, abandoned calls and AMD machine verdicts per calendar day, from
 * which the rate of the current day and of the rolling 30-day window are read, and the "slack" the pacer may still
 * spend without the rate going over the limit.
 *
 * <p>The rate is abandoned / live answered (FTC/FCC and Ofcom both divide by live answers). When
 * {@code countAmdFalsePositives} is set (UK practice), the expected number of live people that AMD wrongly called a
 * machine (machine verdicts x the assumed false-positive rate) counts as abandoned too.
 */
public final class AbandonmentLedger {
    /** Counts of one calendar day. */
    public record DayCounts(long liveAnswered, long abandoned, long machines) {
        DayCounts plus(long live, long aband, long machine) {
            return new DayCounts(liveAnswered + live, abandoned + aband, machines + machine);
        }
    }

    private final ComplianceSettings settings;
    private final ZoneId zone;
    private final TreeMap<LocalDate, DayCounts> days = new TreeMap<>();

    public AbandonmentLedger(ComplianceSettings settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
    }

    /**
     * Takes a day's stored counts (from the store: after a restart, so the 30-day window survives it; and every few
     * seconds when several gateways add to the same stored counts, ADR 0016). Each count becomes the larger of the
     * stored and the local one: the store holds every gateway's calls, the local ledger also this gateway's last
     * calls whose writes may not have landed yet.
     */
    public void restore(LocalDate day, DayCounts counts) {
        days.merge(day, counts, (local, stored) -> new DayCounts(Math.max(local.liveAnswered, stored.liveAnswered),
                Math.max(local.abandoned, stored.abandoned), Math.max(local.machines, stored.machines)));
    }

    /** A contact answered and was classified a live person (whether or not an agent gets it). */
    public void liveAnswered(Instant at) {
        add(at, 1, 0, 0);
    }

    /** A live-answered contact got no agent within the connect window (the safe-harbour message played). */
    public void abandoned(Instant at) {
        add(at, 0, 1, 0);
    }

    /** AMD classified an answered call as a machine. */
    public void machineDetected(Instant at) {
        add(at, 0, 0, 1);
    }

    private void add(Instant at, long live, long aband, long machine) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        days.merge(day, new DayCounts(live, aband, machine), (a, b) -> a.plus(b.liveAnswered, b.abandoned, b.machines));
        // Only the window is ever read: drop what fell out of it.
        LocalDate oldest = day.minusDays(settings.windowDays() + 1L);
        while (!days.isEmpty() && days.firstKey().isBefore(oldest)) {
            days.pollFirstEntry();
        }
    }

    /** The figures of the day containing {@code now} and of the window of days ending with it. */
    public AbandonmentReport report(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        DayCounts day = days.getOrDefault(today, new DayCounts(0, 0, 0));
        DayCounts window = new DayCounts(0, 0, 0);
        for (Map.Entry<LocalDate, DayCounts> e : days.tailMap(today.minusDays(settings.windowDays() - 1L), true)
                .entrySet()) {
            if (!e.getKey().isAfter(today)) {
                DayCounts c = e.getValue();
                window = window.plus(c.liveAnswered, c.abandoned, c.machines);
            }
        }
        return new AbandonmentReport(today, day, window, settings);
    }

    /**
     * How many more abandoned calls the campaign could take right now and still be at or under the limit, for the day
     * and for the window (the smaller of the two). Negative when over.
     */
    public double slack(Instant now) {
        AbandonmentReport r = report(now);
        return Math.min(r.daySlack(), r.windowSlack());
    }

    /** The larger of the day's and the window's rate (0 before any live answer). */
    public double rate(Instant now) {
        AbandonmentReport r = report(now);
        return Math.max(r.dayRate(), r.windowRate());
    }
}
