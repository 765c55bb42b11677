package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.bridge.auth.Access;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.http.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The running gateway's doors over loopback: every route of its table refuses anonymous callers (401) and the
 * wrong role (403) and nothing changes; tokens work with their role; the scrape token reads /metrics only; logins
 * are throttled per account for HTTP and CTI and counted; actions land in the audit log; a CTI WebSocket from a
 * foreign origin is refused.
 */
class HttpSecurityIT {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String AGENTS = "  - { id: ann, secret: s3cret-ann }";
    private static final String CAMPAIGNS = "  - { name: spring, dialingMode: progressive, agents: [ann],"
            + " autoLoad: false }";

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(GatewayHarness gw, String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gw.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A path of the route with values that name real things (so a refusal is not a 404 in disguise). */
    private static String concrete(Route r) {
        return r.pattern().replace("{campaign}", "spring").replace("{agent}", "ann").replace("{record}", "1")
                .replace("{recording}", "1").replace("{response}", "1");
    }

    /** What a supervisor could see change: campaigns, records, the DNC list, agents, the audit log. */
    private static List<String> snapshot(GatewayHarness gw) throws Exception {
        return List.of(gw.get("/api/campaigns"), gw.get("/api/campaigns/spring/records"), gw.get("/api/dnc"),
                gw.get("/api/agents"), String.valueOf(gw.records("spring").size()));
    }

    private static String body(Route r) {
        if (r.pattern().endsWith("/records")) {
            return "contact_info\n2005550001\n";
        }
        if (r.pattern().endsWith("/dnc")) {
            return "{\"phone\":\"2005550001\"}";
        }
        return r.pattern().endsWith("/sip-password") ? "{\"password\":\"new-sip-password\"}" : "";
    }

    @Test
    void everyRouteRefusesAnonymousAndWrongRoleCallersAndNothingChanges() throws Exception {
        try (GatewayHarness gw = GatewayHarness.start("127.0.0.1:5999", AGENTS, CAMPAIGNS)) {
            List<String> before = snapshot(gw);
            int auditBefore = GatewayHarness.JSON.readTree(gw.get("/api/audit")).size();
            List<Route> routes = gw.gateway().httpRoutes();
            List<String> checked = new ArrayList<>();
            for (Route r : routes) {
                if (r.access() == Access.PUBLIC) {
                    continue;
                }
                String what = r.method() + " " + r.pattern();
                HttpResponse<String> anonymous = send(gw, r.method().name(), concrete(r), body(r));
                assertEquals(401, anonymous.statusCode(), what + ": " + anonymous.body());
                HttpResponse<String> badToken = send(gw, r.method().name(), concrete(r), body(r),
                        "Authorization", "Bearer odt_not-a-token");
                assertEquals(401, badToken.statusCode(), what);
                if (r.access() == Access.ADMIN) {
                    HttpResponse<String> supervisor = send(gw, r.method().name(), concrete(r), body(r),
                            "Authorization", "Bearer " + GatewayHarness.SUPERVISOR_TOKEN);
                    assertEquals(403, supervisor.statusCode(), what + ": " + supervisor.body());
                }
                if (r.access() != Access.METRICS) {
                    assertEquals(403, send(gw, r.method().name(), concrete(r), body(r),
                            "Authorization", "Bearer " + GatewayHarness.SCRAPE_TOKEN).statusCode(), what);
                }
                checked.add(what);
            }
            assertTrue(checked.contains("GET /metrics") && checked.contains("POST /api/campaigns/{campaign}/start")
                    && checked.contains("GET /api/campaigns/{campaign}/export"), checked.toString());
            assertEquals(before, snapshot(gw), "refused requests changed nothing");
            JsonNode audit = GatewayHarness.JSON.readTree(gw.get("/api/audit"));
            assertEquals(auditBefore + 1, audit.size(), "only the harness's own first read of the audit log");
            assertEquals("GET /api/audit", audit.get(0).get("action").asText());
            assertEquals("it-admin-token", audit.get(0).get("actor").asText());
        }
    }

    @Test
    void tokensActWithTheirRoleTheScrapeTokenReadsMetricsAndActionsAreAudited() throws Exception {
        try (GatewayHarness gw = GatewayHarness.start("127.0.0.1:5999", AGENTS, CAMPAIGNS)) {
            String supervisor = "Bearer " + GatewayHarness.SUPERVISOR_TOKEN;
            assertEquals(200, send(gw, "POST", "/api/campaigns/spring/records", "contact_info\n2005550002\n",
                    "Authorization", supervisor).statusCode());
            assertEquals(200, send(gw, "POST", "/api/campaigns/spring/load", "", "Authorization", supervisor)
                    .statusCode());
            assertEquals(1, gw.records("spring").size());
            HttpResponse<String> metrics = send(gw, "GET", "/metrics", "", "Authorization",
                    "Bearer " + GatewayHarness.SCRAPE_TOKEN);
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("outdial_login_failures_total"), "the login-failure counter");

            JsonNode audit = GatewayHarness.JSON.readTree(gw.get("/api/audit?limit=10"));
            JsonNode load = audit.get(0);
            assertEquals("it-supervisor-token", load.get("actor").asText());
            assertEquals("supervisor", load.get("role").asText());
            assertEquals("POST /api/campaigns/spring/load", load.get("action").asText());
            assertEquals(200, load.get("status").asInt());
            assertEquals("127.0.0.1", load.get("source").asText());
            assertTrue(load.hasNonNull("at"));
            assertEquals("POST /api/campaigns/spring/records", audit.get(1).get("action").asText());
            assertEquals(400, send(gw, "GET", "/api/audit?limit=0", "", "Authorization",
                    "Bearer " + GatewayHarness.ADMIN_TOKEN).statusCode());
        }
    }

