package io.outdial.bridge.http;

import static io.outdial.bridge.fakes.RecordingDesk.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.outdial.bridge.BridgeConfig;
import io.outdial.bridge.auth.PasswordChecks;
import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.bridge.admin.AdminApi;
import io.outdial.bridge.admin.AdminException;
import io.outdial.bridge.cti.CtiCodec;
import io.outdial.bridge.fakes.RecordingAdmin;
import io.outdial.bridge.fakes.RecordingDesk;
import io.outdial.bridge.json.BridgeJson;
import io.outdial.bridge.session.CtiInitializer;
import io.outdial.bridge.session.CtiSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole HTTP pipeline of a connection, fed raw bytes, answers parsed back from raw bytes. */
class HttpRouterTest {
    private static final int MAX_BODY = 64;

    private final ObjectMapper json = new ObjectMapper();
    private final RecordingAdmin admin = new RecordingAdmin();
    private final PasswordChecks checks = new PasswordChecks(1);
    private final EmbeddedChannel ch = new EmbeddedChannel(TestPipelines.with(MAX_BODY, admin,
            () -> "# TYPE outdial_calls counter\noutdial_calls 3\n", new RecordingDesk(),
            TestPipelines.openLab(checks)));
    private final EmbeddedChannel responses =
            new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 20));

    private record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    @AfterEach
    void releaseLeftovers() {
        checks.close();
        ch.finishAndReleaseAll();
        responses.finishAndReleaseAll();
    }

    private static String request(String method, String path, String... headerLines) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headerLines) + "\r\n";
    }

    private static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private Answer exchange(String raw) {
        ch.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.UTF_8));
        return nextAnswer();
    }

    private Answer nextAnswer() {
        ch.runPendingTasks();
        for (ByteBuf out = ch.readOutbound(); out != null; out = ch.readOutbound()) {
            responses.writeInbound(out);
        }
        FullHttpResponse r = responses.readInbound();
        if (r == null) {
            return null;
        }
        try {
            Map<String, String> headers = new java.util.HashMap<>();
            r.headers().forEach(e -> headers.put(e.getKey().toLowerCase(), e.getValue()));
            return new Answer(r.status().code(), headers, r.content().toString(StandardCharsets.UTF_8));
        } finally {
            r.release();
        }
    }

    private JsonNode body(Answer a) throws Exception {
        return json.readTree(a.body());
    }

    @Test
    void healthIsUp() throws Exception {
        Answer a = exchange(request("GET", "/health"));
        assertEquals(200, a.status());
        assertEquals("application/json; charset=utf-8", a.header("content-type"));
        assertEquals("UP", body(a).get("status").asText());
    }

    @Test
    void metricsAreTheSuppliersTextInPrometheusFormat() {
        Answer a = exchange(request("GET", "/metrics"));
        assertEquals(200, a.status());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", a.header("content-type"));
        assertEquals("# TYPE outdial_calls counter\noutdial_calls 3\n", a.body());
    }

    @Test
    void unknownPathIsNotFoundWithAJsonError() throws Exception {
        Answer a = exchange(request("GET", "/nowhere"));
        assertEquals(404, a.status());
        assertTrue(body(a).get("error").asText().contains("/nowhere"));
        assertEquals(404, exchange(request("GET", "/api/campaigns/Spring/dance")).status());
        assertEquals(404, exchange(request("GET", "/api/campaigns//records")).status());
        assertEquals(404, exchange(request("GET", "/api")).status());
    }

    @Test
    void wrongMethodIsNotAllowedAndListsTheAllowedOnes() throws Exception {
        Answer health = exchange(request("POST", "/health", "Content-Length: 0\r\n"));
        assertEquals(405, health.status());
        assertEquals("GET", health.header("allow"));
        assertTrue(body(health).get("error").asText().contains("POST"));

        Answer load = exchange(request("GET", "/api/campaigns/Spring/load"));
        assertEquals(405, load.status());
        assertEquals("POST", load.header("allow"));

        Answer records = exchange(request("DELETE", "/api/campaigns/Spring/records"));
        assertEquals(405, records.status());
        assertEquals("GET, POST", records.header("allow"));
        assertTrue(admin.calls.isEmpty());
    }

    @Test
    void campaignsListIsTheAdminResultAsJson() throws Exception {
        admin.answerWith(call -> CompletableFuture.completedFuture(
                List.of(Map.of("name", "Spring", "status", "Running"))));
        Answer a = exchange(request("GET", "/api/campaigns"));
        assertEquals(200, a.status());
        assertEquals("application/json; charset=utf-8", a.header("content-type"));
        assertEquals("Spring", body(a).get(0).get("name").asText());
        assertEquals(new RecordingAdmin.Call("campaigns", List.of()), next(admin.calls));
    }

    @ParameterizedTest
    @EnumSource(CampaignAction.class)
    void campaignActionsReachTheAdminApi(CampaignAction action) {
        Answer a = exchange(request("POST", "/api/campaigns/Spring/" + action.name().toLowerCase(),
                "Content-Length: 0\r\n"));
        assertEquals(200, a.status());
        assertEquals(new RecordingAdmin.Call("campaignAction", List.of("Spring", action)), next(admin.calls));
    }

    @Test
    void recordsUploadPassesTheCsvBody() {
        String csv = "contact_info,name\n+15551234567,Ada\n";
        assertEquals(200, exchange(post("/api/campaigns/Spring/records", csv)).status());
        assertEquals(new RecordingAdmin.Call("importRecords", List.of("Spring", csv)), next(admin.calls));
    }

    /** A CSV upload as raw bytes (a spreadsheet's Latin-1 export, say), with an optional charset. */
    private Answer uploadBytes(String path, String contentType, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        ch.writeInbound(Unpooled.wrappedBuffer(head, body));
        return nextAnswer();
    }

    @Test
    void anUploadThatIsNotUtf8IsRefusedNamingTheLineAndByteAndNothingReachesTheStore() throws Exception {
        byte[] latin1 = "contact_info,name\n+15551234567,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Answer refused = uploadBytes("/api/campaigns/Spring/records", "text/csv", latin1);
        assertEquals(400, refused.status());
        String error = body(refused).path("error").asText();
        assertTrue(error.contains("not valid UTF-8: line 2, byte 17 of the line (0xE9"), error);
        assertTrue(error.contains("?charset="), error);
        assertTrue(admin.calls.isEmpty(), "nothing imported: " + admin.calls);
    }

    @Test
    void anUploadDecodesInTheCharsetItNames() throws Exception {
        byte[] latin1 = "contact_info,name\n+15551234567,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(200, uploadBytes("/api/campaigns/Spring/records?charset=ISO-8859-1", "text/csv", latin1).status());
        assertEquals(new RecordingAdmin.Call("importRecords",
                List.of("Spring", "contact_info,name\n+15551234567,caf\u00e9\n")), next(admin.calls));
        assertEquals(200, uploadBytes("/api/campaigns/Spring/records", "text/csv; charset=windows-1252", latin1)
                .status());
        assertEquals("caf\u00e9", ((String) next(admin.calls).args().get(1)).strip().split(",")[2]);
        assertEquals(400, uploadBytes("/api/campaigns/Spring/records?charset=klingon", "text/csv", latin1).status());
    }

    @Test
    void recordsAndAgentsAreListed() {
        assertEquals(200, exchange(request("GET", "/api/campaigns/Spring/records")).status());
        assertEquals(new RecordingAdmin.Call("records", List.of("Spring")), next(admin.calls));
        assertEquals(200, exchange(request("GET", "/api/agents/")).status());
        assertEquals(new RecordingAdmin.Call("agents", List.of()), next(admin.calls));
    }

    @Test
    void thePagesAreServedAndOnlyRead() {
        Answer page = exchange(request("GET", "/agent"));
        assertEquals(200, page.status());
        assertEquals("text/html; charset=utf-8", page.header("content-type"));
        assertTrue(page.body().contains("/agent/app.js"), page.body());
        Answer script = exchange(request("GET", "/supervisor/app.js?v=2"));
        assertEquals(200, script.status());
        assertEquals("text/javascript; charset=utf-8", script.header("content-type"));
        // HEAD: the status and headers, no body (read raw: a response decoder cannot know the request was HEAD).
        ch.writeInbound(Unpooled.copiedBuffer(request("HEAD", "/supervisor"), StandardCharsets.UTF_8));
        ch.runPendingTasks();
        StringBuilder raw = new StringBuilder();
        for (ByteBuf out = ch.readOutbound(); out != null; out = ch.readOutbound()) {
            raw.append(out.toString(StandardCharsets.UTF_8));
            out.release();
        }
        assertTrue(raw.toString().startsWith("HTTP/1.1 200 OK"), raw.toString());
        assertTrue(raw.toString().endsWith("\r\n\r\n"), "no body after the headers: " + raw);
        Answer post = exchange(request("POST", "/agent", "Content-Length: 0\r\n"));
        assertEquals(405, post.status());
        assertEquals("GET, HEAD", post.header("allow"));
        assertEquals(404, exchange(request("GET", "/agent/../../pom.xml")).status());
        assertEquals(404, exchange(request("GET", "/agent/%2e%2e/%2e%2e/pom.xml")).status());
        assertTrue(admin.calls.isEmpty());
    }

    @Test
    void statsAndTheirHistoryReachTheAdminApi() throws Exception {
        admin.answerWith(call -> CompletableFuture.completedFuture(Map.of("callsInProgress", 2)));
        Answer a = exchange(request("GET", "/api/stats"));
        assertEquals(200, a.status());
        assertEquals(2, body(a).get("callsInProgress").asInt());
        assertEquals(new RecordingAdmin.Call("stats", List.of()), next(admin.calls));
        assertEquals(200, exchange(request("GET", "/api/stats/history")).status());
        assertEquals(new RecordingAdmin.Call("statsHistory", List.of()), next(admin.calls));
        assertEquals(405, exchange(request("POST", "/api/stats", "Content-Length: 0\r\n")).status());
    }

    @Test
    void theExportIsACsvDownloadNamedAfterTheCampaign() {
        admin.answerWith(call -> CompletableFuture.completedFuture("record_id,call_result\n1,ANSWER\n"));
        Answer a = exchange(request("GET", "/api/campaigns/Spring%20drive/export"));
        assertEquals(200, a.status());
        assertEquals("text/csv; charset=utf-8", a.header("content-type"));
        assertEquals("attachment; filename=\"Spring_drive-records.csv\"", a.header("content-disposition"));
        assertEquals("record_id,call_result\n1,ANSWER\n", a.body());
        assertEquals(new RecordingAdmin.Call("exportRecords", List.of("Spring drive")), next(admin.calls));
    }

    @Test
    void anExportOfAnUnknownCampaignIsAJson404() throws Exception {
        admin.answerWith(call -> CompletableFuture.failedFuture(new AdminException(404, "no campaign named 'x'")));
        Answer a = exchange(request("GET", "/api/campaigns/x/export"));
        assertEquals(404, a.status());
        assertEquals("no campaign named 'x'", body(a).get("error").asText());
    }

    @Test
    void doNotCallEntriesArePostedAsJsonAndListed() {
        assertEquals(200, exchange(post("/api/dnc", "{\"phone\":\"5551234\",\"campaign\":\"Spring\"}")).status());
        assertEquals(new RecordingAdmin.Call("addDoNotCall",
                List.of(new AdminApi.DoNotCallEntry("5551234", "Spring"))), next(admin.calls));
        assertEquals(200, exchange(request("GET", "/api/dnc")).status());
        assertEquals(new RecordingAdmin.Call("doNotCallList", List.of()), next(admin.calls));
        assertEquals(200, exchange(post("/api/dnc", "{\"customerId\":\"C-17\"}")).status());
        assertEquals(new RecordingAdmin.Call("addDoNotCall",
                List.of(new AdminApi.DoNotCallEntry(null, "C-17", null))), next(admin.calls));
    }

    @Test
    void aDoNotCallBodyThatIsNotAnEntryIsBadRequest() throws Exception {
        Answer a = exchange(post("/api/dnc", "phone=5551234"));
        assertEquals(400, a.status());
        assertTrue(body(a).get("error").asText().contains("JSON object"));
        assertEquals(400, exchange(post("/api/dnc", "{\"campaign\":\"Spring\"}")).status());
        assertEquals(400, exchange(post("/api/dnc", "{\"phone\":\"5551234\",\"customerId\":\"C-17\"}")).status());
        assertTrue(admin.calls.isEmpty(), "nothing reached the dialer");
    }

    @Test
    void campaignNameIsPercentDecodedButKeepsItsPlusSigns() {
        exchange(request("POST", "/api/campaigns/Spring%20Drive+2/start", "Content-Length: 0\r\n"));
        assertEquals(List.of("Spring Drive+2", CampaignAction.START), next(admin.calls).args());
    }

    @Test
    void adminRefusalKeepsItsStatusAndMessage() throws Exception {
        admin.answerWith(call -> CompletableFuture.failedFuture(
                new AdminException(409, "campaign Spring is already running")));
        Answer a = exchange(request("POST", "/api/campaigns/Spring/start", "Content-Length: 0\r\n"));
        assertEquals(409, a.status());
        assertEquals("campaign Spring is already running", body(a).get("error").asText());
    }

    @Test
    void adminRefusalWrappedInACompletionExceptionKeepsItsStatus() {
        admin.answerWith(call -> CompletableFuture.failedFuture(
                new CompletionException(new AdminException(404, "no campaign named 'Nope'"))));
        assertEquals(404, exchange(request("GET", "/api/campaigns/Nope/records")).status());
    }

    @Test
    void unexpectedAdminFailureIsAnInternalErrorWithAMessage() throws Exception {
        admin.answerWith(call -> CompletableFuture.failedFuture(new IllegalStateException("pool exhausted")));
        Answer a = exchange(request("GET", "/api/agents"));
        assertEquals(500, a.status());
        assertTrue(body(a).get("error").asText().contains("pool exhausted"));
    }

    @Test
    void adminThrowingInsteadOfFailingTheFutureIsAnInternalError() {
        admin.answerWith(call -> {
            throw new IllegalStateException("bug");
        });
        assertEquals(500, exchange(request("GET", "/api/agents")).status());
    }

    @Test
    void nullResultIsNoContent() {
        admin.answerWith(call -> CompletableFuture.completedFuture(null));
        Answer a = exchange(request("POST", "/api/campaigns/Spring/stop", "Content-Length: 0\r\n"));
        assertEquals(204, a.status());
        assertEquals("", a.body());
    }

    @Test
    void bodyOverTheLimitIsRefusedWith413AndSkipped() throws Exception {
        Answer a = exchange(post("/api/campaigns/Spring/records", "x".repeat(MAX_BODY + 1)));
        assertEquals(413, a.status());
        assertTrue(body(a).get("error").asText().contains(String.valueOf(MAX_BODY)));
        assertTrue(admin.calls.isEmpty());
        assertEquals(200, exchange(request("GET", "/health")).status(), "the connection is still usable");
    }

    @Test
    void chunkedBodyOutgrowingTheLimitIsRefusedWith413AndTheConnectionClosed() {
        String chunk = "x".repeat(MAX_BODY);
        Answer a = exchange("POST /api/campaigns/Spring/records HTTP/1.1\r\nHost: localhost\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(MAX_BODY) + "\r\n" + chunk + "\r\n"
                + Integer.toHexString(MAX_BODY) + "\r\n" + chunk + "\r\n0\r\n\r\n");
        assertEquals(413, a.status());
        assertFalse(ch.isActive());
        assertTrue(admin.calls.isEmpty());
    }

    @Test
    void expectContinueOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        Answer a = exchange(request("POST", "/api/campaigns/Spring/records",
                "Content-Length: " + (MAX_BODY * 10) + "\r\n", "Expect: 100-continue\r\n"));
        assertEquals(413, a.status());
        assertNotNull(body(a).get("error"));
        assertTrue(admin.calls.isEmpty());
    }

    @Test
    void answersLeaveInRequestOrderEvenWhenTheyCompleteOutOfOrder() throws Exception {
        CompletableFuture<Object> slow = new CompletableFuture<>();
        admin.answerWith(call -> call.method().equals("campaigns") ? slow
                : CompletableFuture.completedFuture(Map.of("agents", List.of())));
        ch.writeInbound(Unpooled.copiedBuffer(request("GET", "/api/campaigns") + request("GET", "/api/agents"),
                StandardCharsets.UTF_8));
        assertNull(nextAnswer(), "the second answer waits for the first");

        slow.complete(List.of("Spring"));
        assertEquals("Spring", body(nextAnswer()).get(0).asText());
        assertTrue(body(nextAnswer()).has("agents"));
    }

    @Test
    void connectionCloseRequestIsClosedAfterTheAnswer() {
        Answer a = exchange(request("GET", "/health", "Connection: close\r\n"));
        assertEquals(200, a.status());
        assertFalse(ch.isActive());
    }

    @Test
    void keepAliveConnectionStaysOpen() {
        exchange(request("GET", "/health"));
        assertTrue(ch.isActive());
    }

    @Test
    void ctiWithoutWebSocketUpgradeIsUpgradeRequired() throws Exception {
        Answer a = exchange(request("GET", "/cti"));
        assertEquals(426, a.status());
        assertEquals("websocket", a.header("upgrade"));
        assertNotNull(body(a).get("error"));
        assertEquals(405, exchange(request("POST", "/cti", "Content-Length: 0\r\n")).status());
    }

    @Test
    void ctiUpgradeHandsTheConnectionToACtiSession() {
        Answer a = exchange(request("GET", "/cti?desk=7", "Upgrade: websocket\r\n", "Connection: Upgrade\r\n",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n", "Sec-WebSocket-Version: 13\r\n"));
        assertEquals(101, a.status());
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", a.header("sec-websocket-accept"));
        assertNotNull(ch.pipeline().get(CtiSession.class));
        assertNull(ch.pipeline().get(HttpRouter.class), "the router leaves an upgraded connection");
    }

    @Test
    void malformedRequestIsBadRequestAndTheConnectionClosed() {
        Answer a = exchange(request("GET", "/" + "a".repeat(5_000)));
        assertEquals(400, a.status());
        assertFalse(ch.isActive());
    }
}
