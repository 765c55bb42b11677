package io.outdial.dialer;

import io.outdial.bridge.AgentBridgeServer;
import io.outdial.bridge.BridgeSecurity;
import io.outdial.dialer.security.SecurityRecorder;
import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.core.exec.SystemScheduler;
import io.outdial.core.exec.WorkerPools;
import io.outdial.dialer.agent.AgentSipAccounts;
import io.outdial.dialer.call.Dialing;
import io.outdial.dialer.campaign.CampaignState;
import io.outdial.dialer.cluster.LeaseKeeper;
import io.outdial.dialer.cluster.SharedCampaignState;
import io.outdial.dialer.config.GatewayConfig;
import io.outdial.dialer.store.CallingListStore;
import io.outdial.dialer.store.ClaimSettings;
import io.outdial.media.transport.NettyMediaEngine;
import io.outdial.sip.ua.JainSipUserAgent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
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
    private LeaseKeeper leaseKeeper;
    private SharedCampaignState sharedState;
    private NettyMediaEngine media;
    private JainSipUserAgent userAgent;
    private Dialer parts;
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

    /**
     * Passwords set through the admin API before this start (kept as HA1s in the store) take the place of the
     * configured ones; a stored one for another realm than the registrar's, or for an agent no longer configured,
     * is not used.
     */
    private void restoreSipPasswords(GatewayConfig config, AgentSipAccounts accounts) {
        java.util.Set<String> configured = new java.util.HashSet<>();
        config.agents().forEach(a -> configured.add(a.id()));
        store.sipPasswords().all(accounts.realm()).forEach((agent, ha1) -> {
            if (configured.contains(agent)) {
                accounts.restore(agent, ha1);
                LOG.info("agent {}: SIP password as last set through the admin API", agent);
            }
        });
    }

    private void startParts(GatewayConfig config) {
        this.store = CallingListStore.open(config.database().url(), config.database().user(),
                config.database().password(), config.database().poolSize(), config.dialing().defaultTimeZone(),
                config.dialing().defaultCallingHours(), new ClaimSettings(config.database().cluster().gatewayId(),
                        config.database().cluster().leaseDuration()));
        config.campaigns().forEach(c -> store.doNotCall().customerIdField(c.name(), c.dnc().customerIdField()));
        int recovered = store.recoverRetrieved();
        if (recovered > 0) {
            LOG.warn("{} records were left Retrieved by an earlier run of this gateway: settled", recovered);
        }
        this.leaseKeeper = LeaseKeeper.start(store.leases());
        this.media = NettyMediaEngine.start(config.toMediaConfig());
        AgentSipAccounts accounts = new AgentSipAccounts(config.sip().registrar().realm());
        config.agents().forEach(a -> accounts.password(a.id(), a.sipPassword()));
        restoreSipPasswords(config, accounts);
        this.userAgent = JainSipUserAgent.start(config.toSipConfig(), media, workers, scheduler,
                config.sip().registrar(), accounts);
        this.parts = new Dialer(config, store, media, userAgent, workers, database, scheduler, accounts);
        this.sharedState = SharedCampaignState.start(store.campaignControl(), config.database().cluster().gatewayId(),
                parts.campaigns(), parts.executor(), config.database().cluster().statePoll(),
                parts::shareAbandonmentLedgers);
        parts.admin().onCampaignAction(sharedState::published);
        this.bridge = AgentBridgeServer.start(config.toBridgeConfig(),
                new io.outdial.dialer.cti.MeasuredDesk(parts.desk(), parts.metrics()), parts.admin(),
                parts.metrics()::scrape, new BridgeSecurity(config.http().auth(), parts.passwordChecks(),
                        new SecurityRecorder(store.auditTrail(), database, parts.metrics())));
        warnAboutAccess(config);
        parts.liveStats().start();
    }

    private static void warnAboutAccess(GatewayConfig config) {
        var auth = config.http().auth();
        if (auth.openLab()) {
            LOG.warn("http.auth.openLab is true: the API, /metrics and the supervisor page need NO login (lab only)");
        } else if (auth.users().isEmpty() && auth.tokens().isEmpty()) {
            LOG.warn("no http.auth.users or tokens: nobody can use the API or the supervisor page (see"
                    + " docs/security.md)");
        }
    }

    /** The routes of the HTTP server with the access each asks (tests walk them). */
    public java.util.List<io.outdial.bridge.http.Route> httpRoutes() {
        return bridge.routes();
    }

    /** Starts everything, imports configured calling lists into empty campaigns, and applies autoLoad/autoStart. */
    public static Gateway start(GatewayConfig config) {
        Gateway g = new Gateway(config);
        try {
            g.parts.importConfiguredLists();
            g.onDialer(g.parts::startCampaignsAndPhoneAgents).join();
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
        LOG.info("gateway up: SIP {}:{} (udp) / {} (tcp), HTTP {}:{}, {} agents, {} campaigns",
                config.sip().host(), config.sip().udpPort(), config.sip().tcpPort(), config.http().host(),
                g.httpPort(), g.parts.roster().all().size(), g.parts.campaigns().all().size());
        return g;
    }

    private CompletableFuture<Void> onDialer(Runnable work) {
        return CompletableFuture.runAsync(work, parts.executor());
    }

    public int httpPort() {
        return bridge.port();
    }

    public CallingListStore store() {
        return store;
    }

    public Dialing dialing() {
        return parts.dialing();
    }

    /** The live call of an interaction, campaign or preview, looked up on the dialer executor; any thread. */
    public CompletableFuture<java.util.Optional<io.outdial.dialer.call.TransferableCall>> findCall(String ix) {
        return CompletableFuture.supplyAsync(() -> parts.dialing().assignments().callOf(ix),
                parts.executor());
    }

    /** A campaign's state on this gateway, read on the dialer executor; any thread. */
    public CampaignState campaignState(String campaign) {
        return CompletableFuture.supplyAsync(() -> parts.campaigns().find(campaign).map(c -> c.state())
                .orElseThrow(), parts.executor()).join();
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
        if (sharedState != null) {
            steps.add(sharedState::close); // follow no other gateway's campaign moves while stopping
        }
        if (parts != null) {
            steps.add(() -> {
                onDialer(() -> {
                    parts.callbackSweep().stop();
                }).join();
                parts.liveStats().stop();
                onDialer(() -> parts.campaigns().all().forEach(c -> {
                    if (c.state() != CampaignState.UNLOADED) {
                        parts.campaigns().apply(c.name(), CampaignAction.UNLOAD);
                    }
                })).join();
                parts.dialing().dropAll();
                parts.preview().dropAll();
                awaitQuietly(parts.dialing().idle(), 10, "calls still up after 10 s: the SIP stack will end them");
                awaitQuietly(parts.preview().idle(), 10,
                        "preview calls still up after 10 s: the SIP stack will end them");
            });
        }
        if (bridge != null) {
            steps.add(bridge::close);
        }
        if (userAgent != null) {
            steps.add(userAgent::close);
        }
        if (parts != null) {
            steps.add(() -> {
                awaitQuietly(parts.dialing().idle(), 5, "calls still up after the SIP stack stopped");
                awaitQuietly(parts.dialing().finishInteractions(), 10, "store writes still running after 10 s");
            });
        }
        if (parts != null) {
            // Bounded: a halted gateway's dialer executor runs nothing any more.
            steps.add(() -> awaitQuietly(onDialer(parts.browserPhones()::close), 5,
                    "browser phones not closed within 5 s (the dialer executor is stopped or busy)"));
        }
        if (media != null) {
            steps.add(media::close);
        }
        if (parts != null) {
            steps.add(parts.metrics()::close);
            steps.add(parts.passwordChecks()::close);
        }
        steps.add(() -> {
            database.shutdown();
            try {
                database.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (leaseKeeper != null) {
            steps.add(leaseKeeper::close);
        }
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

    /**
     * Stops at once, as a killed process would (tests of a gateway dying, ADR 0016): no lease renewal, no store
     * write (the pool closes first, so results of calls still up are never written), then SIP, HTTP and media go
     * without hanging anything up in order. Its leased records are left for the other gateways to reclaim.
     */
    public void halt() {
        LOG.warn("halting gateway {} abruptly: its leased records stay for the other gateways",
                config.database().cluster().gatewayId());
        List<Runnable> steps = new ArrayList<>();
        if (sharedState != null) {
            steps.add(sharedState::close);
        }
        if (leaseKeeper != null) {
            steps.add(leaseKeeper::close);
        }
        if (store != null) {
            steps.add(store::close);
        }
        steps.add(() -> database.shutdownNow());
        if (userAgent != null) {
            steps.add(userAgent::close);
        }
        if (bridge != null) {
            steps.add(bridge::close);
        }
        if (parts != null) {
            // Bounded: a halted gateway's dialer executor runs nothing any more.
            steps.add(() -> awaitQuietly(onDialer(parts.browserPhones()::close), 5,
                    "browser phones not closed within 5 s (the dialer executor is stopped or busy)"));
        }
        if (media != null) {
            steps.add(media::close);
        }
        steps.add(scheduler::close);
        steps.add(() -> workers.shutdownNow());
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.warn("while halting: {}", e.toString());
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
