package io.outdial.bridge;

/**
 * Where the HTTP server (CTI WebSocket {@code /cti}, admin API {@code /api}, {@code /metrics}) listens.
 *
 * @param host         bind address
 * @param port         TCP port (0 = any free port, for tests)
 * @param maxBodyBytes largest HTTP request body accepted (calling-list uploads)
 */
public record BridgeConfig(String host, int port, int maxBodyBytes) {
}
