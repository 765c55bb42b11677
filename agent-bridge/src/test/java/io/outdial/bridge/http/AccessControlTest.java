package io.outdial.bridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.outdial.bridge.auth.Access;
import io.outdial.bridge.auth.ApiTokens;
import io.outdial.bridge.auth.AuditEntry;
import io.outdial.bridge.auth.AuthSettings;
import io.outdial.bridge.auth.Gatekeeper;
import io.outdial.bridge.auth.LoginThrottle;
import io.outdial.bridge.auth.PasswordChecks;
import io.outdial.bridge.auth.PasswordHashes;
import io.outdial.bridge.auth.Role;
import io.outdial.bridge.auth.SecurityEvents;
import io.outdial.bridge.fakes.RecordingAdmin;
import io.outdial.bridge.fakes.RecordingDesk;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The router's access checks over the whole pipeline: every route of the table, every way of asking. */
class AccessControlTest {
    private static final String SUPERVISOR_HASH = PasswordHashes.hash("sup-password", PasswordHashes.MIN_COST);
    private static final String ADMIN_HASH = PasswordHashes.hash("admin-password", PasswordHashes.MIN_COST);
    private static final String SUPERVISOR_TOKEN = ApiTokens.generate();
    private static final String ADMIN_TOKEN = ApiTokens.generate();
    private static final String SCRAPE_TOKEN = ApiTokens.generate();

