package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.sip.testing.Sipp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's endpoints behind the dashboard ({@code /api/stats}, {@code /api/stats/history},
 * {@code /api/campaigns/{name}/export}) against the running gateway after real SIPp calls.
 */
class SupervisorApiIT {
    static final Duration LIMIT = Duration.ofSeconds(40);

    private static HttpResponse<String> get(GatewayHarness gw, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + path))
                        .header("Authorization", "Bearer " + GatewayHarness.ADMIN_TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void statsHistoryAndExportReflectTheCallsMade() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(2).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(2).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(),
                     "  - { id: ann, phone: \"" + phone.uri("ann") + "\", autoReady: true, wrapUp: 0s }",
                     "  - { name: it, description: \"integration\", dialingMode: progressive, agents: [ann],"
                             + " autoLoad: false }")) {
            gw.uploadAndStart("it", "contact_info,first_name\n2005551101,Ann\n2005551102,\"Bob, Jr\"\n");
            gw.awaitAllUpdated("it", LIMIT);

            Await.until(LIMIT, "two results counted", () -> {
                try {
                    return GatewayHarness.JSON.readTree(get(gw, "/api/stats").body()).path("results")
                            .path("ANSWER").asDouble() == 2.0;
                } catch (Exception e) {
                    return false;
                }
            });
            JsonNode stats = GatewayHarness.JSON.readTree(get(gw, "/api/stats").body());
            assertEquals(0, stats.path("callsInProgress").asInt());
            assertEquals(1.0, stats.path("answerRate").asDouble(), 1e-9);
            assertTrue(stats.path("dialsPerMinute").asDouble() > 0, stats.toString());
            assertEquals(1, stats.path("agents").path("Ready").asInt(), stats.toString());
            JsonNode it = stats.path("campaigns").get(0);
            assertEquals("it", it.path("name").asText());
            assertEquals("Running", it.path("status").asText());
            assertEquals(2.0, it.path("dialed").asDouble());
            assertEquals(2, it.path("records").path("UPDATED").asInt());
            assertEquals(30, it.path("abandonmentWindowDays").asInt());
            assertTrue(it.path("abandonLimit").asDouble() > 0, it.toString());
            assertTrue(stats.path("sample").isMissingNode(), "the chart point stays inside");

            Await.until(LIMIT, "a sample in the history", () -> {
                try {
                    return GatewayHarness.JSON.readTree(get(gw, "/api/stats/history").body()).path("samples").size() > 0;
                } catch (Exception e) {
                    return false;
                }
            });
            JsonNode history = GatewayHarness.JSON.readTree(get(gw, "/api/stats/history").body());
            assertEquals(5, history.path("intervalSeconds").asInt());
            assertTrue(history.path("samples").get(0).has("dialsPerMinute"), history.toString());

            HttpResponse<String> export = get(gw, "/api/campaigns/it/export");
            assertEquals(200, export.statusCode());
            assertEquals("text/csv; charset=utf-8", export.headers().firstValue("Content-Type").orElse(""));
            assertEquals("attachment; filename=\"it-records.csv\"",
                    export.headers().firstValue("Content-Disposition").orElse(""));
            String[] lines = export.body().split("\r\n");
            assertEquals(3, lines.length, export.body());
            assertTrue(lines[0].startsWith("record_id,campaign,contact_info,"), lines[0]);
            assertTrue(lines[0].endsWith("first_name,call_result_code,disposition_code,do_not_call,note,last_agent"),
                    lines[0]);
            assertTrue(lines[1].contains("2005551101") && lines[1].contains("ANSWER") && lines[1].contains(",33,"),
                    lines[1]);
            assertTrue(lines[2].contains("\"Bob, Jr\""), "CSV quoting: " + lines[2]);

            HttpResponse<String> unknown = get(gw, "/api/campaigns/autumn/export");
            assertEquals(404, unknown.statusCode());
            assertEquals("no campaign named 'autumn'",
                    GatewayHarness.JSON.readTree(unknown.body()).path("error").asText());
        }
    }
}
