package io.outdial.sip.auth;

import java.util.HexFormat;
import java.security.SecureRandom;

/**
 * Answers a server's challenge with configured credentials: what the gateway does when a trunk sends 401/407.
 * {@link #toString()} never shows the password.
 */
public final class DigestClient {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String username;
    private final String password;
    private final String realm;

    /** @param realm the only realm these credentials are for, or null for whatever realm challenges */
    public DigestClient(String username, String password, String realm) {
        if (username == null || username.isBlank() || password == null) {
            throw new IllegalArgumentException("digest credentials need a username and a password");
        }
        this.username = username;
        this.password = password;
        this.realm = realm == null || realm.isBlank() ? null : realm;
    }

    /** Why a challenge cannot be answered. */
    public static final class UnanswerableChallenge extends Exception {
        public UnanswerableChallenge(String message) {
            super(message);
        }
    }

    /**
     * The credentials for {@code method} on {@code uri} answering {@code challenge}; {@code nonceCount} starts at 1
     * for each new nonce.
     *
     * @throws UnanswerableChallenge if the algorithm is not one we support or the realm is not ours
     */
    public DigestCredentials answer(DigestChallenge challenge, String method, String uri, long nonceCount)
            throws UnanswerableChallenge {
        DigestAlgorithm algorithm = challenge.algorithm().orElseThrow(() -> new UnanswerableChallenge(
                "challenge asks for digest algorithm '" + challenge.algorithmName() + "', we support MD5 and SHA-256"));
        if (realm != null && !realm.equals(challenge.realm())) {
            throw new UnanswerableChallenge("challenge for realm '" + challenge.realm() + "', credentials are for '"
                    + realm + "'");
        }
        String ha1 = algorithm.ha1(username, challenge.realm(), password);
        String qop = challenge.qopAuth() ? "auth" : null;
        String nc = qop == null ? null : String.format("%08x", nonceCount);
        String cnonce = qop == null ? null : HexFormat.of().toHexDigits(RANDOM.nextLong());
        String response = algorithm.response(ha1, method, uri, challenge.nonce(), nc, cnonce, qop);
        return new DigestCredentials(username, challenge.realm(), challenge.nonce(), uri, response,
                challenge.algorithmName(), cnonce, nc, qop, challenge.opaque());
    }

    @Override
    public String toString() {
        return "DigestClient[username=" + username + ", realm=" + realm + ", password=***]";
    }
}
