package io.outdial.sip;

import java.util.Objects;

/**
 * The SIP extensions a leg's INVITE dialog uses: reliable provisional responses (RFC 3262) and session timers
 * (RFC 4028). A trunk carries its own ({@link TrunkConfig#session()}); agents' phones get {@link #DEFAULTS}.
 */
public record SessionOptions(ReliableProvisional reliableProvisional, SessionTimerSettings sessionTimer) {
    /** 100rel supported, session timers asked for at 30 minutes with Min-SE 90 s. */
    public static final SessionOptions DEFAULTS =
            new SessionOptions(ReliableProvisional.SUPPORTED, SessionTimerSettings.DEFAULTS);

    public SessionOptions {
        Objects.requireNonNull(reliableProvisional, "reliableProvisional");
        Objects.requireNonNull(sessionTimer, "sessionTimer");
    }
}
