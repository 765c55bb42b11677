package io.outdial.sip.trunk;

import java.time.Duration;
import java.util.Objects;

/**
 * What the gateway registers with its trunk.
 *
 * @param user      the user part of the address-of-record ({@code sip:user@domain}), usually the account name
 * @param domain    the address-of-record's domain (the trunk's host when not given otherwise)
 * @param registrar {@code host:port} REGISTER is sent to
 * @param expires   the registration interval asked for; the provider may grant less (or ask for more with 423)
 * @param retryMin  the first wait after a failed attempt; it doubles with each failure
 * @param retryMax  the longest wait between attempts
 */
public record TrunkRegistrationConfig(String user, String domain, String registrar, Duration expires,
                                      Duration retryMin, Duration retryMax) {
    public TrunkRegistrationConfig {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(registrar, "registrar");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(retryMin, "retryMin");
        Objects.requireNonNull(retryMax, "retryMax");
        if (expires.toSeconds() < 1 || retryMin.isNegative() || retryMin.isZero() || retryMax.compareTo(retryMin) < 0) {
            throw new IllegalArgumentException("bad trunk registration timing: expires " + expires + ", retry "
                    + retryMin + ".." + retryMax);
        }
    }
}
