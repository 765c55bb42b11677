package io.outdial.dialer;

import io.outdial.dialer.store.StoreAccess;
import io.outdial.core.exec.WorkerPools;
import io.outdial.dialer.recording.CallRecordings;
import io.outdial.dialer.responses.StandardResponses;

import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Scheduler;
import io.outdial.bridge.auth.PasswordChecks;
import io.outdial.dialer.admin.AdminService;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentProfile;
import io.outdial.dialer.agent.PhoneDirectory;
import io.outdial.dialer.agent.AgentSipAccounts;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.call.CallPlacement;
import io.outdial.dialer.call.Dialing;
import io.outdial.dialer.call.ModeRecords;
import io.outdial.dialer.call.RecordWrites;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.CampaignPlan;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.dialer.config.CampaignSettings;
import io.outdial.dialer.config.GatewayConfig;
import io.outdial.dialer.config.RecordingSettings;
import io.outdial.dialer.trunk.Trunks;
import io.outdial.dialer.cti.CtiDesk;
import io.outdial.dialer.desk.CallbackSweep;
import io.outdial.dialer.desk.Dispositions;
import io.outdial.dialer.desk.RecordDesk;
import io.outdial.dialer.desk.WrapUp;
import io.outdial.dialer.dnc.RecordSource;
import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.dialer.pacing.compliance.AbandonmentLedger;
import io.outdial.dialer.preview.InteractionPreviews;
import io.outdial.dialer.preview.PredictivePreview;
import io.outdial.dialer.preview.PreviewDesk;
import io.outdial.dialer.preview.ProgressivePreview;
import io.outdial.dialer.preview.PushPreviewDesk;
import io.outdial.dialer.recordinfo.RecordFields;
import io.outdial.dialer.stats.LiveStats;
import io.outdial.dialer.store.AbandonmentDay;
import io.outdial.dialer.store.CallingListStore;
import io.outdial.dialer.store.ImportReport;
import io.outdial.dialer.treatment.CampaignTreatments;
import io.outdial.dialer.wrapup.RecordWork;
import io.outdial.dialer.browserphone.BrowserPhoneUserAgent;
import io.outdial.dialer.browserphone.BrowserPhones;
import io.outdial.media.MediaEngine;
import io.outdial.sip.SipUserAgent;
import io.outdial.sip.TrunkConfig;
import io.outdial.sip.Transport;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialer wired from one configuration: agents, campaigns, every dialing mode, wrap-up, the CTI desk and the admin
 * service, over a store, a SIP user agent, a media engine, executors and a clock that are given. {@link Gateway} gives
 * it the real ones and the network around it; a unit test gives it scripted legs, an in-memory store, direct
 * executors and virtual time.
 */
public final class Dialer {
    private static final Logger LOG = LoggerFactory.getLogger(Dialer.class);

    private final CallingListStore store;
    private final AgentRoster roster;
    private final Campaigns campaigns;
    private final CallExecutor dialer;
    private final DialerMetrics metrics;
    private final Dialing dialing;
    private final PreviewDesk preview;
    private final InteractionPreviews previews;
    private final PushPreviewDesk push;
    private final WrapUp wrapUp;
    private final CallbackSweep callbackSweep;
    private final LiveStats liveStats;
    private final CtiDesk desk;
    /** The agents' browser phones (issue 17); Gateway closes them. */
    private final BrowserPhones browserPhones;
    private final AdminService admin;
    /** The threads that check bcrypt hashes: agents' hashed secrets here, users' passwords in the bridge. */
    private final PasswordChecks passwordChecks = new PasswordChecks(2);
    private final CallRecordings recordings;
    private final StandardResponses responses;
    private final Runnable shareAbandonment;

    /**
     * @param workers  the pool call executors (and the dialer's own) run on
     * @param database the bounded pool store calls run on
     */
    public Dialer(GatewayConfig config, CallingListStore store, MediaEngine media, SipUserAgent userAgent,
                  Executor workers, Executor database, Scheduler scheduler) {
        this(config, store, media, userAgent, workers, database, scheduler,
                new AgentSipAccounts(config.sip().registrar().realm()));
    }

