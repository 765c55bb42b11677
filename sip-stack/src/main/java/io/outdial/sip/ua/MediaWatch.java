package io.outdial.sip.ua;

import java.time.Duration;
import java.time.Instant;

/**
 * The RTP inactivity rule of an answered leg: a far end that has sent no packet for the timeout, while it said it
 * would send (its SDP is sendrecv or sendonly), has vanished (crashed phone, lost network, a BYE we never got), and
 * the leg is hung up instead of holding its dialog, port and call for ever. Pure: the leg feeds it the packet count
 * on its own timer, so it is unit-tested in virtual time.
 */
final class MediaWatch {
    private final Duration timeout;
    private long lastCount = -1;
    private Instant lastLife;
    private boolean farEndSends = true;

    /** @param timeout silence that ends the leg; zero or negative: never */
    MediaWatch(Duration timeout, Instant answeredAt) {
        this.timeout = timeout;
        this.lastLife = answeredAt;
    }

    boolean enabled() {
        return !timeout.isZero() && !timeout.isNegative();
    }

    /** How often the leg should look: a quarter of the timeout, at least a second. */
    Duration checkEvery() {
        Duration quarter = timeout.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : quarter;
    }

    /** The far end's latest SDP: false for recvonly or inactive (on hold, nothing to expect), true otherwise. */
    void farEndSends(boolean sends, Instant now) {
        farEndSends = sends;
        lastLife = now;
    }

    /** Any request in the dialog (re-INVITE, UPDATE, INFO, OPTIONS) shows the far end is there. */
    void signalled(Instant now) {
        lastLife = now;
    }

    /** True when the far end has been silent for the timeout: {@code packetsReceived} is the endpoint's counter. */
    boolean vanished(Instant now, long packetsReceived) {
        if (packetsReceived != lastCount) {
            lastCount = packetsReceived;
            lastLife = now;
            return false;
        }
        if (!enabled() || !farEndSends) {
            lastLife = now;
            return false;
        }
        return !now.isBefore(lastLife.plus(timeout));
    }
}
