package io.outdial.dialer.config;

import io.outdial.sip.ReliableProvisional;
import io.outdial.sip.SessionOptions;
import io.outdial.sip.SessionTimerSettings;
import java.time.Duration;

/**
 * The trunk's 100rel and session timer keys: {@code reliableProvisional} (supported, require, off),
 * {@code sessionExpires} (0s = no session timer asked for, else 90s..1d) and {@code minSessionExpires} (90s..1h, at
 * most sessionExpires).
 */
final class TrunkSessionKeys {
    private TrunkSessionKeys() {
    }

    static SessionOptions read(YamlSection s) {
        SessionOptions d = SessionOptions.DEFAULTS;
        ReliableProvisional reliable = s.oneOf("reliableProvisional", d.reliableProvisional(),
                ReliableProvisional.values());
        Duration interval = s.duration("sessionExpires", d.sessionTimer().interval(), Duration.ZERO,
                Duration.ofDays(1));
        Duration min = s.duration("minSessionExpires", d.sessionTimer().minInterval(),
                SessionTimerSettings.RFC_MIN_SE, Duration.ofHours(1));
        if (!interval.isZero() && interval.compareTo(SessionTimerSettings.RFC_MIN_SE) < 0) {
            throw s.fail("sessionExpires", "must be 0s (no session timer) or at least 90s (RFC 4028)", interval);
        }
        if (!interval.isZero() && interval.compareTo(min) < 0) {
            throw s.fail("sessionExpires", "must be at least trunk.minSessionExpires (" + min.toSeconds() + "s)",
                    interval);
        }
        return new SessionOptions(reliable, new SessionTimerSettings(interval, min));
    }
}