    private final ObjectMapper json = new ObjectMapper();
    private final RecordingAdmin admin = new RecordingAdmin();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Gatekeeper gate = new Gatekeeper(new AuthSettings(false,
            List.of(new AuthSettings.User("sup", Role.SUPERVISOR, SUPERVISOR_HASH),
                    new AuthSettings.User("boss", Role.ADMIN, ADMIN_HASH)),
            List.of(new ApiTokens.Token("script", Role.SUPERVISOR, ApiTokens.sha256(SUPERVISOR_TOKEN)),
                    new ApiTokens.Token("ops", Role.ADMIN, ApiTokens.sha256(ADMIN_TOKEN))),
            ApiTokens.sha256(SCRAPE_TOKEN), Duration.ofMinutes(30), Duration.ofHours(8),
            new LoginThrottle.Limits(3, 50, Duration.ofMinutes(15), Duration.ofMinutes(15)),
            Set.of("https://desk.example"), false, false),
            false, PasswordChecks.onCallingThread(), new SecurityEvents() {
                @Override
                public java.util.concurrent.CompletableFuture<Void> audit(AuditEntry entry) {
                    audit.add(entry);
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                }

                @Override
                public void loginFailed(Door door, Failure why, String account, String source) {
                    failures.add(door + " " + why + " " + account);
                }
            }, Instant::now);
    private final HttpInitializer pipeline = TestPipelines.with(1 << 16, admin, () -> "outdial_up 1\n",
            new RecordingDesk(), gate);
    private EmbeddedChannel ch = new EmbeddedChannel(pipeline);
    private final EmbeddedChannel responses =
            new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 20));

    private record Answer(int status, Map<String, String> headers, String body) { }

    @AfterEach
    void releaseLeftovers() {
        ch.finishAndReleaseAll();
        responses.finishAndReleaseAll();
    }

    private Answer send(String method, String path, String body, String... headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String raw = method + " " + path + " HTTP/1.1\r\nHost: gw.local:8443\r\n" + String.join("", headers)
                + "Content-Length: " + bytes.length + "\r\n\r\n" + body;
        ch.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.UTF_8));
        ch.runPendingTasks();
        for (ByteBuf out = ch.readOutbound(); out != null; out = ch.readOutbound()) {
            responses.writeInbound(out);
        }
        FullHttpResponse r = responses.readInbound();
        assertNotNull(r, method + " " + path + " got no answer");
        try {
            Map<String, String> h = new HashMap<>();
            r.headers().forEach(e -> h.put(e.getKey().toLowerCase(), e.getValue()));
            return new Answer(r.status().code(), h, r.content().toString(StandardCharsets.UTF_8));
        } finally {
            r.release();
        }
    }

    private static String bearer(String token) {
        return "Authorization: Bearer " + token + "\r\n";
    }

    /** A path of the route with sample values for its variable segments. */
    private static String concrete(Route r) {
        return r.pattern().replaceAll("\\{[a-z]+}", "x1");
    }

    private List<Route> protectedRoutes() {
        List<Route> out = new ArrayList<>();
        for (Route r : AdminRoutesAndOwn.all(gate, admin)) {
            if (r.access() != Access.PUBLIC) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void everyProtectedRouteRefusesAnonymousCallersWith401AndDoesNothing() {
        List<Route> routes = protectedRoutes();
        assertTrue(routes.size() >= 17, "the table has its routes: " + routes.size());
        for (Route r : routes) {
            Answer a = send(r.method().name(), concrete(r), "{}");
            assertEquals(401, a.status(), r.method() + " " + r.pattern());
            assertEquals("Bearer realm=\"outdial\"", a.headers().get("www-authenticate"));
        }
        assertTrue(admin.calls.isEmpty(), "nothing reached the dialer: " + admin.calls);
        assertTrue(audit.isEmpty());
    }

    @Test
    void adminRoutesRefuseASupervisorWith403AndAnUnknownTokenWith401() {
        int adminRoutes = 0;
        for (Route r : protectedRoutes()) {
            if (r.access() == Access.ADMIN) {
                adminRoutes++;
                assertEquals(403, send(r.method().name(), concrete(r), "{}", bearer(SUPERVISOR_TOKEN)).status(),
                        r.method() + " " + r.pattern());
            }
            assertEquals(401, send(r.method().name(), concrete(r), "{}", bearer(ApiTokens.generate())).status());
        }
        assertTrue(adminRoutes >= 5, "SIP passwords, registrations, dnc add, export, audit: " + adminRoutes);
        assertTrue(admin.calls.isEmpty(), "nothing reached the dialer: " + admin.calls);
    }

    @Test
    void theScrapeTokenReadsMetricsAndNothingElse() {
        Answer metrics = send("GET", "/metrics", "", bearer(SCRAPE_TOKEN));
        assertEquals(200, metrics.status());
        assertEquals("outdial_up 1\n", metrics.body());
        assertEquals(403, send("GET", "/api/campaigns", "", bearer(SCRAPE_TOKEN)).status());
        assertEquals(401, send("GET", "/metrics", "").status());
    }

    @Test
    void tokensActWithTheirRoleAndTheirActionsAreAudited() throws Exception {
        assertEquals(200, send("POST", "/api/campaigns/Spring/start", "", bearer(SUPERVISOR_TOKEN)).status());
        assertEquals(200, send("GET", "/api/campaigns/Spring/export", "", bearer(ADMIN_TOKEN)).status());
        assertEquals(200, send("GET", "/api/stats", "", bearer(SUPERVISOR_TOKEN)).status());
        assertEquals(List.of("campaignAction", "exportRecords", "stats"),
                admin.calls.stream().map(RecordingAdmin.Call::method).toList());
        assertEquals(2, audit.size(), "the start and the export, not the read of the live view: " + audit);
        assertEquals("script", audit.get(0).actor());
        assertEquals(Role.SUPERVISOR, audit.get(0).role());
        assertEquals("POST /api/campaigns/Spring/start", audit.get(0).action());
        assertEquals(200, audit.get(0).status());
        assertEquals("ops", audit.get(1).actor());
        assertEquals("GET /api/campaigns/Spring/export", audit.get(1).action());
    }

    @Test
    void aBrowserSessionNeedsItsCsrfTokenToChangeAnythingAndEndsAtLogout() throws Exception {
        assertEquals(303, send("GET", "/supervisor", "").status(), "no session: to the login page");
        Answer login = send("POST", "/auth/login", "{\"user\":\"sup\",\"password\":\"sup-password\"}");
        assertEquals(200, login.status());
        String setCookie = login.headers().get("set-cookie");
        String attributes = setCookie.toLowerCase();
        assertTrue(attributes.contains("httponly") && attributes.contains("samesite=strict"), setCookie);
        assertFalse(attributes.contains("secure"), "plain HTTP here: " + setCookie);
        String cookie = "Cookie: " + setCookie.substring(0, setCookie.indexOf(';')) + "\r\n";
        String csrf = json.readTree(login.body()).get("csrfToken").asText();

        assertEquals(200, send("GET", "/supervisor", "", cookie).status());
        assertEquals(200, send("GET", "/api/campaigns", "", cookie).status());
        assertEquals(403, send("POST", "/api/campaigns/Spring/start", "", cookie).status(), "no CSRF token");
        assertEquals(403, send("POST", "/api/campaigns/Spring/start", "", cookie,
                "X-CSRF-Token: " + csrf + "x\r\n").status(), "wrong CSRF token");
        assertEquals(403, send("POST", "/api/campaigns/Spring/start", "", cookie, "X-CSRF-Token: " + csrf + "\r\n",
                "Origin: https://evil.example\r\n").status(), "cross-site origin");
        assertEquals(403, send("GET", "/api/campaigns/Spring/export", "", cookie).status(), "a supervisor");
        assertEquals(List.of("campaigns"), admin.calls.stream().map(RecordingAdmin.Call::method).toList());
        assertEquals(200, send("POST", "/api/campaigns/Spring/start", "", cookie, "X-CSRF-Token: " + csrf + "\r\n",
                "Origin: http://gw.local:8443\r\n").status());

        Answer logout = send("POST", "/auth/logout", "", cookie, "X-CSRF-Token: " + csrf + "\r\n");
        assertEquals(204, logout.status());
        assertTrue(logout.headers().get("set-cookie").contains("Max-Age=0"));
        assertEquals(401, send("GET", "/api/campaigns", "", cookie).status(), "the session is over");
        assertEquals(401, send("GET", "/auth/session", "", cookie).status());
        assertEquals(List.of("login", "POST /api/campaigns/Spring/start", "POST /auth/logout"),
                audit.stream().map(AuditEntry::action).toList());
    }

    @Test
    void wrongPasswordsAreRefusedCountedAndThrottled() throws Exception {
        for (int i = 0; i < 3; i++) {
            Answer a = send("POST", "/auth/login", "{\"user\":\"boss\",\"password\":\"guess" + i + "\"}");
            assertEquals(401, a.status());
            assertEquals("wrong user name or password", json.readTree(a.body()).get("error").asText());
            assertFalse(a.headers().containsKey("set-cookie"));
        }
        Answer locked = send("POST", "/auth/login", "{\"user\":\"boss\",\"password\":\"admin-password\"}");
        assertEquals(429, locked.status(), "locked even with the right password");
        assertNotNull(locked.headers().get("retry-after"));
        assertEquals(401, send("POST", "/auth/login", "{\"user\":\"nobody\",\"password\":\"x\"}").status());
        assertEquals(List.of("HTTP BAD_CREDENTIALS boss", "HTTP BAD_CREDENTIALS boss", "HTTP BAD_CREDENTIALS boss",
                "HTTP THROTTLED boss", "HTTP BAD_CREDENTIALS nobody"), failures);
        for (String f : failures) {
            assertFalse(f.contains("guess") || f.contains("admin-password"), "no password in " + f);
        }
    }

    @Test
    void aCtiWebSocketFromAForeignOriginIsRefused() {
        String upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        assertEquals("HTTP/1.1 403", statusLine(upgrade + "Origin: https://evil.example\r\n"));
        assertEquals("HTTP/1.1 101", statusLine(upgrade + "Origin: https://desk.example\r\n"), "a configured origin");
        assertEquals("HTTP/1.1 101", statusLine(upgrade + "Origin: http://gw.local:8443\r\n"), "its own page");
        assertEquals("HTTP/1.1 101", statusLine(upgrade), "no Origin: not a browser (the CTI login still applies)");
    }

    /** The first 12 characters of the answer to a /cti request on a new connection. */
    private String statusLine(String headers) {
        ch = new EmbeddedChannel(pipeline);
        ch.writeInbound(Unpooled.copiedBuffer("GET /cti HTTP/1.1\r\nHost: gw.local:8443\r\n" + headers + "\r\n",
                StandardCharsets.UTF_8));
        ch.runPendingTasks();
        ByteBuf out = ch.readOutbound();
        try {
            return out.toString(StandardCharsets.US_ASCII).substring(0, 12);
        } finally {
            out.release();
        }
    }

    @Test
    void auditedPathsKeepNoControlCharacters() {
        assertEquals(404, send("POST", "/api/campaigns/a%0Ab/x1/start", "", bearer(SUPERVISOR_TOKEN)).status());
        assertEquals(200, send("POST", "/api/campaigns/a%0Ab/start", "", bearer(SUPERVISOR_TOKEN)).status());
        assertEquals("POST /api/campaigns/a?b/start", audit.get(0).action());
        assertEquals("a\nb", admin.calls.peek().args().get(0), "the dialer gets the name as sent");
    }

    @Test
    void anUnknownAdminPathTellsAnAnonymousCallerOnlyToLogIn() {
        assertEquals(401, send("GET", "/api/secret-thing", "").status());
        assertEquals(404, send("GET", "/api/secret-thing", "", bearer(SUPERVISOR_TOKEN)).status());
    }

    /** The table the pipeline routes with. */
    private static final class AdminRoutesAndOwn {
        static List<Route> all(Gatekeeper gate, RecordingAdmin admin) {
            return io.outdial.bridge.AgentBridgeServer.routes(admin, () -> "", gate,
                    io.outdial.bridge.json.BridgeJson.newMapper()).all();
        }
    }
}
