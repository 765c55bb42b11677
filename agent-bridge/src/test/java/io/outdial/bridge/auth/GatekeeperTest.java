package io.outdial.bridge.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatekeeperTest {

    private static Gatekeeper gate(boolean openLab, boolean behindProxy) {
        return new Gatekeeper(new AuthSettings(openLab, List.of(), List.of(), null, Duration.ofMinutes(30),
                Duration.ofHours(1), LoginThrottle.Limits.DEFAULTS, Set.of("https://desk.example"), behindProxy,
                behindProxy), false, PasswordChecks.onCallingThread(), SecurityEvents.NONE, Instant::now);
    }

    private static HttpHeaders headers(String... pairs) {
        HttpHeaders h = new DefaultHttpHeaders();
        for (int i = 0; i < pairs.length; i += 2) {
            h.add(pairs[i], pairs[i + 1]);
        }
        return h;
    }

    @Test
    void anOriginIsAllowedWhenItIsTheGatewaysOwnOrListed() {
        Gatekeeper g = gate(false, false);
        assertTrue(g.originAllowed(headers("Host", "gw:8080")), "no Origin: not a browser");
        assertTrue(g.originAllowed(headers("Host", "gw:8080", "Origin", "http://gw:8080")));
        assertTrue(g.originAllowed(headers("Host", "GW:8080", "Origin", "http://gw:8080")), "host names ignore case");
        assertTrue(g.originAllowed(headers("Host", "gw.example", "Origin", "https://gw.example")));
        assertTrue(g.originAllowed(headers("Host", "gw.example:443", "Origin", "https://gw.example")));
        assertTrue(g.originAllowed(headers("Host", "gw:8080", "Origin", "https://desk.example")), "listed");
        assertFalse(g.originAllowed(headers("Host", "gw:8080", "Origin", "http://gw:8081")));
        assertFalse(g.originAllowed(headers("Host", "gw:8080", "Origin", "http://gw.evil:8080")));
        assertFalse(g.originAllowed(headers("Host", "gw:8080", "Origin", "null")), "sandboxed or file pages");
        assertFalse(g.originAllowed(headers("Origin", "http://gw:8080")), "no Host to compare with");
        assertFalse(g.originAllowed(headers("Host", "gw:8080", "Origin", "http://[bad")));
    }

    @Test
    void forwardedForIsBelievedOnlyBehindAProxyAndThenItsLastEntry() {
        InetSocketAddress peer = new InetSocketAddress("127.0.0.1", 40000);
        HttpHeaders forwarded = headers("X-Forwarded-For", "6.6.6.6, 10.0.0.17");
        assertEquals("127.0.0.1", gate(false, false).source(peer, forwarded));
        assertEquals("10.0.0.17", gate(false, true).source(peer, forwarded));
        assertEquals("127.0.0.1", gate(false, true).source(peer, headers()));
    }

    @Test
    void labOpenModeAdmitsAnonymousCallersButNotForeignOriginsOrBadTokens() {
        Gatekeeper open = gate(true, false);
        assertEquals(Caller.OPEN_LAB, ((Gatekeeper.Verdict.Admitted) open.admit(HttpMethod.POST,
                headers("Host", "gw:8080"), Access.ADMIN, "127.0.0.1")).caller());
        assertEquals(403, ((Gatekeeper.Verdict.Refused) open.admit(HttpMethod.POST,
                headers("Host", "gw:8080", "Origin", "https://evil.example"), Access.SUPERVISOR, "127.0.0.1"))
                .status());
        assertEquals(401, ((Gatekeeper.Verdict.Refused) open.admit(HttpMethod.GET,
                headers("Authorization", "Bearer odt_unknown"), Access.SUPERVISOR, "127.0.0.1")).status());
        Gatekeeper closed = gate(false, false);
        assertEquals(401, ((Gatekeeper.Verdict.Refused) closed.admit(HttpMethod.GET, headers(), Access.METRICS,
                "127.0.0.1")).status());
        assertEquals(401, ((Gatekeeper.Verdict.Refused) closed.admit(HttpMethod.GET,
                headers("Authorization", "Basic YTpi"), Access.SUPERVISOR, "127.0.0.1")).status(),
                "no Basic auth: tokens or a session only");
    }
}
