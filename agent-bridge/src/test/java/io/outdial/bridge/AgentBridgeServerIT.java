package io.outdial.bridge;

import static io.outdial.bridge.fakes.RecordingDesk.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.bridge.admin.AdminException;
import io.outdial.bridge.cti.AgentChannel;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.bridge.cti.CtiException;
import io.outdial.bridge.fakes.RecordingAdmin;
import io.outdial.bridge.fakes.RecordingDesk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real server on loopback, driven by a real WebSocket client and a real HTTP client. */
class AgentBridgeServerIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String LOGIN =
            "{\"type\":\"Login\",\"requestId\":\"r1\",\"agentId\":\"agent1\",\"secret\":\"s\",\"phone\":\"sip:agent1@127.0.0.1:5081\"}";

    private final ObjectMapper json = new ObjectMapper();
    private final RecordingDesk desk = new RecordingDesk();
    private final RecordingAdmin admin = new RecordingAdmin();
    private AgentBridgeServer server;

    @BeforeEach
    void start() {
        server = AgentBridgeServer.start(new BridgeConfig("127.0.0.1", 0, 1024), desk, admin,
                () -> "# TYPE outdial_up gauge\noutdial_up 1\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CtiClient loggedInDesktop() throws Exception {
        CtiClient client = CtiClient.connect(HTTP, server.port());
        client.send(LOGIN);
        assertEquals("LoggedIn", client.next().get("type").asText());
        return client;
    }

    // ---- CTI ----

    @Test
    void refusedLoginGetsTheDesksErrorAndTheConnectionCloses() throws Exception {
        desk.decideLoginsWith(l -> CompletableFuture.failedFuture(new CtiException("BAD_CREDENTIALS", "wrong secret")));
        try (CtiClient client = CtiClient.connect(HTTP, server.port())) {
            client.send(LOGIN);
            JsonNode error = client.next();
            assertEquals("Error", error.get("type").asText());
            assertEquals("BAD_CREDENTIALS", error.get("code").asText());
            assertEquals("r1", error.get("requestId").asText());
            assertEquals(1000, client.awaitClose());
        }
        server.close();
        assertTrue(desk.disconnects.isEmpty(), "never logged in, never disconnected");
    }

    @Test
    void acceptedLoginIsAnsweredAndCommandsReachTheDesk() throws Exception {
        try (CtiClient client = CtiClient.connect(HTTP, server.port())) {
            client.send(LOGIN);
            JsonNode reply = client.next();
            assertEquals("LoggedIn", reply.get("type").asText());
            assertEquals("r1", reply.get("requestId").asText());
            assertEquals(new CtiCommand.Login("r1", "agent1", "s", "sip:agent1@127.0.0.1:5081"), next(desk.logins));

            client.send("{\"type\":\"NotReady\",\"requestId\":\"r2\",\"reason\":\"Lunch\"}");
            RecordingDesk.Received r = next(desk.commands);
            assertEquals("agent1", r.agentId());
            assertEquals(new CtiCommand.NotReady("r2", "Lunch"), r.command());
        }
    }

    @Test
    void commandBeforeLoginIsRefusedAndTheConnectionClosed() throws Exception {
        try (CtiClient client = CtiClient.connect(HTTP, server.port())) {
            client.send("{\"type\":\"Ready\",\"requestId\":\"r0\"}");
            JsonNode error = client.next();
            assertEquals("NOT_LOGGED_IN", error.get("code").asText());
            assertEquals("r0", error.get("requestId").asText());
            assertEquals(1000, client.awaitClose());
        }
        assertTrue(desk.commands.isEmpty());
    }

    @Test
    void badMessagesAreAnsweredAndTheConnectionStays() throws Exception {
        try (CtiClient client = CtiClient.connect(HTTP, server.port())) {
            client.send("{\"type\":");
            assertEquals("MALFORMED", client.next().get("code").asText());
            client.sendBinary(new byte[] {1, 2});
            assertEquals("UNSUPPORTED", client.next().get("code").asText());

            client.send(LOGIN);
            assertEquals("LoggedIn", client.next().get("type").asText());
            client.send("{\"type\":\"Teleport\",\"requestId\":\"r7\"}");
            JsonNode unknown = client.next();
            assertEquals("UNKNOWN_COMMAND", unknown.get("code").asText());
            assertEquals("r7", unknown.get("requestId").asText());
            client.send("{\"type\":\"SetCallResult\",\"requestId\":\"r8\",\"interactionId\":\"ix-1\"}");
            JsonNode invalid = client.next();
            assertEquals("INVALID", invalid.get("code").asText());
            assertTrue(invalid.get("message").asText().contains("callResult"));

            client.send("{\"type\":\"Ready\",\"requestId\":\"r9\"}");
            assertEquals(new CtiCommand.Ready("r9"), next(desk.commands).command());
            assertFalse(client.closed.isDone());
        }
    }

    @Test
    void eventsPushedByTheDeskArriveInOrder() throws Exception {
        CompletableFuture<CtiEvent> decision = new CompletableFuture<>();
        desk.decideLoginsWith(l -> decision);
        CtiEvent.CampaignInfo spring = new CtiEvent.CampaignInfo("Spring", "Spring drive", "Running",
                "Progressive", "Automatic");
        ExecutorService dialer = Executors.newSingleThreadExecutor();
        try (CtiClient client = CtiClient.connect(HTTP, server.port())) {
            client.send(LOGIN);
            AgentChannel channel = next(desk.channels);
            // The dialer's thread: a notice before the login is decided, then the decision, then a stream of events.
            dialer.submit(() -> {
                channel.send(new CtiEvent.CampaignLoaded(spring));
                decision.complete(new CtiEvent.LoggedIn("r1", "agent1", "NotReady", List.of(spring)));
                for (int i = 0; i < 200; i++) {
                    channel.send(new CtiEvent.AgentStateChanged(null, "agent1", "NotReady", "n" + i));
                }
            }).get(5, TimeUnit.SECONDS);

            assertEquals("LoggedIn", client.next().get("type").asText());
            assertEquals("CampaignLoaded", client.next().get("type").asText());
            for (int i = 0; i < 200; i++) {
                assertEquals("n" + i, client.next().get("reason").asText());
            }
        } finally {
            dialer.shutdownNow();
        }
    }

    @Test
    void disconnectedIsCalledOnceWhenTheDesktopCloses() throws Exception {
        AgentChannel channel;
        try (CtiClient client = loggedInDesktop()) {
            channel = next(desk.channels);
            client.sendClose();
            client.awaitClose();
            RecordingDesk.Disconnect d = next(desk.disconnects);
            assertEquals("agent1", d.agentId());
            assertEquals(channel, d.channel());
        }
        assertFalse(channel.isOpen());
        server.close(); // every event loop has finished: nothing more can come
        assertTrue(desk.disconnects.isEmpty());
    }

    @Test
    void logoutIsAnsweredByTheDeskThenTheConnectionCloses() throws Exception {
        desk.onCommand(r -> {
            if (r.command() instanceof CtiCommand.Logout) {
                r.channel().send(new CtiEvent.LoggedOut(r.command().requestId(), r.agentId()));
                r.channel().close(null);
            }
        });
        try (CtiClient client = loggedInDesktop()) {
            client.send("{\"type\":\"Logout\",\"requestId\":\"r3\"}");
            JsonNode bye = client.next();
            assertEquals("LoggedOut", bye.get("type").asText());
            assertEquals("r3", bye.get("requestId").asText());
            assertEquals(1000, client.awaitClose());
            assertFalse(client.hasUnread());
        }
        assertEquals("agent1", next(desk.disconnects).agentId());
        server.close();
        assertTrue(desk.disconnects.isEmpty());
    }

    @Test
    void closeWithAReasonTellsTheDesktopWhy() throws Exception {
        try (CtiClient client = loggedInDesktop()) {
            next(desk.channels).close("agent1 logged in from another desktop");
            JsonNode error = client.next();
            assertEquals("CLOSED", error.get("code").asText());
            assertEquals("agent1 logged in from another desktop", error.get("message").asText());
            assertEquals(1000, client.awaitClose());
        }
        assertEquals("agent1", next(desk.disconnects).agentId());
    }

    @Test
    void shutdownClosesDesktopsAsGoingAwayAndReportsThem() throws Exception {
        try (CtiClient client = loggedInDesktop()) {
            server.close();
            assertEquals(1001, client.awaitClose());
        }
        assertEquals("agent1", next(desk.disconnects).agentId());
        assertTrue(desk.disconnects.isEmpty());
    }

    @Test
    void messageOverTheSizeLimitClosesTheConnectionAsTooBig() throws Exception {
        try (CtiClient client = loggedInDesktop()) {
            client.send("{\"type\":\"Ready\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
            assertEquals(1009, client.awaitClose());
        }
        assertEquals("agent1", next(desk.disconnects).agentId());
    }

    // ---- admin API, /metrics, /health ----

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void adminRoutesReachTheAdminApiAndAnswerJson() throws Exception {
        admin.answerWith(call -> CompletableFuture.supplyAsync(() -> switch (call.method()) {
            case "campaigns" -> List.of(Map.of("name", "Spring", "status", "Loaded"));
            case "importRecords" -> Map.of("imported", 2, "rejected", List.of());
            default -> Map.of("called", call.method());
        }));
        HttpResponse<String> campaigns = get("/api/campaigns");
        assertEquals(200, campaigns.statusCode());
        assertEquals("application/json; charset=utf-8", campaigns.headers().firstValue("content-type").orElseThrow());
        assertEquals("Spring", json.readTree(campaigns.body()).get(0).get("name").asText());

        assertEquals(200, post("/api/campaigns/Spring/start", "").statusCode());
        String csv = "contact_info,name\n+15551230001,Ada\n+15551230002,Grace\n";
        HttpResponse<String> imported = post("/api/campaigns/Spring/records", csv);
        assertEquals(2, json.readTree(imported.body()).get("imported").asInt());
        assertEquals(200, get("/api/campaigns/Spring/records").statusCode());
        assertEquals(200, get("/api/agents").statusCode());

        assertEquals(List.of(
                new RecordingAdmin.Call("campaigns", List.of()),
                new RecordingAdmin.Call("campaignAction", List.of("Spring", CampaignAction.START)),
                new RecordingAdmin.Call("importRecords", List.of("Spring", csv)),
                new RecordingAdmin.Call("records", List.of("Spring")),
                new RecordingAdmin.Call("agents", List.of())),
                List.of(next(admin.calls), next(admin.calls), next(admin.calls), next(admin.calls), next(admin.calls)));
    }

    @Test
    void adminErrorsCarryTheirStatusAndAJsonMessage() throws Exception {
        admin.answerWith(call -> call.method().equals("records")
                ? CompletableFuture.failedFuture(new AdminException(404, "no campaign named 'Nope'"))
                : CompletableFuture.failedFuture(new IllegalStateException("database down")));
        HttpResponse<String> refused = get("/api/campaigns/Nope/records");
        assertEquals(404, refused.statusCode());
        assertEquals("no campaign named 'Nope'", json.readTree(refused.body()).get("error").asText());
        HttpResponse<String> failed = get("/api/agents");
        assertEquals(500, failed.statusCode());
        assertTrue(json.readTree(failed.body()).get("error").asText().contains("database down"));
    }

    @Test
    void unknownPathWrongMethodAndTooLargeBodyAreRefusedWithJson() throws Exception {
        HttpResponse<String> missing = get("/api/nothing");
        assertEquals(404, missing.statusCode());
        assertTrue(json.readTree(missing.body()).has("error"));

        HttpResponse<String> wrongMethod = post("/api/agents", "");
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("GET", wrongMethod.headers().firstValue("allow").orElseThrow());
        assertTrue(json.readTree(wrongMethod.body()).has("error"));

        HttpResponse<String> tooLarge = post("/api/campaigns/Spring/records", "x".repeat(2_000));
        assertEquals(413, tooLarge.statusCode());
        assertTrue(json.readTree(tooLarge.body()).has("error"));
        assertTrue(admin.calls.isEmpty());
    }

    @Test
    void metricsAndHealthAnswer() throws Exception {
        HttpResponse<String> metrics = get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", metrics.headers().firstValue("content-type").orElseThrow());
        assertEquals("# TYPE outdial_up gauge\noutdial_up 1\n", metrics.body());

        HttpResponse<String> health = get("/health");
        assertEquals(200, health.statusCode());
        assertEquals("UP", json.readTree(health.body()).get("status").asText());
    }

    @Test
    void secondServerOnATakenPortFailsToStartNamingTheAddress() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AgentBridgeServer.start(
                new BridgeConfig("127.0.0.1", server.port(), 1024), desk, admin, () -> ""));
        assertTrue(e.getMessage().contains("127.0.0.1:" + server.port()), e.getMessage());
    }
}
