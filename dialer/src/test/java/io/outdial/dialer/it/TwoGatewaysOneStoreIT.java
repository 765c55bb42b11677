package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.campaign.CampaignState;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.PostgresServer;
import io.outdial.sip.testing.Sipp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two gateways, one PostgreSQL (started by the test from Debian's binaries), one list of {@value #RECORDS} records
 * dialed through one SIPp contact side. Gateway A is halted abruptly part-way ({@code Gateway.halt()}: in-process, no
 * store write after the halt, no lease renewal; GatewayKilledIT does a real kill -9 of a separate JVM), with calls
 * up. Gateway B finishes the list once A's leases lapse. Counted at SIPp: no number got more than one INVITE dialog,
 * and one that got none is a record A marked dialed and died before sending (System Error). Counted in the store:
 * every record ends Updated with one result and one attempt; the calls that were up on A end System Error. The
 * campaign is started on A only: B follows the shared campaign state.
 */
class TwoGatewaysOneStoreIT {
    private static final int RECORDS = 200;
    private static final int AGENTS = 5;
    private static final Duration LIMIT = Duration.ofMinutes(4);

    @Test
    void twoGatewaysDialEveryNumberOnceAndTheSurvivorFinishesTheDeadOnesList() throws Exception {
        try (PostgresServer pg = PostgresServer.start();
             Sipp phone = Sipp.scenario("agent-phone.xml").calls(4 * RECORDS).timeout(Duration.ofMinutes(6)).start();
             Sipp contacts = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofMillis(1500)).calls(RECORDS)
                     .timeout(Duration.ofMinutes(6)).start()) {
            String url = pg.newDatabaseUrl();
            GatewayHarness a = gateway("gw-a", "a", url, phone, contacts);
            try (GatewayHarness b = gateway("gw-b", "b", url, phone, contacts)) {
                StringBuilder csv = new StringBuilder("contact_info\n");
                for (int i = 1; i <= RECORDS; i++) {
                    csv.append(String.format("300%07d%n", i));
                }
                // A supervisor loads and starts the campaign on gw-a only: gw-b follows the shared campaign state.
                a.uploadAndStart("shared", csv.toString());
                Await.until(LIMIT, "gw-b runs the campaign started on gw-a", () ->
                        b.gateway().campaignState("shared") == CampaignState.RUNNING);

                // The supervisor view on gw-b shows gw-a's agents and calls, and its own.
                Await.until(LIMIT, "gw-b's supervisor view shows both gateways' agents, and calls on gw-a", () -> {
                    JsonNode gwA = gatewayInStats(b, "gw-a");
                    JsonNode gwB = gatewayInStats(b, "gw-b");
                    return gwA != null && gwB != null && gwA.path("reporting").asBoolean()
                            && gwA.path("agents").size() == AGENTS && gwB.path("agents").size() == AGENTS
                            && gwA.path("agents").get(0).path("id").asText().equals("a1")
                            && gwB.path("self").asBoolean() && gwA.path("callsInProgress").asInt() > 0;
                });

                // Part-way, with calls up on A: halt it as if the process died.
                Await.until(LIMIT, "a third of the list done with calls up on gw-a", () ->
                        a.counts("shared").get(RecordStatus.UPDATED) >= RECORDS / 3
                                && a.gateway().dialing().callsInProgress() > 0);
                a.gateway().halt();

                List<CallingRecord> records = b.awaitAllUpdated("shared", LIMIT);
                assertEquals(RECORDS, records.size());
                Map<CallResult, Long> results = new TreeMap<>(records.stream()
                        .collect(Collectors.groupingBy(CallingRecord::callResult, Collectors.counting())));
                long systemErrors = results.getOrDefault(CallResult.SYSTEM_ERROR, 0L);
                assertTrue(systemErrors >= 1, "the calls up on gw-a when it died end System Error: " + results);
                assertEquals(RECORDS, results.getOrDefault(CallResult.ANSWER, 0L) + systemErrors,
                        "every other contact talked to an agent: " + results);
                assertTrue(records.stream().allMatch(r -> r.attempt() == 1), "one attempt per record");
                assertTrue(b.gateway().store().records("shared").stream()
                        .allMatch(r -> r.status() == RecordStatus.UPDATED));

                // At SIPp: no number reached the contact side in more than one INVITE dialog, and every number that
                // never reached it is a record closed System Error: gw-a marked it dialed (before its INVITE could
                // leave, so that it is never dialed twice) and died before sending it.
                Sipp.Result contactSide = contacts.stop();
                assertDialedAtMostOnce(records, invitesByNumber(contactSide.messageFile()));
                // gw-a is dead: gw-b's view says it no longer reports, and keeps its last figures.
                Await.until(LIMIT, "gw-b's view shows gw-a not reporting", () -> {
                    JsonNode gwA = gatewayInStats(b, "gw-a");
                    return gwA != null && !gwA.path("reporting").asBoolean();
                });
            } finally {
                a.close(); // already halted: the remaining steps find nothing to do
            }
        }
    }

    /** The entry of {@code gatewayId} in {@code viewer}'s {@code GET /api/stats}, or null. */
    private static JsonNode gatewayInStats(GatewayHarness viewer, String gatewayId) {
        try {
            for (JsonNode g : GatewayHarness.JSON.readTree(viewer.get("/api/stats")).path("gateways")) {
                if (g.path("gatewayId").asText().equals(gatewayId)) {
                    return g;
                }
            }
            return null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static GatewayHarness gateway(String id, String prefix, String url, Sipp phone, Sipp contacts)
            throws IOException {
        String agents = IntStream.rangeClosed(1, AGENTS).mapToObj(i -> prefix + i)
                .collect(Collectors.joining(", "));
        return GatewayHarness.startOnStore(contacts.hostPort(),
                IntStream.rangeClosed(1, AGENTS).mapToObj(i -> "  - { id: " + prefix + i + ", phone: \""
                        + phone.uri(prefix + i) + "\", autoReady: true, wrapUp: 0s }")
                        .collect(Collectors.joining("\n")),
                "  - { name: shared, dialingMode: progressive, agents: [" + agents + "], autoLoad: false,"
                        + " autoStart: false }",
                "  url: \"" + url + "\"\n  user: " + PostgresServer.USER + "\n  password: \"\"\n"
                        + "  cluster: { gatewayId: " + id + ", leaseDuration: 3s, statePoll: 500ms }");
    }

    /**
     * Every number at most one INVITE dialog at SIPp; a number with none belongs to a record closed System Error (its
     * gateway marked it dialed, then died before the INVITE left); every other number exactly one.
     */
    static void assertDialedAtMostOnce(List<CallingRecord> records, Map<String, Set<String>> dialogs) {
        Map<String, Integer> twice = new HashMap<>();
        dialogs.forEach((n, ids) -> {
            if (ids.size() != 1) {
                twice.put(n, ids.size());
            }
        });
        assertEquals(Map.of(), twice, "numbers dialed more than once");
        List<String> neverDialed = records.stream().map(CallingRecord::contactInfo)
                .filter(n -> !dialogs.containsKey(n)).toList();
        List<String> neverDialedNotSystemError = records.stream()
                .filter(r -> !dialogs.containsKey(r.contactInfo()) && r.callResult() != CallResult.SYSTEM_ERROR)
                .map(CallingRecord::contactInfo).toList();
        assertEquals(List.of(), neverDialedNotSystemError, "records never dialed yet not closed System Error");
        assertEquals(records.size(), dialogs.size() + neverDialed.size(), "numbers at SIPp that are no record's");
        assertTrue(neverDialed.size() <= 10, "a dead gateway leaves at most its few dials in flight: " + neverDialed);
    }

    /** The Call-IDs of the INVITEs SIPp received, by the number dialed (the Request-URI's user part). */
    static Map<String, Set<String>> invitesByNumber(Path messageLog) throws IOException {
        Map<String, Set<String>> byNumber = new HashMap<>();
        String number = null;
        for (String line : Files.readAllLines(messageLog)) {
            if (line.startsWith("INVITE sip:")) {
                number = line.substring("INVITE sip:".length(), line.indexOf('@'));
            } else if (number != null) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("call-id:") || lower.startsWith("i:")) {
                    byNumber.computeIfAbsent(number, n -> new HashSet<>())
                            .add(line.substring(line.indexOf(':') + 1).trim());
                    number = null;
                }
            }
        }
        return byNumber;
    }
}
