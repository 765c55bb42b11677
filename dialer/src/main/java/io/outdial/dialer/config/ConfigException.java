package io.outdial.dialer.config;

/**
 * A configuration the gateway refuses to start with. The message names the full key path, the bad value and what
 * is allowed, e.g. {@code rtp.portMin: must be an even number in 1024..65534, got 70001}.
 */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
