package io.outdial.sip.registrar;

import io.outdial.sip.auth.DigestAlgorithm;
import java.time.Duration;
import java.util.List;

/**
 * How the built-in registrar runs.
 *
 * @param realm         digest realm of the challenges (agents' phones are configured with it, or accept any)
 * @param nonceLifetime a nonce older than this is stale: the phone retries with a fresh one
 * @param minExpires    shorter registrations get 423 Interval Too Brief with this Min-Expires
 * @param maxExpires    longer ones are granted this
 * @param natExpires    a phone behind NAT is granted at most this, so that its refreshes keep the NAT binding open
 * @param maxPenalty    the longest a refusal to a source with many failures is held back
 * @param algorithms    the challenges sent, most preferred first (RFC 8760); old phones that read only the first
 *                      challenge need MD5 first
 */
public record RegistrarSettings(String realm, Duration nonceLifetime, Duration minExpires, Duration maxExpires,
                                Duration natExpires, Duration maxPenalty, List<DigestAlgorithm> algorithms) {

    /**
     * The defaults: realm "outdial", nonces 5 min, expires 60 s..1 h, 60 s behind NAT, penalty up to 8 s, SHA-256
     * then MD5.
     */
    public static RegistrarSettings defaults() {
        return new RegistrarSettings("outdial", Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofHours(1),
                Duration.ofSeconds(60), Duration.ofSeconds(8), List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));
    }

    public RegistrarSettings {
        algorithms = List.copyOf(algorithms);
        if (algorithms.isEmpty() || algorithms.size() != new java.util.HashSet<>(algorithms).size()) {
            throw new IllegalArgumentException("registrar algorithms: one or more of SHA-256, MD5, each once");
        }
        if (realm == null || realm.isBlank() || realm.contains("\"")) {
            throw new IllegalArgumentException("registrar realm must be a non-empty string without quotes");
        }
        if (minExpires.isNegative() || minExpires.compareTo(maxExpires) > 0 || natExpires.compareTo(minExpires) < 0) {
            throw new IllegalArgumentException("registrar expires must satisfy 0 <= minExpires <= natExpires, "
                    + "minExpires <= maxExpires");
        }
    }

    /**
     * The expiry granted for a requested one (seconds): clamped to maxExpires, and to natExpires behind NAT; -1 if
     * below minExpires (423).
     */
    public long grant(long requestedSeconds, boolean natted) {
        if (requestedSeconds < minExpires.toSeconds()) {
            return -1;
        }
        long granted = Math.min(requestedSeconds, maxExpires.toSeconds());
        return natted ? Math.min(granted, natExpires.toSeconds()) : granted;
    }
}
