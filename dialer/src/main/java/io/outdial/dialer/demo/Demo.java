package io.outdial.dialer.demo;

import io.outdial.dialer.Gateway;
import io.outdial.dialer.config.AgentSettings;
import io.outdial.dialer.config.CampaignSettings;
import io.outdial.dialer.config.DatabaseSettings;
import io.outdial.dialer.config.GatewayConfig;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The README's main job: the sample progressive campaign run against a SIPp contact farm (its answer depends on the
 * dialed number) and SIPp agent phones, all on loopback, on a fresh embedded store; prints every record's result.
 */
public final class Demo {
    private static final Duration LIMIT = Duration.ofMinutes(3);

    private final GatewayConfig config;
    private final Path configFile;
    private final PrintStream out;
    private final Path contactScenario;
    private final Path callingList;

    /** The demo as shipped: the SIPp contact farm and the campaign's own calling list. */
    public Demo(GatewayConfig config, Path configFile, PrintStream out) {
        this(config, configFile, out, null, null);
    }

    /**
     * @param contactScenario a SIPp UAS scenario to play the contacts instead of sipp-scenarios/contact-farm.xml,
     *                        or null
     * @param callingList     a CSV to dial instead of the campaign's configured list, or null
     */
    public Demo(GatewayConfig config, Path configFile, PrintStream out, Path contactScenario, Path callingList) {
        this.config = config;
        this.configFile = configFile;
        this.out = out;
        this.contactScenario = contactScenario == null ? null : contactScenario.toAbsolutePath();
        this.callingList = callingList == null ? null : callingList.toAbsolutePath();
    }

    /** Runs the demonstration; returns the process exit code. */
    public int run() throws IOException, InterruptedException {
        Path scenarios = findScenarios();
        Path logs = Files.createDirectories(Path.of("target", "demo").toAbsolutePath());
        CampaignSettings configured = config.campaigns().stream().filter(CampaignSettings::autoStart).findFirst()
                .orElseThrow(() -> new IllegalStateException(configFile + ": the demo needs a campaign with autoStart"));
        CampaignSettings campaign = callingList == null ? configured : configured.withCallingList(callingList);
        List<CampaignSettings> campaigns = config.campaigns().stream()
                .map(c -> c == configured ? campaign : c).toList();
        // A fresh in-memory H2 each run, so the demo always starts from the list.
        // The demo is a lab on this machine: lab open mode, as docs/security.md describes (loopback only).
        GatewayConfig demoConfig = new GatewayConfig(config.sip(), config.trunk(), config.rtp(),
                config.http().withOpenLab(),
                new DatabaseSettings("jdbc:h2:mem:outdial-demo;DB_CLOSE_DELAY=-1", "sa", "", 4),
                config.dialing(), config.agents(), campaigns, config.audio(), config.namedTrunks(),
                config.recording(), config.browserPhone());
        Path contacts = contactScenario != null ? contactScenario : scenarios.resolve("contact-farm.xml");

        List<SippProcess> sipp = new ArrayList<>();
        long started = System.nanoTime();
        try {
            int mediaPort = 16000;
            sipp.add(SippProcess.start("contacts", contacts, config.trunk().host(), config.trunk().port(), mediaPort,
                    logs));
            for (AgentSettings agent : config.agents()) {
                if (agent.autoReady() && campaign.agents().contains(agent.id())) {
                    InetSocketAddress phone = hostPort(agent.phone());
                    mediaPort += 10;
                    sipp.add(SippProcess.start(agent.id(), scenarios.resolve("agent-phone.xml"),
                            phone.getHostString(), phone.getPort(), mediaPort, logs));
                }
            }
            out.printf("Outdial demo: campaign '%s' (%s), list %s, contacts = SIPp %s on %s:%d, agent phones = %d"
                            + " SIPp phones; logs in %s%n", campaign.name(), campaign.dialingMode().wireName(),
                    campaign.callingList(), contacts.getFileName(), config.trunk().host(), config.trunk().port(),
                    sipp.size() - 1, logs.toAbsolutePath());
            try (Gateway gateway = Gateway.start(demoConfig)) {
                awaitListWorked(gateway, campaign.name());
                List<CallingRecord> records = gateway.store().records(campaign.name());
                print(records, Duration.ofNanos(System.nanoTime() - started), gateway.media().totalPacketsRelayed());
                boolean complete = records.stream().allMatch(r -> r.status() == RecordStatus.UPDATED);
                return complete ? 0 : 1;
            }
        } finally {
            sipp.forEach(SippProcess::close);
        }
    }

    /** Waits until no record is Ready or Retrieved and no call is up, or the time limit. */
    private static void awaitListWorked(Gateway gateway, String campaign) throws InterruptedException {
        CompletableFuture<Void> worked = new CompletableFuture<>();
        ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor();
        try {
            poll.scheduleWithFixedDelay(() -> {
                try {
                    Map<RecordStatus, Integer> counts = gateway.store().countByStatus(campaign);
                    boolean pending = counts.getOrDefault(RecordStatus.READY, 0) > 0
                            || counts.getOrDefault(RecordStatus.RETRIEVED, 0) > 0;
                    if (!pending && gateway.dialing().callsInProgress() == 0) {
                        worked.complete(null);
                    }
                } catch (RuntimeException e) {
                    worked.completeExceptionally(e);
                }
            }, 500, 500, TimeUnit.MILLISECONDS);
            worked.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the sample list was not worked within " + LIMIT);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            poll.shutdownNow();
        }
    }

    private void print(List<CallingRecord> records, Duration took, long rtpPackets) {
        out.printf("%-7s %-14s %-18s %-22s %-22s %-8s %-7s%n", "record", "contact", "type", "name", "result",
                "attempts", "agent");
        Map<CallResult, Integer> byResult = new EnumMap<>(CallResult.class);
        for (CallingRecord r : records) {
            String name = (r.customFields().getOrDefault("first_name", "") + " "
                    + r.customFields().getOrDefault("last_name", "")).trim();
            out.printf("%-7d %-14s %-18s %-22s %-22s %-8d %-7s%n", r.recordId(), r.contactInfo(), r.contactInfoType(),
                    name, r.callResult().label() + " (" + r.callResult().code() + ")", r.attempt(),
                    r.agentId() == null ? "-" : r.agentId());
            byResult.merge(r.callResult(), 1, Integer::sum);
        }
        StringBuilder summary = new StringBuilder();
        byResult.forEach((result, n) -> summary.append(summary.isEmpty() ? "" : ", ").append(n).append(' ')
                .append(result.label()));
        out.printf("Summary: %d records in %.1f s: %s; RTP packets relayed: %d%n", records.size(),
                took.toMillis() / 1000.0, summary, rtpPackets);
    }

    private static Path findScenarios() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("sipp-scenarios");
            if (Files.isRegularFile(candidate.resolve("contact-farm.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("sipp-scenarios/ not found: run the demo from the repository");
    }

    /** The {@code host:port} of a SIP URI such as {@code sip:agent1@127.0.0.1:5081;transport=udp}. */
    private static InetSocketAddress hostPort(String sipUri) {
        String rest = URI.create(sipUri).getSchemeSpecificPart();
        String hostPort = rest.substring(rest.indexOf('@') + 1).split(";")[0];
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? InetSocketAddress.createUnresolved(hostPort, 5060)
                : InetSocketAddress.createUnresolved(hostPort.substring(0, colon),
                        Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
