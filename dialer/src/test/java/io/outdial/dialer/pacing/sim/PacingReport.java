package io.outdial.dialer.pacing.sim;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints simulated runs as the Markdown table of docs/benchmarks.md. */
public final class PacingReport {
    /** One row: a scenario run under one pacing. */
    public record Row(Scenario scenario, String pacing, SimulationResult result) { }

    private final PrintStream out;

    public PacingReport(PrintStream out) {
        this.out = out;
    }

    /** Prints a header naming the world the rows share, then one line per row. */
    public void print(String title, List<Row> rows) {
        out.println(title);
        out.println();
        out.println("| agents | live answer | pacing | busy min / agent-h | avg wait (s) | abandoned worst day "
                + "| abandoned run | calls / agent-h | dials / agent-h |");
        out.println("|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            SimulationResult r = row.result();
            out.println(String.format(Locale.ROOT, "| %d | %.0f %% | %s | %.1f | %.1f | %.2f %% | %.2f %% | %.1f | %.1f |",
                    row.scenario().agents(), row.scenario().liveRate() * 100, row.pacing(), r.busyMinutesPerHour(),
                    r.averageWaitSeconds(), r.worstDayRate() * 100, r.runRate() * 100, r.callsPerAgentHour(),
                    r.dials() / Math.max(1e-9, r.availableHours())));
        }
        out.println();
    }
}
