package io.outdial.bridge;

import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the HTTP server (CTI WebSocket {@code /cti}, admin API {@code /api}, {@code /metrics}) listens, and how long
 * it keeps quiet connections.
 *
 * @param host         bind address
 * @param port         TCP port (0 = any free port, for tests)
 * @param maxBodyBytes largest HTTP request body accepted (calling-list uploads)
 * @param pingInterval a CTI connection silent this long is sent a WebSocket ping (a live desktop answers with a pong)
 * @param idleTimeout  a connection silent this long (no request, message or pong) is closed
 * @param tls          the server certificate and key for HTTPS and WSS, or null for plain HTTP
 */
public record BridgeConfig(String host, int port, int maxBodyBytes, Duration pingInterval, Duration idleTimeout,
                           SslContext tls) {

    /** Default {@link #pingInterval()}: often enough to keep NAT bindings and proxies from dropping idle sockets. */
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(30);

    /** Default {@link #idleTimeout()}. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

    public BridgeConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        if (pingInterval == null || pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("pingInterval must be positive, got " + pingInterval);
        }
        if (tls != null && !tls.isServer()) {
            throw new IllegalArgumentException("tls must be a server SslContext");
        }
        if (idleTimeout == null || idleTimeout.compareTo(pingInterval) < 0) {
            throw new IllegalArgumentException("idleTimeout must be at least pingInterval (" + pingInterval
                    + "), got " + idleTimeout);
        }
    }

    /** Plain HTTP. */
    public BridgeConfig(String host, int port, int maxBodyBytes, Duration pingInterval, Duration idleTimeout) {
        this(host, port, maxBodyBytes, pingInterval, idleTimeout, null);
    }

    /** The listening point with the default ping interval (30 s) and idle timeout (5 min). */
    public BridgeConfig(String host, int port, int maxBodyBytes) {
        this(host, port, maxBodyBytes, DEFAULT_PING_INTERVAL, DEFAULT_IDLE_TIMEOUT);
    }
}
