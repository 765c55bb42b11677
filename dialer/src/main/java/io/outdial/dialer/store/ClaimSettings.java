package io.outdial.dialer.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Who claims records from the store, and for how long (ADR 0016): every record a gateway retrieves is leased to
 * {@code gatewayId} until {@code leaseDuration} from the claim; the gateway renews its leases while it lives.
 *
 * @param gatewayId     this gateway's name, unique among the gateways sharing the store
 * @param leaseDuration how long a claim holds without renewal; a dead gateway's records return after at most this
 */
public record ClaimSettings(String gatewayId, Duration leaseDuration) {
    public static final ClaimSettings SINGLE = new ClaimSettings("outdial", Duration.ofSeconds(30));

    public ClaimSettings {
        Objects.requireNonNull(gatewayId, "gatewayId");
        if (gatewayId.isBlank() || gatewayId.length() > 64) {
            throw new IllegalArgumentException("gatewayId must be 1..64 characters");
        }
        if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("leaseDuration must be at least 1 s");
        }
    }

    /** How often the gateway renews its leases: three times per lease, so one missed renewal loses nothing. */
    public Duration renewEvery() {
        return leaseDuration.dividedBy(3);
    }
}
