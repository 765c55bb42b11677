package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.campaign.CampaignState;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.PostgresServer;
import io.outdial.sip.testing.Sipp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A real kill -9: gateway A runs in a JVM of its own ({@code io.outdial.dialer.launch.Main} on the test class path),
 * gateway B in the test's, both on one PostgreSQL started by the test. The campaign is started on B; A follows the
 * shared state. Part-way, with records leased to A, A's process is killed with SIGKILL ({@link Process#destroyForcibly}).
 * B finishes the list once A's leases lapse. Counted at SIPp: no number of the {@value #RECORDS} got more than one
 * INVITE dialog (one with none: A marked it dialed and died before sending, System Error); in the store: every
 * record Updated with one result and one attempt.
 */
class GatewayKilledIT {
    private static final int RECORDS = 200;
    private static final int AGENTS = 5;
    private static final Duration LIMIT = Duration.ofMinutes(4);

    @Test
    void aGatewayKilledWithSigkillLosesNoRecordAndNoNumberIsDialedTwice() throws Exception {
        Process killed = null;
        try (PostgresServer pg = PostgresServer.start();
             Sipp phone = Sipp.scenario("agent-phone.xml").calls(4 * RECORDS).timeout(Duration.ofMinutes(6)).start();
             Sipp contacts = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofMillis(1500)).calls(RECORDS)
                     .timeout(Duration.ofMinutes(6)).start()) {
            String url = pg.newDatabaseUrl();
            int httpA = freeTcpPort();
            Path config = Files.createTempDirectory("outdial-killed").resolve("gateway-a.yaml");
            Files.writeString(config, GatewayHarness.configYaml(contacts.hostPort(), agents("a", phone),
                    campaign("a"), database(url, "gw-a"), httpA));
            Path log = Path.of("target", "gateway-killed-a.log").toAbsolutePath();
            killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.outdial.dialer.launch.Main",
                    "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Process a = killed;
            HttpClient http = HttpClient.newHttpClient();
            Await.until(LIMIT, "gateway A (own JVM) answers HTTP; its log: " + log, () -> {
                if (!a.isAlive()) {
                    throw new AssertionError("gateway A exited with " + a.exitValue() + "; see " + log);
                }
                try {
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpA
                            + "/health")).GET().build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode() == 200;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });

            try (GatewayHarness b = GatewayHarness.startOnStore(contacts.hostPort(), agents("b", phone),
                    campaign("b"), database(url, "gw-b"))) {
                StringBuilder csv = new StringBuilder("contact_info\n");
                for (int i = 1; i <= RECORDS; i++) {
                    csv.append(String.format("400%07d%n", i));
                }
                b.uploadAndStart("shared", csv.toString());
                assertEquals(CampaignState.RUNNING, b.gateway().campaignState("shared"));

                Await.until(LIMIT, "a quarter of the list done, records leased to gw-a", () ->
                        b.counts("shared").get(RecordStatus.UPDATED) >= RECORDS / 4 && leasedTo(b, "gw-a") > 0);
                a.destroyForcibly(); // SIGKILL
                assertTrue(a.waitFor(30, TimeUnit.SECONDS), "gateway A's JVM is gone");

                List<CallingRecord> records = b.awaitAllUpdated("shared", LIMIT);
                assertEquals(RECORDS, records.size());
                Map<CallResult, Long> results = new TreeMap<>(records.stream()
                        .collect(Collectors.groupingBy(CallingRecord::callResult, Collectors.counting())));
                long systemErrors = results.getOrDefault(CallResult.SYSTEM_ERROR, 0L);
                assertEquals(RECORDS, results.getOrDefault(CallResult.ANSWER, 0L) + systemErrors,
                        "every record Answer, or System Error when its call was up on gw-a: " + results);
                assertTrue(records.stream().allMatch(r -> r.attempt() == 1), "one attempt per record");

                Sipp.Result contactSide = contacts.stop();
                TwoGatewaysOneStoreIT.assertDialedAtMostOnce(records,
                        TwoGatewaysOneStoreIT.invitesByNumber(contactSide.messageFile()));
            }
        } finally {
            if (killed != null) {
                killed.destroyForcibly();
            }
        }
    }

    private static long leasedTo(GatewayHarness b, String gateway) {
        return b.records("shared").stream().filter(r -> r.status() == RecordStatus.RETRIEVED)
                .filter(r -> b.gateway().store().leases().of(r.recordId())
                        .map(l -> l.gatewayId().equals(gateway)).orElse(false))
                .count();
    }

    private static String agents(String prefix, Sipp phone) {
        return IntStream.rangeClosed(1, AGENTS).mapToObj(i -> "  - { id: " + prefix + i + ", phone: \""
                + phone.uri(prefix + i) + "\", autoReady: true, wrapUp: 0s }").collect(Collectors.joining("\n"));
    }

    private static String campaign(String prefix) {
        String agents = IntStream.rangeClosed(1, AGENTS).mapToObj(i -> prefix + i).collect(Collectors.joining(", "));
        return "  - { name: shared, dialingMode: progressive, agents: [" + agents + "], autoLoad: false,"
                + " autoStart: false }";
    }

    private static String database(String url, String gatewayId) {
        return "  url: \"" + url + "\"\n  user: " + PostgresServer.USER + "\n  password: \"\"\n"
                + "  cluster: { gatewayId: " + gatewayId + ", leaseDuration: 3s, statePoll: 500ms }";
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
