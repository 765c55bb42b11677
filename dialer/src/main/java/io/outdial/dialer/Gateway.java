package io.outdial.dialer;

import io.outdial.bridge.AgentBridgeServer;
import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.dialer.admin.AdminService;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentProfile;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.call.ProgressiveDialing;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.CampaignPlan;
import io.outdial.dialer.campaign.CampaignState;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.dialer.config.CampaignSettings;
import io.outdial.dialer.config.GatewayConfig;
import io.outdial.dialer.config.PreviewSettings;
import io.outdial.dialer.cti.CtiDesk;
import io.outdial.dialer.dnc.RecordSource;
import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.dialer.pacing.compliance.AbandonmentLedger;
import io.outdial.dialer.preview.InteractionPreviews;
import io.outdial.dialer.preview.PredictivePreview;
import io.outdial.dialer.preview.PreviewDesk;
import io.outdial.dialer.preview.ProgressivePreview;
import io.outdial.dialer.preview.PushPreviewDesk;
import io.outdial.dialer.recordinfo.RecordDesk;
import io.outdial.dialer.recordinfo.RecordFields;
import io.outdial.dialer.stats.LiveStats;
import io.outdial.dialer.store.AbandonmentDay;
import io.outdial.dialer.store.CallingListStore;
import io.outdial.dialer.store.ImportReport;
import io.outdial.dialer.treatment.CampaignTreatments;
import io.outdial.dialer.wrapup.CallbackSweep;
import io.outdial.dialer.wrapup.Dispositions;
import io.outdial.dialer.wrapup.RecordWork;
import io.outdial.dialer.wrapup.WrapUp;
import io.outdial.media.transport.NettyMediaEngine;
import io.outdial.sip.Transport;
import io.outdial.sip.call.CallExecutor;
import io.outdial.sip.call.SystemScheduler;
import io.outdial.sip.call.WorkerPools;
import io.outdial.sip.ua.JainSipUserAgent;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running gateway: store, media, SIP, dialer and the agent bridge, wired from one configuration. */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final GatewayConfig config;
    private final SystemScheduler scheduler = new SystemScheduler();
    private final ExecutorService workers = WorkerPools.start(4, "outdial-call");
    private final ExecutorService database;
    private CallingListStore store;
    private NettyMediaEngine media;
    private JainSipUserAgent userAgent;
    private AgentRoster roster;
    private Campaigns campaigns;
    private ProgressiveDialing dialing;
    private PreviewDesk preview;
    private CallbackSweep callbackSweep;
    private LiveStats liveStats;
    private DialerContext ctx;
    private AgentBridgeServer bridge;

    private Gateway(GatewayConfig config) {
        this.config = config;
        this.database = WorkerPools.start(config.database().poolSize(), "outdial-db");
        try {
            startParts(config);
        } catch (RuntimeException e) {
            // A port in use or a bad database: stop what did start, so the process can exit or retry cleanly.
            close();
            throw e;
        }
    }

    private void startParts(GatewayConfig config) {
        this.store = CallingListStore.open(config.database().url(), config.database().user(),
                config.database().password(), config.database().poolSize(), config.dialing().defaultTimeZone(),
                config.dialing().defaultCallingHours());
        config.campaigns().forEach(c -> store.doNotCall().customerIdField(c.name(), c.dnc().customerIdField()));
        int recovered = store.recoverRetrieved();
        if (recovered > 0) {
            LOG.warn("{} records were left Retrieved by an earlier run: back to Ready", recovered);
        }
        this.media = NettyMediaEngine.start(config.toMediaConfig());
        this.userAgent = JainSipUserAgent.start(config.toSipConfig(), media, workers, scheduler);
        this.roster = new AgentRoster(config.agents().stream()
                .map(a -> new AgentProfile(a.id(), a.secret(), a.phone(), a.autoReady(), a.wrapUp())).toList());
        this.campaigns = new Campaigns(config.campaigns().stream()
                .map(c -> new CampaignPlan(c.name(), c.description(), c.dialingMode(), c.agents(),
                        c.maxAttempts(), c.callingList(), c.autoLoad(), c.autoStart(), c.detection(), c.pacing(),
                        c.engageAgentFirst()))
                .toList(), roster);
        CallExecutor dialer = new CallExecutor("dialer", workers, scheduler);
        DialerMetrics metrics = new DialerMetrics(roster, media, userAgent);
        CampaignTreatments treatments = new CampaignTreatments(
                config.campaigns().stream().collect(Collectors.toMap(c -> c.name(), c -> c.treatments())),
                config.campaigns().stream().collect(Collectors.toMap(c -> c.name(), c -> c.maxAttempts())));
        RecordSource records = new RecordSource(store, database, scheduler, treatments,
                config.campaigns().stream().collect(Collectors.toMap(c -> c.name(), c -> c.dnc())));
        this.ctx = new DialerContext(dialer, workers, database, scheduler, store, userAgent, metrics,
                config.toTrunkConfig(), config.dialing().ringTimeout(), config.dialing().agentRingTimeout(),
                Transport.UDP, media, config.audio(), treatments, records,
                new RecordWork(config.campaigns().stream().collect(Collectors.toMap(c -> c.name(),
                        c -> new RecordWork.Rules(new RecordFields(c.work().recordFields()), c.work().callbacks(),
                                c.work().markDone(), c.work().resultRequiredBeforeTransfer(),
                                c.work().recordFollowsTransfer())))));
        this.dialing = new ProgressiveDialing(ctx, roster, campaigns.all(), config.dialing().defaultTimeZone());
        restoreAbandonmentLedgers(config);
        Map<String, PreviewSettings> previewSettings = config.campaigns().stream()
                .collect(java.util.stream.Collectors.toMap(CampaignSettings::name, CampaignSettings::preview));
        this.preview = new PreviewDesk(ctx, campaigns, dialing::pace, previewSettings);
        InteractionPreviews previews = new InteractionPreviews(ctx, dialing::pace);
        PushPreviewDesk push = new PushPreviewDesk(ctx, campaigns, roster, previews, preview, previewSettings);
        dialing.addPacer(push::paceNow);
        dialing.dialPreview(new ProgressivePreview(previews, previewSettings));
        dialing.setupLatencyLimit(config.dialing().setupLatencyLimit());
        dialing.answerPreview(new PredictivePreview(previews, previewSettings));
        Dispositions dispositions = new Dispositions(ctx, config.campaigns().stream()
                .collect(java.util.stream.Collectors.toMap(c -> c.name(), c -> c.dispositionCodes())));
        WrapUp wrapUp = new WrapUp(ctx, dispositions);
        dialing.afterResult(wrapUp::write);
        preview.addDoneStep(new PreviewDesk.DoneStep() {
            @Override
            public void check(Agent agent, io.outdial.dialer.agent.Interaction interaction) {
                wrapUp.check(agent, interaction);
            }

            @Override
            public CompletableFuture<Void> write(Agent agent, io.outdial.dialer.agent.Interaction interaction) {
                return wrapUp.write(agent, interaction);
            }
        });
        campaigns.dialing(new Campaigns.Dialing() {
            @Override
            public void started(Campaign campaign) {
                dialing.listChanged(campaign);
            }

            @Override
            public void stopped(Campaign campaign) {
                previews.withdrawOnStop(campaign); // direct push deliveries resume when it starts again
            }

            @Override
            public void unloaded(Campaign campaign) {
                dialing.dropCalls(campaign);
                preview.unloaded(campaign);
                previews.withdraw(campaign);
                push.campaignEnded(campaign);
            }
        });
        this.callbackSweep = new CallbackSweep(ctx, roster, campaigns, dialing::listChanged);
        this.liveStats = new LiveStats(ctx, campaigns, config.dialing().defaultTimeZone());
        this.bridge = AgentBridgeServer.start(config.toBridgeConfig(),
                new CtiDesk(dialer, roster, campaigns, dialing, preview, previews, push, wrapUp,
                        new RecordDesk(ctx), config.dialing().logoutDelayLimit()),
                new AdminService(ctx, campaigns, roster, dialing, liveStats), metrics::scrape);
        liveStats.start();
    }

    /** Seeds each paced campaign's abandonment ledger with its stored days, so a restart keeps its rates. */
    private void restoreAbandonmentLedgers(GatewayConfig config) {
        for (Campaign c : campaigns.all()) {
            if (!c.plan().paced()) {
                continue;
            }
            LocalDate today = LocalDate.ofInstant(scheduler.now(), config.dialing().defaultTimeZone());
            LocalDate from = today.minusDays(c.plan().pacing().compliance().windowDays());
            for (AbandonmentDay d : store.ledger().abandonmentDays(c.name(), from)) {
                dialing.restoreAbandonment(c.name(), d.day(),
                        new AbandonmentLedger.DayCounts(d.liveAnswered(), d.abandoned(), d.machines()));
            }
        }
    }

    /** Starts everything, imports configured calling lists into empty campaigns, and applies autoLoad/autoStart. */
    public static Gateway start(GatewayConfig config) {
        Gateway g = new Gateway(config);
        try {
            g.importConfiguredLists();
            g.onDialer(g::startCampaignsAndPhoneAgents).join();
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
        LOG.info("gateway up: SIP {}:{} (udp) / {} (tcp), HTTP {}:{}, {} agents, {} campaigns",
                config.sip().host(), config.sip().udpPort(), config.sip().tcpPort(), config.http().host(),
                g.httpPort(), g.roster.all().size(), g.campaigns.all().size());
        return g;
    }

    private void importConfiguredLists() {
        for (Campaign c : campaigns.all()) {
            var file = c.plan().callingList();
            if (file == null || !store.records(c.name()).isEmpty()) {
                continue;
            }
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                ImportReport report = store.importCsv(c.name(), in);
                LOG.info("campaign {}: imported {} records from {} ({} rejected)", c.name(), report.imported(), file,
                        report.rejected().size());
                report.rejected().forEach(r -> LOG.warn("{} line {}: {}", file, r.line(), r.reason()));
            } catch (IOException e) {
                throw new IllegalStateException("campaigns." + c.name() + ".callingList: cannot read " + file + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private void startCampaignsAndPhoneAgents() {
        for (Agent a : roster.all()) {
            if (a.profile().autoReady()) {
                a.moveTo(AgentState.READY, "PhoneOnlyAgent");
            }
        }
        for (Campaign c : campaigns.all()) {
            if (!c.plan().autoLoad()) {
                continue;
            }
            campaigns.apply(c.name(), CampaignAction.LOAD);
            if (c.plan().autoStart()) {
                campaigns.apply(c.name(), CampaignAction.START);
            }
        }
        dialing.pace();
        callbackSweep.start();
    }

    private CompletableFuture<Void> onDialer(Runnable work) {
        return CompletableFuture.runAsync(work, ctx.dialer());
    }

    public int httpPort() {
        return bridge.port();
    }

    public CallingListStore store() {
        return store;
    }

    public ProgressiveDialing dialing() {
        return dialing;
    }

    /** The live call of an interaction, campaign or preview, looked up on the dialer executor; any thread. */
    public CompletableFuture<java.util.Optional<io.outdial.dialer.call.TransferableCall>> findCall(String ix) {
        return CompletableFuture.supplyAsync(() -> dialing.callOf(ix)
                .map(io.outdial.dialer.call.TransferableCall.class::cast).or(() -> preview.callOf(ix)), ctx.dialer());
    }

    public JainSipUserAgent userAgent() {
        return userAgent;
    }

    public NettyMediaEngine media() {
        return media;
    }

    public GatewayConfig config() {
        return config;
    }

    /**
     * Stops dialing, hangs up every call (waiting a bounded time for the legs to end), marks done the interactions
     * agents had not finished, waits for the last store writes, then stops every part. Safe on a partly started
     * gateway.
     */
    @Override
    public void close() {
        List<Runnable> steps = new ArrayList<>();
        if (dialing != null) {
            steps.add(() -> {
                onDialer(() -> {
                    if (callbackSweep != null) {
                        callbackSweep.stop();
                    }
                }).join();
                if (liveStats != null) {
                    liveStats.stop();
                }
                onDialer(() -> campaigns.all().forEach(c -> {
                    if (c.state() != CampaignState.UNLOADED) {
                        campaigns.apply(c.name(), CampaignAction.UNLOAD);
                    }
                })).join();
                dialing.dropAll();
                preview.dropAll();
                awaitQuietly(dialing.idle(), 10, "calls still up after 10 s: the SIP stack will end them");
                awaitQuietly(preview.idle(), 10, "preview calls still up after 10 s: the SIP stack will end them");
            });
        }
        if (bridge != null) {
            steps.add(bridge::close);
        }
        if (userAgent != null) {
            steps.add(userAgent::close);
        }
        if (dialing != null) {
            steps.add(() -> {
                awaitQuietly(dialing.idle(), 5, "calls still up after the SIP stack stopped");
                awaitQuietly(dialing.finishInteractions(), 10, "store writes still running after 10 s");
            });
        }
        if (media != null) {
            steps.add(media::close);
        }
        steps.add(() -> {
            database.shutdown();
            try {
                database.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (store != null) {
            steps.add(store::close);
        }
        steps.add(scheduler::close);
        steps.add(workers::shutdown);
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
    }

    private static void awaitQuietly(CompletableFuture<Void> done, int seconds, String otherwise) {
        try {
            done.get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn(otherwise);
        }
    }
}