    @Test
    void repeatedWrongPasswordsAreThrottledForHttpAndCtiAndCounted() throws Exception {
        try (GatewayHarness gw = GatewayHarness.startWithHttp("127.0.0.1:5999", AGENTS, CAMPAIGNS, "",
                "    loginFailuresPerAccount: 3\n")) {
            for (int i = 0; i < 3; i++) {
                assertEquals(401, send(gw, "POST", "/auth/login", "{\"user\":\"it-admin\",\"password\":\"guess\"}")
                        .statusCode());
            }
            HttpResponse<String> locked = send(gw, "POST", "/auth/login",
                    "{\"user\":\"it-admin\",\"password\":\"" + GatewayHarness.ADMIN_PASSWORD + "\"}");
            assertEquals(429, locked.statusCode(), "locked even with the right password");
            assertTrue(locked.headers().firstValue("Retry-After").isPresent());
            assertEquals(200, send(gw, "POST", "/auth/login", "{\"user\":\"it-supervisor\",\"password\":\""
                    + GatewayHarness.SUPERVISOR_PASSWORD + "\"}").statusCode(), "another account is not locked");

            for (int i = 0; i < 3; i++) {
                try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                    desk.send(new CtiCommand.Login("r" + i, "ann", "wrong-secret", "sip:ann@127.0.0.1:5999"));
                    assertEquals("BAD_CREDENTIALS", desk.await("Error", LIMIT).get("code").asText());
                }
            }
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login("r9", "ann", "s3cret-ann", "sip:ann@127.0.0.1:5999"));
                assertEquals("TOO_MANY_ATTEMPTS", desk.await("Error", LIMIT).get("code").asText());
            }
            assertEquals(3, gw.requiredMetric("outdial_login_failures_total{door=\"http\",reason=\"bad_credentials\"}"));
            assertEquals(1, gw.requiredMetric("outdial_login_failures_total{door=\"http\",reason=\"throttled\"}"));
            assertEquals(3, gw.requiredMetric("outdial_login_failures_total{door=\"cti\",reason=\"bad_credentials\"}"));
            assertEquals(1, gw.requiredMetric("outdial_login_failures_total{door=\"cti\",reason=\"throttled\"}"));
        }
    }

    @Test
    void aCtiWebSocketFromAForeignOriginIsRefusedAndAHashedAgentSecretLogsIn() throws Exception {
        String hashed = io.outdial.bridge.auth.PasswordHashes.hash("s3cret-bob", 10);
        try (GatewayHarness gw = GatewayHarness.start("127.0.0.1:5999",
                AGENTS + "\n  - { id: bob, secret: \"" + hashed + "\" }", CAMPAIGNS)) {
            CompletionException refused = assertThrows(CompletionException.class, () -> http.newWebSocketBuilder()
                    .header("Origin", "https://evil.example").buildAsync(URI.create(gw.ctiUrl()),
                            new java.net.http.WebSocket.Listener() { }).join());
            assertEquals(403, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login("r1", "bob", "s3cret-bob", "sip:bob@127.0.0.1:5999"));
                assertEquals("bob", desk.await("LoggedIn", LIMIT).get("agentId").asText());
            }
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login("r2", "bob", hashed, "sip:bob@127.0.0.1:5999"));
                assertEquals("BAD_CREDENTIALS", desk.await("Error", LIMIT).get("code").asText(),
                        "the hash itself is no secret");
            }
        }
    }
}
