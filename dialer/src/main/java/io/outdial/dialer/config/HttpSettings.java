package io.outdial.dialer.config;

import io.outdial.bridge.BridgeConfig;
import java.time.Duration;

/**
 * The HTTP server: CTI WebSocket, admin API, pages, /metrics ({@code http:} section).
 *
 * @param host         bind address
 * @param port         TCP port, 0 for any free port (tests)
 * @param maxBodyBytes largest request body accepted (calling-list uploads)
 * @param pingInterval a CTI connection silent this long is pinged (keeps NAT bindings and proxies open)
 * @param idleTimeout  a connection silent this long (no request, message or pong) is closed
 */
public record HttpSettings(String host, int port, int maxBodyBytes, Duration pingInterval, Duration idleTimeout) {

    public static final HttpSettings DEFAULTS = new HttpSettings("127.0.0.1", 8080, 10 * 1024 * 1024,
            BridgeConfig.DEFAULT_PING_INTERVAL, BridgeConfig.DEFAULT_IDLE_TIMEOUT);

    static HttpSettings read(YamlSection s) {
        HttpSettings d = DEFAULTS;
        String host = s.host("host", d.host);
        int port = s.integer("port", d.port, 0, 65535);
        int maxBody = s.integer("maxBodyBytes", d.maxBodyBytes, 1024, Integer.MAX_VALUE);
        Duration ping = s.duration("pingInterval", d.pingInterval, Duration.ofSeconds(1), Duration.ofHours(1));
        // A connection must get at least one ping before it can be taken as dead.
        Duration idle = s.duration("idleTimeout", d.idleTimeout, ping, Duration.ofHours(24));
        s.refuseUnknownKeys();
        return new HttpSettings(host, port, maxBody, ping, idle);
    }

    public BridgeConfig toBridgeConfig() {
        return new BridgeConfig(host, port, maxBodyBytes, pingInterval, idleTimeout);
    }
}
