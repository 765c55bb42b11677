package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The supervisor page behind its login, in a real Chromium against the running gateway: no session means the login
 * page, a wrong password is refused, the right one opens the dashboard, logout ends the session for good.
 */
class SupervisorLoginIT {

    /** Opens /supervisor, is sent to the login page, logs in and waits for the dashboard. */
    static void logIn(Browser b, GatewayHarness gw, String user, String password) {
        b.open(gw.baseUrl() + "/supervisor");
        b.type("#login-user", user);
        b.type("#login-password", password);
        b.click("#btn-login");
        b.awaitText("#whoami", user);
    }

    @Test
    void wrongPasswordIsRefusedRightOneOpensTheDashboardAndLogoutEndsTheSession() throws Exception {
        try (GatewayHarness gw = GatewayHarness.start("127.0.0.1:5999", AgentDesktopIT.AGENTS,
                     "  - { name: spring, dialingMode: progressive, agents: [ann], autoLoad: false }");
             Browser b = Browser.start("supervisor-login-logout")) {
            b.open(gw.baseUrl() + "/supervisor");
            b.await(ExpectedConditions.urlToBe(gw.baseUrl() + "/login"));

            b.type("#login-user", GatewayHarness.SUPERVISOR_USER);
            b.type("#login-password", "not-the-password");
            b.click("#btn-login");
            b.awaitText("#login-error", "Login refused: wrong user name or password");
            assertEquals(gw.baseUrl() + "/login", b.driver().getCurrentUrl());
            assertEquals(null, b.driver().manage().getCookieNamed("outdial_session"));

            b.type("#login-password", GatewayHarness.SUPERVISOR_PASSWORD);
            b.click("#btn-login");
            b.awaitText("#whoami", GatewayHarness.SUPERVISOR_USER + " (supervisor)");
            b.awaitVisible("#campaign-table tr[data-campaign='spring']");
            Cookie session = b.driver().manage().getCookieNamed("outdial_session");
            assertTrue(session.isHttpOnly(), "HttpOnly");
            assertEquals("Strict", session.getSameSite());
            assertEquals(null, b.script("return document.cookie.includes('outdial_session') ? 'seen' : null;"),
                    "the page's scripts cannot read the session cookie");

            // A campaign action from the page: the CSRF token goes with it.
            b.click("#campaign-table tr[data-campaign='spring'] button[data-action='load']");
            b.awaitText("#campaign-table tr[data-campaign='spring'] .status", "Active");

            b.click("#btn-logout");
            b.await(ExpectedConditions.urlToBe(gw.baseUrl() + "/login"));
            b.open(gw.baseUrl() + "/supervisor");
            b.await(ExpectedConditions.urlToBe(gw.baseUrl() + "/login"));
            // The old cookie, replayed by hand, no longer opens anything.
            HttpResponse<String> replay = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(gw.baseUrl() + "/api/campaigns"))
                    .header("Cookie", "outdial_session=" + session.getValue()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, replay.statusCode());

            JsonNode audit = GatewayHarness.JSON.readTree(gw.get("/api/audit"));
            String actions = audit.findValuesAsText("action").toString();
            assertTrue(actions.contains("POST /auth/logout") && actions.contains("POST /api/campaigns/spring/load")
                    && actions.contains("login refused") && actions.contains("login"), actions);
        }
    }
}
