package io.outdial.dialer.config;

import io.outdial.bridge.BridgeConfig;
import io.outdial.bridge.auth.AuthSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * The HTTP server: CTI WebSocket, admin API, pages, /metrics ({@code http:} section).
 *
 * @param host         bind address
 * @param port         TCP port, 0 for any free port (tests)
 * @param maxBodyBytes largest request body accepted (calling-list uploads)
 * @param pingInterval a CTI connection silent this long is pinged (keeps NAT bindings and proxies open)
 * @param idleTimeout  a connection silent this long (no request, message or pong) is closed
 * @param behindProxy  a TLS-terminating reverse proxy forwards to this port: plain HTTP may listen on any address,
 *                     cookies are Secure, the source address is the last {@code X-Forwarded-For} entry
 * @param tls          HTTPS and WSS, or null for plain HTTP (loopback or behind a proxy only)
 * @param auth         users, tokens, sessions and throttling ({@code http.auth})
 */
public record HttpSettings(String host, int port, int maxBodyBytes, Duration pingInterval, Duration idleTimeout,
                           boolean behindProxy, TlsSettings tls, AuthSettings auth) {

    public static final HttpSettings DEFAULTS = new HttpSettings("127.0.0.1", 8080, 10 * 1024 * 1024,
            BridgeConfig.DEFAULT_PING_INTERVAL, BridgeConfig.DEFAULT_IDLE_TIMEOUT);

    private static final Set<String> LOOPBACK = Set.of("localhost", "::1", "[::1]");

    /** Plain HTTP, no proxy, the default {@code http.auth} (nobody can log in until users are configured). */
    public HttpSettings(String host, int port, int maxBodyBytes, Duration pingInterval, Duration idleTimeout) {
        this(host, port, maxBodyBytes, pingInterval, idleTimeout, false, null, AuthSection.DEFAULTS);
    }

    static HttpSettings read(YamlSection s, Path baseDir) {
        HttpSettings d = DEFAULTS;
        String host = s.host("host", d.host);
        int port = s.integer("port", d.port, 0, 65535);
        int maxBody = s.integer("maxBodyBytes", d.maxBodyBytes, 1024, Integer.MAX_VALUE);
        Duration ping = s.duration("pingInterval", d.pingInterval, Duration.ofSeconds(1), Duration.ofHours(1));
        // A connection must get at least one ping before it can be taken as dead.
        Duration idle = s.duration("idleTimeout", d.idleTimeout, ping, Duration.ofHours(24));
        boolean behindProxy = s.flag("behindProxy", false);
        TlsSettings tls = TlsSettings.read(s.section("tls"), baseDir);
        AuthSettings auth = AuthSection.read(s.section("auth"), behindProxy);
        s.refuseUnknownKeys();
        if (tls == null && !behindProxy && !isLoopback(host)) {
            throw s.fail("host", "plain HTTP is only served on a loopback address (127.0.0.1, ::1, localhost):"
                    + " configure http.tls for HTTPS and WSS, or put a TLS reverse proxy in front and set"
                    + " http.behindProxy: true", host);
        }
        if (auth.openLab() && (!isLoopback(host) || behindProxy)) {
            throw new ConfigException(s.keyPath("auth") + ".openLab: lab open mode (no login) is only allowed on a"
                    + " loopback http.host with no proxy in front, got host '" + host + "'"
                    + (behindProxy ? " and behindProxy: true" : ""));
        }
        return new HttpSettings(host, port, maxBody, ping, idle, behindProxy, tls, auth);
    }

    /** Whether {@code host} only accepts connections from this machine. */
    static boolean isLoopback(String host) {
        return LOOPBACK.contains(host) || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** The same server in lab open mode (the demo). */
    public HttpSettings withOpenLab() {
        if (!isLoopback(host) || behindProxy) {
            throw new ConfigException("lab open mode is only allowed on a loopback http.host, got '" + host + "'");
        }
        AuthSettings a = auth;
        return new HttpSettings(host, port, maxBodyBytes, pingInterval, idleTimeout, behindProxy, tls,
                new AuthSettings(true, a.users(), a.tokens(), a.scrapeTokenSha256(), a.sessionIdle(),
                        a.sessionMaxAge(), a.throttle(), a.allowedOrigins(), a.secureCookies(), a.trustForwardedFor()));
    }

    public BridgeConfig toBridgeConfig() {
        return new BridgeConfig(host, port, maxBodyBytes, pingInterval, idleTimeout, tls == null ? null : tls.context());
    }
}
