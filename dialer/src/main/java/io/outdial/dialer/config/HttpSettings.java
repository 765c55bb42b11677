package io.outdial.dialer.config;

import io.outdial.bridge.BridgeConfig;

/**
 * The HTTP server: CTI WebSocket, admin API, pages, /metrics ({@code http:} section).
 *
 * @param host         bind address
 * @param port         TCP port, 0 for any free port (tests)
 * @param maxBodyBytes largest request body accepted (calling-list uploads)
 */
public record HttpSettings(String host, int port, int maxBodyBytes) {

    public static final HttpSettings DEFAULTS = new HttpSettings("127.0.0.1", 8080, 10 * 1024 * 1024);

    static HttpSettings read(YamlSection s) {
        HttpSettings d = DEFAULTS;
        HttpSettings read = new HttpSettings(
                s.host("host", d.host),
                s.integer("port", d.port, 0, 65535),
                s.integer("maxBodyBytes", d.maxBodyBytes, 1024, Integer.MAX_VALUE));
        s.refuseUnknownKeys();
        return read;
    }

    public BridgeConfig toBridgeConfig() {
        return new BridgeConfig(host, port, maxBodyBytes);
    }
}
