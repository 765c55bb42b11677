package io.outdial.sip.trunk;

import java.time.Duration;

/**
 * When the next REGISTER goes out. A granted binding is refreshed well before it expires: at half of it for short
 * intervals, a minute early for long ones (RFC 3261 10.2.4 leaves it to the client; a minute covers several
 * retransmission rounds). A failure waits {@code retryMin}, doubling per failure in a row up to {@code retryMax},
 * so a provider that is down is not hammered and one that comes back is found again soon. Pure.
 */
public final class RegistrationSchedule {
    private static final Duration EARLY = Duration.ofMinutes(1);

    private final Duration retryMin;
    private final Duration retryMax;

    public RegistrationSchedule(Duration retryMin, Duration retryMax) {
        this.retryMin = retryMin;
        this.retryMax = retryMax;
    }

    public static RegistrationSchedule of(TrunkRegistrationConfig config) {
        return new RegistrationSchedule(config.retryMin(), config.retryMax());
    }

    /** How long after a success granting {@code granted} the refresh goes out. */
    public Duration refreshAfter(Duration granted) {
        Duration half = granted.dividedBy(2);
        Duration early = granted.minus(EARLY);
        Duration wait = early.compareTo(half) > 0 ? early : half;
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    /** How long to wait after the {@code failures}-th failure in a row (1 for the first). */
    public Duration retryAfter(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        Duration wait = retryMin.multipliedBy(1L << Math.min(doublings, 20));
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
