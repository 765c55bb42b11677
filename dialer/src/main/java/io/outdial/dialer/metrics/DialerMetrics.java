package io.outdial.dialer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.record.CallResult;
import io.outdial.media.MediaEngine;
import io.outdial.media.StreamStats;
import io.outdial.media.detect.Detection;
import io.outdial.media.webrtc.WebRtcFailure;
import io.outdial.sip.SipTraffic;
import io.outdial.sip.SipUserAgent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;

/**
 * The gateway's Prometheus metrics: calls, results, agents, media, SIP traffic, and the JVM and process (Micrometer's
 * binders: memory, GC, threads, classes, CPU, file descriptors, uptime).
 */
public final class DialerMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer ctiDelivery;
    private volatile IntSupplier callsInProgress = () -> 0;
    /** Binders that hold JVM listeners (GC notifications), released by {@link #close()}. */
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /**
     * What function counters read when nothing else holds it (a method reference made for the call): Micrometer keeps
     * a function counter's object only weakly, and one collected reads NaN.
     */
    private final java.util.List<Object> readByCounters = new java.util.concurrent.CopyOnWriteArrayList<>();

    public DialerMetrics(AgentRoster roster, MediaEngine media, SipUserAgent userAgent) {
        // promtool's naming lint: no abbreviated units (process.cpu.time is in ns; process_cpu_usage says as much), no
        // _count suffix on a gauge.
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
            }
        });
        // HikariCP's tracker registers plain timers; the pool's wait is worth a histogram (hikaricp_connections_acquire).
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public io.micrometer.core.instrument.distribution.DistributionStatisticConfig configure(Meter.Id id,
                    io.micrometer.core.instrument.distribution.DistributionStatisticConfig config) {
                if (!id.getName().equals("hikaricp.connections.acquire")) {
                    return config;
                }
                return io.micrometer.core.instrument.distribution.DistributionStatisticConfig.builder()
                        .percentilesHistogram(true).minimumExpectedValue((double) Duration.ofNanos(20_000).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos()).build().merge(config);
            }
        });
        Gauge.builder("outdial_calls_in_progress", () -> callsInProgress.getAsInt())
                .description("Campaign calls from dial to hang-up").register(registry);
        for (var door : io.outdial.bridge.auth.SecurityEvents.Door.values()) {
            for (var why : io.outdial.bridge.auth.SecurityEvents.Failure.values()) {
                loginFailures(door, why); // at 0 from the start, so a dashboard or alert sees the series
            }
        }
        Counter.builder("outdial_calls_reaped").description("Calls finished by the reaper: all legs gone unnoticed")
                .register(registry);
        setupTimer("outdial_setup_answer_to_agent_invite", "Contact 200 OK to the agent's INVITE sent");
        setupTimer("outdial_setup_answer_to_bridge", "Contact 200 OK to the bridge with the agent");
        setupTimer("outdial_setup_retrieval_to_trunk_invite", "Asking the store for a record to its contact's INVITE");
        callSetupTimer("contact");
        callSetupTimer("agent");
        for (AgentState s : AgentState.values()) {
            Gauge.builder("outdial_agents", () -> roster.count(s)).tag("state", s.wireName())
                    .description("Agents by voice state").register(registry);
        }
        Gauge.builder("outdial_cti_sessions", () -> roster.all().stream().filter(a -> a.hasDesktop()).count())
                .description("Agents logged in from a desktop (CTI sessions)").register(registry);
        FunctionCounter.builder("outdial_rtp_packets_relayed", media, MediaEngine::totalPacketsRelayed)
                .description("RTP packets relayed between bridged legs").register(registry);
        Gauge.builder("outdial_rtp_endpoints_open", media::openEndpoints)
                .description("RTP ports in use").register(registry);
        Gauge.builder("outdial_sip_legs_active", userAgent::activeLegs)
                .description("SIP legs not yet terminated").register(registry);
        Gauge.builder("outdial_sip_registered_agents", () -> userAgent.registrations().all().size())
                .description("agents whose softphone is registered with the built-in registrar").register(registry);
        FunctionCounter.builder("outdial_sip_register_failures", userAgent, SipUserAgent::registerFailures)
                .description("REGISTERs refused: wrong or unknown credentials, replayed nonces, malformed headers")
                .register(registry);
        SipTraffic traffic = userAgent.traffic();
        for (SipTraffic.Direction d : SipTraffic.Direction.values()) {
            for (String method : SipTraffic.METHODS) {
                FunctionCounter.builder("outdial_sip_requests", traffic, t -> t.requests(d, method))
                        .tag("method", method).tag("direction", d.label())
                        .description("SIP requests by method, received and sent").register(registry);
            }
            for (int c = 1; c <= SipTraffic.CLASSES; c++) {
                int statusClass = c;
                FunctionCounter.builder("outdial_sip_responses", traffic, t -> t.responses(d, statusClass))
                        .tag("status_class", statusClass + "xx").tag("direction", d.label())
                        .description("SIP responses by status class, received and sent").register(registry);
            }
        }
        for (SipTraffic.Drop reason : SipTraffic.Drop.values()) {
            FunctionCounter.builder("outdial_sip_dropped", traffic, t -> t.drops(reason))
                    .tag("reason", reason.label())
                    .description("Incoming SIP messages dropped unanswered: malformed, lacking a mandatory header, "
                            + "or over their source's out-of-dialog rate limit").register(registry);
        }
        FunctionCounter.builder("outdial_sip_udp_receive_overflows", traffic,
                        t -> t.socketOverflows() < 0 ? Double.NaN : t.socketOverflows())
                .description("SIP datagrams the kernel dropped because the UDP socket's receive buffer was full "
                        + "(NaN where the kernel does not say)").register(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        ctiDelivery = Timer.builder("outdial_cti_event_delivery")
                .description("CTI event fan-out: from the dialer handing an event over to it written to the agent's "
                        + "socket")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(2)).register(registry);
    }

    /**
     * The store's connection pool (HikariCP's own Micrometer tracker: {@code hikaricp_connections_active},
     * {@code _idle}, {@code _pending}, {@code _max}, {@code hikaricp_connections_acquire_seconds} for the wait, and
     * more, tagged {@code pool}). {@code binder} is handed this registry.
     */
    public void storePool(java.util.function.Consumer<io.micrometer.core.instrument.MeterRegistry> binder) {
        binder.accept(registry);
    }

    /**
     * The agents' browser phones (issue 17): connected now, sessions failed since start by {@code reason} (every
     * {@link WebRtcFailure}'s label, 0 until one fails so: {@code no_ice_check}, {@code handshakes_busy},
     * {@code dtls_refused}, {@code dtls_timeout}, {@code dtls_error}), and STUN checks refused on their ports (wrong
     * USERNAME or MESSAGE-INTEGRITY: an unknown source, dropped unanswered).
     */
    public void browserPhones(java.util.function.IntSupplier connected,
                              java.util.function.ToLongFunction<WebRtcFailure> failures,
                              java.util.function.LongSupplier checksRefused) {
        readByCounters.add(failures);
        readByCounters.add(checksRefused);
        Gauge.builder("outdial_browser_phones_connected", connected::getAsInt)
                .description("Agents' browser phones whose WebRTC media is up").register(registry);
        for (WebRtcFailure why : WebRtcFailure.values()) {
            FunctionCounter.builder("outdial_browser_phone_failures", failures, f -> (double) f.applyAsLong(why))
                    .tag("reason", why.label())
                    .description("Browser phone sessions failed, by reason: no ICE check, handshake pool full, "
                            + "DTLS refused, timed out or in error")
                    .register(registry);
        }
        FunctionCounter.builder("outdial_browser_phone_ice_checks_refused", checksRefused,
                        f -> (double) f.getAsLong())
                .description("STUN datagrams on browser phones' ports refused unanswered: wrong USERNAME or "
                        + "MESSAGE-INTEGRITY, malformed, or from outside the permitted networks")
                .register(registry);
    }

    /**
     * The browsers' RTCP reports about the audio the gateway sends them (issue 17): {@code
     * outdial_browser_phone_rtcp_fraction_lost} (a histogram of each report block's fraction lost, 0 to 1), {@code
     * outdial_browser_phone_rtcp_jitter_seconds} (a histogram of the interarrival jitter), {@code
     * outdial_browser_phone_packets_lost_total} (what the browsers' cumulative loss counts grew by), and {@code
     * outdial_browser_phone_rtcp_dropped_total} by {@code reason} ({@code malformed}, {@code forged}, {@code replayed}).
     */
    public io.outdial.media.webrtc.ReceptionReports browserPhoneReports() {
        return new BrowserPhoneReports(registry);
    }

    /** The RTP endpoints the configured port range holds (one per even port), next to those in use. */
    public void rtpCapacity(int portMin, int portMax) {
        int endpoints = (portMax - portMin) / 2 + 1;
        Gauge.builder("outdial_rtp_endpoints_capacity", () -> endpoints)
                .description("RTP endpoints the port range can open").register(registry);
    }

    /**
     * The trunk registration's gauges, exported whether or not the trunk needs one (the alert rule and the dashboard
     * query them everywhere): {@code outdial_trunk_registration_required} (1 when the trunk wants the gateway
     * registered), {@code outdial_trunk_registered} (1 while it is; calls go out only then) and
     * {@code outdial_trunk_registration_failures} (failed attempts in a row).
     */
    public void trunkRegistration(io.outdial.dialer.trunk.Trunks.Entry trunk) {
        io.outdial.sip.trunk.TrunkRegistration registration = trunk.registration();
        Gauge.builder("outdial_trunk_registration_required", () -> registration.status().required() ? 1 : 0)
                .tag("trunk", trunk.name())
                .description("1 when the trunk wants the gateway registered before it dials").register(registry);
        Gauge.builder("outdial_trunk_registered",
                        () -> registration.status().required() && registration.status().allowsCalls() ? 1 : 0)
                .tag("trunk", trunk.name())
                .description("1 while the gateway is registered with its trunk, else 0").register(registry);
        Gauge.builder("outdial_trunk_registration_failures", () -> registration.status().failures())
                .tag("trunk", trunk.name())
                .description("Failed trunk REGISTER attempts in a row").register(registry);
    }

    /** Releases the JVM listeners the GC binder holds. */
    @Override
    public void close() {
        gc.close();
    }

    /** Progressive setup: from the contact's 200 OK to the agent's INVITE on the wire (bridged calls). */
    public void answerToAgentInvite(Duration d) {
        setupTimer("outdial_setup_answer_to_agent_invite", "Contact 200 OK to the agent's INVITE sent").record(d);
    }

    /** Progressive setup: from the contact's 200 OK to the bridge with the agent. */
    public void answerToBridge(Duration d) {
        setupTimer("outdial_setup_answer_to_bridge", "Contact 200 OK to the bridge with the agent").record(d);
    }

    /** Progressive dials without preview: from asking the store for the next record to the contact's INVITE sent. */
    public void retrievalToTrunkInvite(Duration d) {
        setupTimer("outdial_setup_retrieval_to_trunk_invite", "Asking the store for a record to its contact's INVITE")
                .record(d);
    }

    private Timer setupTimer(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /**
     * One CTI event reached an agent's socket {@code nanos} after the dialer handed it over: the fan-out of call,
     * agent and campaign events to the desktops (queueing on the connection's event loop, serialising, writing).
     */
    public void ctiEventDelivered(long nanos) {
        ctiDelivery.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** A call the reaper finished: every leg was gone but the call had not noticed (each one is a bug to find). */
    public void reaped() {
        Counter.builder("outdial_calls_reaped").description("Calls finished by the reaper: all legs gone unnoticed")
                .register(registry).increment();
    }

    /** Where the number of campaign calls between dial and hang-up is read (thread-safe supplier). */
    /** A refused login (HTTP or CTI; bad credentials or throttled): {@code outdial_login_failures_total}. */
    public void loginFailed(io.outdial.bridge.auth.SecurityEvents.Door door,
                            io.outdial.bridge.auth.SecurityEvents.Failure why) {
        loginFailures(door, why).increment();
    }

    private Counter loginFailures(io.outdial.bridge.auth.SecurityEvents.Door door,
                                  io.outdial.bridge.auth.SecurityEvents.Failure why) {
        return Counter.builder("outdial_login_failures")
                .description("Logins refused, by door (http, cti) and reason (bad_credentials, throttled)")
                .tag("door", door.name().toLowerCase(java.util.Locale.ROOT))
                .tag("reason", why.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry);
    }

    public void callsInProgress(IntSupplier calls) {
        callsInProgress = calls;
    }

    /** Registers a per-campaign gauge of pacing figures; {@code value} must be safe to read from any thread. */
    public void pacingGauge(String name, String description, String campaign, String window, DoubleSupplier value) {
        Gauge.Builder<DoubleSupplier> b = Gauge.builder(name, value, DoubleSupplier::getAsDouble)
                .tag("campaign", campaign).description(description).strongReference(true);
        if (window != null) {
            b.tag("window", window);
        }
        b.register(registry);
    }

    /** Adds to a per-campaign pacing counter (predicted answers count fractions). */
    public void pacingCount(String name, String description, String campaign, double amount) {
        Counter.builder(name).tag("campaign", campaign).description(description).register(registry)
                .increment(amount);
    }

    /** How long an agent waited Ready before a predictive call reached it. */
    public void agentWait(String campaign, Duration wait) {
        DistributionSummary.builder("outdial_agent_wait_seconds").tag("campaign", campaign).baseUnit("seconds")
                .description("Time agents waited Ready before a paced call connected").register(registry)
                .record(wait.toMillis() / 1e3);
    }

    /** A leg answered {@code d} after it was dialed; {@code leg}: {@code contact} or {@code agent}. */
    public void callSetup(String leg, Duration d) {
        callSetupTimer(leg).record(d);
    }

    private Timer callSetupTimer(String leg) {
        return Timer.builder("outdial_call_setup").tag("leg", leg)
                .description("From dialing a leg to its answer (contact through the trunk, or an agent's phone)")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofMinutes(2)).register(registry);
    }

    /**
     * Each campaign's agents by voice state ({@code outdial_campaign_agents}); an agent on two campaigns counts in
     * both.
     */
    public void campaignAgents(String campaign, java.util.List<String> agentIds, AgentRoster roster) {
        for (AgentState s : AgentState.values()) {
            Gauge.builder("outdial_campaign_agents", () -> agentIds.stream()
                            .filter(id -> roster.find(id).map(a -> a.state() == s).orElse(false)).count())
                    .tag("campaign", campaign).tag("state", s.wireName())
                    .description("A campaign's agents by voice state").register(registry);
        }
    }

    /** Shows a campaign's dial and answer counters at 0 before its first call, so dashboards and alerts see it. */
    public void campaign(String campaign) {
        Counter.builder("outdial_calls_dialed").tag("campaign", campaign)
                .description("Contacts dialed").register(registry);
        Counter.builder("outdial_calls_answered").tag("campaign", campaign)
                .description("Contacts that answered").register(registry);
    }

    /** A contact was dialed. */
    public void dialed(String campaign) {
        Counter.builder("outdial_calls_dialed").tag("campaign", campaign)
                .description("Contacts dialed").register(registry).increment();
    }

    /** A contact answered. */
    public void answered(String campaign) {
        Counter.builder("outdial_calls_answered").tag("campaign", campaign)
                .description("Contacts that answered").register(registry).increment();
    }

    /** A call result was written on a record. */
    public void result(String campaign, CallResult result) {
        Counter.builder("outdial_call_results").tag("campaign", campaign).tag("result", result.name())
                .description("Call results written, by result").register(registry).increment();
    }

    /**
     * Something was heard on a contact's audio: counted by kind (sit, fax, silence, beep, amd) and outcome (the SIT
     * class, the AMD verdict); AMD verdicts also record their decision time (media time from the answer).
     */
    public void detected(String campaign, Detection detection) {
        String kind;
        String outcome;
        if (detection instanceof Detection.SitDetected sit) {
            kind = "sit";
            outcome = sit.sitClass().name();
        } else if (detection instanceof Detection.FaxDetected fax) {
            kind = "fax";
            outcome = fax.tone().name();
        } else if (detection instanceof Detection.SilenceDetected) {
            kind = "silence";
            outcome = "SILENCE";
        } else if (detection instanceof Detection.BeepDetected) {
            kind = "beep";
            outcome = "BEEP";
        } else {
            Detection.AmdDecision amd = (Detection.AmdDecision) detection;
            kind = "amd";
            outcome = amd.outcome().name();
            Timer.builder("outdial_amd_decision_seconds").tag("campaign", campaign).tag("outcome", outcome)
                    .description("Answering machine detection: time from the answer to the verdict")
                    .serviceLevelObjectives(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(1500),
                            Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5))
                    .register(registry).record(amd.at());
        }
        Counter.builder("outdial_detections").tag("campaign", campaign).tag("kind", kind).tag("outcome", outcome)
                .description("What was heard on contacts' audio, by kind and outcome").register(registry).increment();
    }

    /**
     * An abandoned call ended: what the contact was sent is the safe-harbour message (no agent was ever bridged), so
     * its packets show whether the message reached the contact.
     */
    public void abandonedContactAudio(String campaign, StreamStats contact) {
        Counter.builder("outdial_abandoned_calls_with_message").tag("campaign", campaign)
                .description("Abandoned calls whose contact was sent audio (the safe-harbour message)")
                .register(registry).increment(contact.packetsSent() > 0 ? 1 : 0);
        Counter.builder("outdial_safe_harbour_packets").tag("campaign", campaign)
                .description("RTP packets sent to abandoned contacts (the safe-harbour message)")
                .register(registry).increment(contact.packetsSent());
    }

    /** Adds a finished call's RTP counters per leg (contact or agent) and direction. */
    public void legMedia(String leg, StreamStats stats) {
        legCounter("outdial_rtp_leg_packets", "RTP packets", leg, "in").increment(stats.packetsReceived());
        legCounter("outdial_rtp_leg_packets", "RTP packets", leg, "out").increment(stats.packetsSent());
        legCounter("outdial_rtp_leg_bytes", "RTP bytes", leg, "in").increment(stats.bytesReceived());
        legCounter("outdial_rtp_leg_bytes", "RTP bytes", leg, "out").increment(stats.bytesSent());
    }

    private Counter legCounter(String name, String what, String leg, String direction) {
        return Counter.builder(name).tag("leg", leg).tag("direction", direction)
                .description(what + " per call leg and direction, counted when the call ends").register(registry);
    }

    /**
     * The figures the supervisor dashboard shows, read from the meters (safe from any thread, no blocking): calls in
     * progress, contacts dialed and call results per campaign, the paced campaigns' busy factor, agents by state.
     */
    public MeterFigures figures() {
        Map<String, Double> dialed = new TreeMap<>();
        for (Counter c : registry.find("outdial_calls_dialed").counters()) {
            dialed.merge(c.getId().getTag("campaign"), c.count(), Double::sum);
        }
        Map<String, Map<String, Double>> results = new TreeMap<>();
        for (Counter c : registry.find("outdial_call_results").counters()) {
            results.computeIfAbsent(c.getId().getTag("campaign"), k -> new TreeMap<>())
                    .merge(c.getId().getTag("result"), c.count(), Double::sum);
        }
        Map<String, Double> busy = new TreeMap<>();
        for (Gauge g : registry.find("outdial_pacing_busy_factor").gauges()) {
            busy.put(g.getId().getTag("campaign"), g.value());
        }
        Map<String, Integer> agents = new LinkedHashMap<>();
        for (Gauge g : registry.find("outdial_agents").gauges()) {
            agents.put(g.getId().getTag("state"), (int) g.value());
        }
        return new MeterFigures((int) registry.get("outdial_calls_in_progress").gauge().value(), dialed, results, busy,
                agents);
    }

    /**
     * A snapshot of {@link #figures()}.
     *
     * @param callsInProgress campaign calls from dial to hang-up
     * @param dialed          contacts dialed since start, per campaign
     * @param results         call results written since start, per campaign and result name
     * @param busyFactor      per paced campaign: share of agents' available time spent talking or wrapping up
     * @param agents          agents per voice state (wire name)
     */
    public record MeterFigures(int callsInProgress, Map<String, Double> dialed, Map<String, Map<String, Double>> results,
                               Map<String, Double> busyFactor, Map<String, Integer> agents) { }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    /** Voice recording: the writer's pool, the running recordings and the recordings whose file failed. */
    public void recordings(IntSupplier running, io.outdial.media.record.RecordingWriter writer) {
        Gauge.builder("outdial_recordings_active", running, IntSupplier::getAsInt)
                .description("Recordings being written").strongReference(true).register(registry);
        Gauge.builder("outdial_recording_buffer_free_chunks", writer, io.outdial.media.record.RecordingWriter::freeChunks)
                .description("One-second audio chunks free in the recording writer's pool").strongReference(true)
                .register(registry);
        FunctionCounter.builder("outdial_recording_failures", writer, io.outdial.media.record.RecordingWriter::failures)
                .description("Recordings whose file could not be written (disk full, not writable)")
                .register(registry);
    }

    /** Audio a recording lost because the writer's pool was dry (the disk did not keep up). */
    public void recordingFramesLost(long frames) {
        Counter.builder("outdial_recording_frames_lost").description("20 ms recording frames lost: writer pool dry")
                .register(registry).increment(frames);
    }
}