    /** @param accounts agents' SIP passwords (HA1s), shared with the registrar; the admin API changes them */
    public Dialer(GatewayConfig config, CallingListStore store, MediaEngine media, SipUserAgent userAgent,
                  Executor workers, Executor database, Scheduler scheduler, AgentSipAccounts accounts) {
        this.store = store;
        this.roster = new AgentRoster(config.agents().stream()
                .map(a -> new AgentProfile(a.id(), a.secret(), a.phone(), a.autoReady(), a.wrapUp())).toList());
        this.campaigns = new Campaigns(config.campaigns().stream().map(c -> plan(c, config.recording())).toList(),
                roster);
        PhoneDirectory phones = agentId -> userAgent.registrations().find(agentId).map(r -> r.dialUri());
        roster.directory(phones);
        this.dialer = new CallExecutor("dialer", workers, scheduler);
        // The browser phone's ICE candidate is where SIP peers are sent RTP too: rtp.advertisedAddress (behind NAT).
        this.browserPhones = new BrowserPhones(dialer, media,
                config.browserPhone().webRtc(config.rtp().advertisedAddress()), config.browserPhone().iceServers());
        this.metrics = new DialerMetrics(roster, media, userAgent);
        metrics.browserPhones(browserPhones::connectedCount, browserPhones::failures,
                browserPhones::checksRefused);
        browserPhones.reportTo(metrics.browserPhoneReports());
        metrics.rtpCapacity(config.toMediaConfig().portMin(), config.toMediaConfig().portMax());
        metrics.storePool(store::measurePool);
        config.campaigns().forEach(c -> metrics.campaign(c.name()));
        config.campaigns().forEach(c -> metrics.campaignAgents(c.name(), c.agents(), roster));
        CampaignTreatments treatments = new CampaignTreatments(campaigns::treatments, campaigns::maxAttempts);
        RecordSource records = new RecordSource(store, database, scheduler, treatments, campaigns);
        Map<String, TrunkConfig> trunkConfigs = new LinkedHashMap<>();
        config.trunks().forEach((name, t) -> trunkConfigs.put(name, t.toTrunkConfig()));
        Trunks trunks = Trunks.start(userAgent, trunkConfigs);
        campaigns.all().forEach(c -> trunks.refuseUnknownTrunk(c.name(), c.plan().trunkChoice()));
        trunks.all().forEach(metrics::trunkRegistration);
        SipUserAgent measured = new io.outdial.dialer.metrics.MeasuredUserAgent(
                new BrowserPhoneUserAgent(userAgent, browserPhones, media), metrics, scheduler);
        CallPlacement placement = new CallPlacement(measured, media, config.audio(), trunks,
                config.dialing().ringTimeout(), config.dialing().agentRingTimeout(), Transport.UDP, workers, scheduler);
        InteractionIds ids = new InteractionIds();
        StoreAccess storeAccess = new StoreAccess(store, database);
        Dispositions dispositions = new Dispositions(scheduler, storeAccess, campaigns::dispositionCodes);
        this.wrapUp = new WrapUp(scheduler, storeAccess, treatments, dispositions);
        ModeRecords modeRecords = new ModeRecords(records, ids,
                new RecordWrites(storeAccess, scheduler, treatments));
        this.dialing = new Dialing(dialer, metrics, placement, modeRecords, roster, campaigns.all(),
                config.dialing().defaultTimeZone(), wrapUp);
        trunks.onChange(dialing::pace);
        restoreAbandonmentLedgers(config, scheduler);
        this.shareAbandonment = () -> restoreAbandonmentLedgers(config, scheduler);
        this.preview = new PreviewDesk(dialer, dialing.placement(), records, ids, storeAccess,
                treatments, metrics, campaigns, dialing.writes(), dialing.afterCall(), dialing.assignments(),
                dialing::pace);
        this.previews = new InteractionPreviews(dialer, dialing.assignments(), dialing.writes(), dialing::pace);
        this.push = new PushPreviewDesk(dialer, records, ids, dialing.writes(), campaigns, roster,
                previews, preview);
        dialing.pushPreviews(push);
        dialing.dialPreview(new ProgressivePreview(previews));
        dialing.setupLatencyLimit(config.dialing().setupLatencyLimit());
        dialing.answerPreview(new PredictivePreview(previews));
        campaigns.lifecycle(new Campaigns.Lifecycle() {
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
        this.callbackSweep = new CallbackSweep(dialer, scheduler, storeAccess, roster, campaigns,
                dialing::listChanged);
        this.liveStats = new LiveStats(dialer, scheduler, storeAccess, metrics, campaigns,
                config.dialing().defaultTimeZone(), roster, config.database().cluster().gatewayId());
        this.recordings = new CallRecordings(config.recording(), campaigns, dialer, database, scheduler, store, media,
                metrics, recordingWriters(config));
        this.responses = new StandardResponses(store, database);
        this.desk = new CtiDesk(dialer, roster, campaigns, dialing, preview, previews, push, wrapUp,
                new RecordDesk(dialer, scheduler, storeAccess), config.dialing().logoutDelayLimit(), phones,
                passwordChecks, recordings, responses, browserPhones);
        this.admin = new AdminService(dialer, storeAccess, trunks, measured, campaigns, roster, dialing,
                liveStats, accounts);
        admin.interactionTools(new io.outdial.dialer.admin.RecordingsAdmin(dialer, scheduler, storeAccess, recordings,
                responses, campaigns));
    }

    /**
     * A configured campaign's plan: every section of its own, its record work rules, its trunk choice and its
     * recording policy included.
     */
    private static CampaignPlan plan(CampaignSettings c, RecordingSettings recording) {
        RecordWork.Rules rules = new RecordWork.Rules(new RecordFields(c.work().recordFields()), c.work().callbacks(),
                c.work().markDone(), c.work().resultRequiredBeforeTransfer(), c.work().recordFollowsTransfer());
        return CampaignPlan.builder(c.name(), c.dialingMode()).description(c.description()).agents(c.agents())
                .maxAttempts(c.maxAttempts()).callingList(c.callingList()).autoLoad(c.autoLoad())
                .autoStart(c.autoStart()).detection(c.detection()).pacing(c.pacing())
                .engageAgentFirst(c.engageAgentFirst()).callerIds(c.callerIds()).preview(c.preview()).work(rules)
                .dispositionCodes(c.dispositionCodes()).treatments(c.treatments()).dnc(c.dnc()).trunk(c.trunk())
                .recording(recording.policyOf(c.name())).build();
    }

    /** The threads recording files are written on: daemon, so that they never hold the JVM up. */
    private static Executor recordingWriters(GatewayConfig config) {
        // Started with the first recording: a dialer that records nothing (most tests) starts no threads.
        java.util.function.Supplier<Executor> pool = new java.util.function.Supplier<>() {
            private Executor started;

            @Override
            public synchronized Executor get() {
                if (started == null) {
                    started = WorkerPools.start(config.recording().writerThreads(), "recording-writer");
                }
                return started;
            }
        };
        return task -> pool.get().execute(task);
    }

    /** Voice recordings of calls. */
    public CallRecordings recordings() {
        return recordings;
    }

    /** The campaigns' standard responses. */
    public StandardResponses responses() {
        return responses;
    }

    /**
     * Brings each paced campaign's abandonment ledger up to the stored counts, which every gateway on the store adds
     * to (ADR 0016): pacing then reads the shared figure. Blocking store reads: call it off the dialer executor.
     */
    public void shareAbandonmentLedgers() {
        shareAbandonment.run();
    }

    /** Seeds each paced campaign's abandonment ledger with its stored days, so a restart keeps its rates. */
    private void restoreAbandonmentLedgers(GatewayConfig config, Scheduler scheduler) {
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

    /** Imports each campaign's configured calling list into its list when that is empty (any thread). */
    void importConfiguredLists() {
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

    /** Readies phone-only agents, applies autoLoad/autoStart, paces once and starts the callback sweep (dialer executor). */
    void startCampaignsAndPhoneAgents() {
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
        recordings.startRetention();
    }

    /** The CTI desk agent desktops talk to. */
    public CtiDesk desk() {
        return desk;
    }

    /** The bcrypt check threads, shared with the bridge; {@link io.outdial.dialer.Gateway} closes them. */
    public BrowserPhones browserPhones() {
        return browserPhones;
    }

    public PasswordChecks passwordChecks() {
        return passwordChecks;
    }

    public AdminService admin() {
        return admin;
    }

    public DialerMetrics metrics() {
        return metrics;
    }

    /** The dialer's serial executor: agents, campaigns and pacing run on it (the dialer's actor). */
    public CallExecutor executor() {
        return dialer;
    }

    public AgentRoster roster() {
        return roster;
    }

    public Campaigns campaigns() {
        return campaigns;
    }

    public Dialing dialing() {
        return dialing;
    }

    public PreviewDesk preview() {
        return preview;
    }

    public CallbackSweep callbackSweep() {
        return callbackSweep;
    }

    public LiveStats liveStats() {
        return liveStats;
    }
}
