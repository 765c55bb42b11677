package io.outdial.dialer.stats;

import io.outdial.core.exec.Continuations;
import io.outdial.core.exec.Cancellable;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Scheduler;
import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.dialer.metrics.DialerMetrics.MeterFigures;
import io.outdial.dialer.pacing.compliance.ComplianceSettings;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.store.AbandonmentDay;
import io.outdial.dialer.store.CallingListStore;
import io.outdial.dialer.store.GatewayPresence;
import io.outdial.dialer.store.StoreAccess;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's live view ({@code GET /api/stats}) and its last hour ({@code GET /api/stats/history}): the
 * meters of {@link io.outdial.dialer.metrics.DialerMetrics}, the campaigns' states and plans (read on the dialer
 * executor) and the stored abandonment ledger and record counts (read on the database pool). A sample is taken
 * every {@link #INTERVAL} into a one-hour {@link StatsHistory}.
 */
public final class LiveStats {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStats.class);
    /** How often the history takes a sample. */
    public static final Duration INTERVAL = Duration.ofSeconds(5);
    /** How much history is kept. */
    public static final Duration SPAN = Duration.ofHours(1);

    /** A gateway whose report is older than this is shown as not reporting (stopped, cut off, or dead). */
    public static final Duration PRESENCE_LAPSE = INTERVAL.multipliedBy(3);

    private final CallExecutor dialer;
    private final Scheduler clock;
    private final StoreAccess store;
    private final DialerMetrics metrics;
    private final Campaigns campaigns;
    private final ZoneId zone;
    private final AgentRoster roster;
    private final String gatewayId;
    private final StatsHistory history = new StatsHistory(SPAN);
    private volatile Cancellable next;
    private volatile boolean stopped;

    /**
     * @param zone      the time zone of "today" (the abandonment ledger's days: {@code dialing.defaultTimeZone})
     * @param roster    this gateway's agents, reported with its calls to the store for the other gateways' views
     * @param gatewayId this gateway's name in the store ({@code database.cluster.gatewayId})
     */
    public LiveStats(CallExecutor dialer, Scheduler clock, StoreAccess store, DialerMetrics metrics,
                     Campaigns campaigns, ZoneId zone, AgentRoster roster, String gatewayId) {
        this.dialer = dialer;
        this.clock = clock;
        this.store = store;
        this.metrics = metrics;
        this.campaigns = campaigns;
        this.zone = zone;
        this.roster = roster;
        this.gatewayId = gatewayId;
    }

    /** Starts sampling: a first sample now, then one every {@link #INTERVAL}. */
    public void start() {
        sampleThenReschedule();
    }

    /** Stops sampling. */
    public void stop() {
        stopped = true;
        Cancellable n = next;
        if (n != null) {
            n.cancel();
        }
    }

    private void sampleThenReschedule() {
        if (stopped) {
            return;
        }
        current().whenComplete(Continuations.logged("LiveStats.sample", (view, failure) -> {
            if (failure != null) {
                LOG.warn("statistics sample failed: {}", failure.toString());
            }
            if (!stopped) {
                next = clock.schedule(INTERVAL, this::sampleThenReschedule);
            }
        })).thenAccept(view -> history.add((StatsSample) view.get("sample")));
    }

    /** The samples of the last hour, for {@code GET /api/stats/history}. */
    public Map<String, Object> history() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intervalSeconds", INTERVAL.toSeconds());
        m.put("samples", history.samples());
        return m;
    }

    /** The live figures now: completes on the database pool. The map's "sample" entry is the chart point. */
    public CompletableFuture<Map<String, Object>> current() {
        return CompletableFuture.supplyAsync(this::onDialer, dialer)
                .thenCompose(snapshot -> store.query(db -> withStore(snapshot, db)));
    }

    /** What lives on the dialer executor: campaign states and plans, the meters. */
    private Snapshot onDialer() {
        List<CampaignFigures> list = new ArrayList<>();
        for (Campaign c : campaigns.all()) {
            ComplianceSettings rules = c.plan().pacing().compliance();
            list.add(new CampaignFigures(c.name(), c.state().statusName(), c.plan().dialingModeLabel(),
                    c.plan().paced() ? c.plan().pacing().method().name() : null,
                    c.plan().paced() ? c.plan().pacing().target() : null, rules.abandonLimit(), rules.windowDays()));
        }
        List<GatewayPresence.Agent> agents = roster.all().stream().filter(a -> a.state() != AgentState.LOGGED_OUT)
                .map(a -> new GatewayPresence.Agent(a.id(), a.state().wireName()))
                .sorted(java.util.Comparator.comparing(GatewayPresence.Agent::id)).toList();
        return new Snapshot(clock.now(), metrics.figures(), list, agents);
    }

    private record CampaignFigures(String name, String status, String dialingMode, String optimization,
                                   Double target, double abandonLimit, int windowDays) { }

    private record Snapshot(Instant at, MeterFigures meters, List<CampaignFigures> campaigns,
                            List<GatewayPresence.Agent> agents) { }

    /** Adds the stored figures (database pool) and shapes the answer. */
    private Map<String, Object> withStore(Snapshot s, CallingListStore db) {
        LocalDate today = LocalDate.ofInstant(s.at(), zone);
        long liveToday = 0;
        long abandonedToday = 0;
        double dialedAll = 0;
        double finishedAll = 0;
        double answeredAll = 0;
        Map<String, Double> resultsAll = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        double busySum = 0;
        int busyCount = 0;
        for (CampaignFigures c : s.campaigns()) {
            long live = 0;
            long abandoned = 0;
            long liveDay = 0;
            long abandonedDay = 0;
            for (AbandonmentDay d : db.ledger().abandonmentDays(c.name(),
                    today.minusDays(c.windowDays() - 1L))) {
                live += d.liveAnswered();
                abandoned += d.abandoned();
                if (d.day().equals(today)) {
                    liveDay = d.liveAnswered();
                    abandonedDay = d.abandoned();
                }
            }
            liveToday += liveDay;
            abandonedToday += abandonedDay;
            Map<String, Double> results = s.meters().results().getOrDefault(c.name(), Map.of());
            double finished = results.values().stream().mapToDouble(Double::doubleValue).sum();
            double answered = results.getOrDefault(CallResult.ANSWER.name(), 0.0);
            double dialed = s.meters().dialed().getOrDefault(c.name(), 0.0);
            results.forEach((k, v) -> resultsAll.merge(k, v, Double::sum));
            dialedAll += dialed;
            finishedAll += finished;
            answeredAll += answered;
            Double busy = s.meters().busyFactor().get(c.name());
            if (busy != null) {
                busySum += busy;
                busyCount++;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", c.name());
            row.put("status", c.status());
            row.put("dialingMode", c.dialingMode());
            row.put("optimization", c.optimization());
            row.put("target", c.target());
            row.put("dialed", dialed);
            row.put("finished", finished);
            row.put("answerRate", ratio(answered, finished));
            row.put("abandonmentToday", ratio(abandonedDay, liveDay));
            row.put("abandonmentWindow", ratio(abandoned, live));
            row.put("abandonmentWindowDays", c.windowDays());
            row.put("abandonLimit", c.abandonLimit());
            row.put("busyFactor", busy);
            row.put("results", results);
            Map<String, Integer> records = new LinkedHashMap<>();
            db.countByStatus(c.name()).forEach((status, n) -> records.put(status.name(), n));
            row.put("records", records);
            rows.add(row);
        }
        double perMinute = history.dialsPerMinute(s.at(), dialedAll);
        StatsSample sample = new StatsSample(s.at(), s.meters().callsInProgress(), dialedAll, finishedAll, answeredAll,
                perMinute, ratio(answeredAll, finishedAll), ratio(abandonedToday, liveToday),
                busyCount == 0 ? null : busySum / busyCount);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", s.at().toString());
        m.put("callsInProgress", sample.callsInProgress());
        m.put("dialsPerMinute", perMinute);
        m.put("answerRate", sample.answerRate());
        m.put("abandonmentToday", sample.abandonmentToday());
        m.put("busyFactor", sample.busyFactor());
        m.put("agents", s.meters().agents());
        m.put("results", resultsAll);
        m.put("campaigns", rows);
        m.put("gateways", gateways(s, db));
        m.put("sample", sample);
        return m;
    }

    /**
     * Reports this gateway's agents and calls to the store, then reads every gateway's last report (database pool).
     * A store that cannot be written or read leaves this gateway's own entry only, marked so.
     */
    private List<Map<String, Object>> gateways(Snapshot s, CallingListStore db) {
        GatewayPresence.Entry own = new GatewayPresence.Entry(gatewayId, s.at(), s.meters().callsInProgress(),
                s.agents());
        List<GatewayPresence.Entry> all;
        boolean shared = true;
        try {
            db.presence().report(own);
            all = db.presence().all();
        } catch (RuntimeException e) {
            LOG.warn("gateway presence not shared: {}", e.toString());
            all = List.of(own);
            shared = false;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (GatewayPresence.Entry e : all) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("gatewayId", e.gatewayId());
            g.put("self", e.gatewayId().equals(gatewayId));
            g.put("seenAt", e.seenAt().toString());
            g.put("reporting", !e.seenAt().isBefore(s.at().minus(PRESENCE_LAPSE)));
            g.put("shared", shared);
            g.put("callsInProgress", e.callsInProgress());
            g.put("agents", e.agents());
            out.add(g);
        }
        return out;
    }

    private static double ratio(double part, double whole) {
        return whole <= 0 ? 0 : part / whole;
    }
}
