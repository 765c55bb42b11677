package io.outdial.sip.auth;

import java.util.Optional;

/** Where the registrar finds a user's stored secret. Implementations keep HA1s, never passwords. */
@FunctionalInterface
public interface SipAccounts {

    /** The HA1 = H(user:realm:password) of {@code user} in {@code algorithm}, or empty for no such user. */
    Optional<String> ha1(String user, DigestAlgorithm algorithm);
}
