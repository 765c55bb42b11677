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
 * @param natKeepAlive  how often a phone registered over UDP from behind NAT gets an OPTIONS, so the NAT keeps the
 *                      path to it open between its refreshes (and a dead one shows); zero: never
 */
public record RegistrarSettings(String realm, Duration nonceLifetime, Duration minExpires, Duration maxExpires,
                                Duration natExpires, Duration maxPenalty, List<DigestAlgorithm> algorithms,
                                Duration natKeepAlive) {
    /** The default keep-alive: under the 30 s many NATs keep an idle UDP mapping. */
    public static final Duration DEFAULT_NAT_KEEP_ALIVE = Duration.ofSeconds(25);

    /** Settings with the default NAT keep-alive. */
    public RegistrarSettings(String realm, Duration nonceLifetime, Duration minExpires, Duration maxExpires,
                             Duration natExpires, Duration maxPenalty, List<DigestAlgorithm> algorithms) {
        this(realm, nonceLifetime, minExpires, maxExpires, natExpires, maxPenalty, algorithms,
                DEFAULT_NAT_KEEP_ALIVE);
    }

    /**
     * The defaults: realm "outdial", nonces 5 min, expires 60 s..1 h, 60 s behind NAT, penalty up to 8 s, SHA-256
     * then MD5, a keep-alive every 25 s to phones behind NAT.
     */
    public static RegistrarSettings defaults() {
        return new RegistrarSettings("outdial", Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofHours(1),
                Duration.ofSeconds(60), Duration.ofSeconds(8), List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));
    }

    public RegistrarSettings {
        algorithms = List.copyOf(algorithms);
        if (natKeepAlive == null || natKeepAlive.isNegative()) {
            throw new IllegalArgumentException("registrar natKeepAlive must be zero (off) or positive");
        }
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
