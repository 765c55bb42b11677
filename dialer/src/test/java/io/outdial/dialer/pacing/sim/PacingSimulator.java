package io.outdial.dialer.pacing.sim;

import io.outdial.dialer.pacing.PacingSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The pacing benchmark: runs every scenario of the table under progressive (1 line per free agent) and predictive
 * pacing and prints the Markdown table. Not a test: see docs/benchmarks.md for the command and the figures.
 *
 * <p>Arguments (all optional): {@code --days N} (5), {@code --agents 5,10,20,50,100},
 * {@code --rates 0.15,0.30,0.50}, {@code --talk exp|lognormal} (exp), {@code --threads N} (cores).
 */
public final class PacingSimulator {
    private PacingSimulator() { }

    public static void main(String[] args) throws Exception {
        int days = 5;
        int[] agents = {5, 10, 20, 50, 100};
        double[] rates = {0.15, 0.30, 0.50};
        String talk = "exp";
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--days" -> days = Integer.parseInt(args[i + 1]);
                case "--agents" -> agents = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--rates" -> rates = Arrays.stream(args[i + 1].split(",")).mapToDouble(Double::parseDouble)
                        .toArray();
                case "--talk" -> talk = args[i + 1];
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (int a : agents) {
            for (double r : rates) {
                Scenario s = Scenario.standard(a, r, days);
                if (talk.equals("lognormal")) {
                    s = s.withTimes(s.liveRing(), Distribution.lognormal(180, 120), s.wrap());
                }
                scenarios.add(s);
            }
        }
        long started = System.nanoTime();
        List<PacingReport.Row> rows = run(scenarios, threads);
        Scenario first = scenarios.get(0);
        new PacingReport(System.out).print(String.format(
                "%d simulated days of %.0f h per scenario; talk %s s, wrap-up %s s, live ring %s s, machines %.0f %%, "
                        + "busy %.0f %%, ring timeout %.0f s, breaks %s; %.1f s wall clock",
                days, first.shiftHours(), first.talk(), first.wrap(), first.liveRing(), first.machineRate() * 100,
                first.busyRate() * 100, first.ringTimeout(), first.breaks() ? "2 x 15 min + 30 min" : "none",
                (System.nanoTime() - started) / 1e9), rows);
    }

    /** Runs each scenario progressive and predictive, {@code threads} at a time; rows in scenario order. */
    public static List<PacingReport.Row> run(List<Scenario> scenarios, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<PacingReport.Row>> futures = new ArrayList<>();
            for (Scenario s : scenarios) {
                futures.add(pool.submit(() -> new PacingReport.Row(s, "progressive",
                        new CallCentreSimulation(s, PacingSettings.progressive(1)).run())));
                futures.add(pool.submit(() -> new PacingReport.Row(s, "predictive",
                        new CallCentreSimulation(s, PacingSettings.predictive()).run())));
            }
            List<PacingReport.Row> rows = new ArrayList<>();
            for (Future<PacingReport.Row> f : futures) {
                rows.add(f.get());
            }
            return rows;
        } finally {
            pool.shutdown();
        }
    }
}
