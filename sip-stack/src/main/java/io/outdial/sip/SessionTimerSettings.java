package io.outdial.sip;

import java.time.Duration;

/**
 * Session timers of a leg (RFC 4028): the Session-Expires our INVITE asks for and the smallest one we accept
 * (Min-SE). {@link #OFF} leaves timers out of our INVITE; a far end that still requires them is obeyed.
 *
 * @param interval    the Session-Expires we ask for; zero: timers off
 * @param minInterval our Min-SE: a far end asking for less in a 2xx is held to this; RFC 4028 says at least 90 s,
 *                    configuration enforces that, tests may go lower
 */
public record SessionTimerSettings(Duration interval, Duration minInterval) {
    /** RFC 4028's recommended Session-Expires. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(30);
    /** RFC 4028's smallest Min-SE. */
    public static final Duration RFC_MIN_SE = Duration.ofSeconds(90);

    public static final SessionTimerSettings DEFAULTS = new SessionTimerSettings(DEFAULT_INTERVAL, RFC_MIN_SE);
    public static final SessionTimerSettings OFF = new SessionTimerSettings(Duration.ZERO, RFC_MIN_SE);

    public SessionTimerSettings {
        if (interval == null || interval.isNegative() || minInterval == null || minInterval.getSeconds() < 1) {
            throw new IllegalArgumentException("session timer interval must be zero or positive and Min-SE at least"
                    + " 1 s, got " + interval + " / " + minInterval);
        }
        if (!interval.isZero() && interval.compareTo(minInterval) < 0) {
            throw new IllegalArgumentException("session timer interval " + interval + " is below its Min-SE "
                    + minInterval);
        }
    }

    /** True if our INVITE asks for session timers. */
    public boolean enabled() {
        return !interval.isZero();
    }
}
