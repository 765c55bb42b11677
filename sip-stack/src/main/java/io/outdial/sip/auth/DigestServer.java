package io.outdial.sip.auth;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The registrar's side of digest authentication: challenges (one per algorithm, SHA-256 first as RFC 8760 asks) and
 * the check of a request's credentials against {@link SipAccounts}. An unknown user and a wrong password give the
 * same {@link Outcome#REFUSED}, and both cost the same hash work, so user names cannot be told apart.
 */
public final class DigestServer {
    /** What the check of one request came to. */
    public enum Outcome {
        /** Credentials right, nonce fresh: the request is the user's. */
        ACCEPTED,
        /** No credentials (or for another realm): challenge. */
        CHALLENGE,
        /** Right password on an expired nonce: challenge again with stale=true. */
        STALE,
        /** Unknown user, wrong password, replayed or forged nonce: refused (and counted as a failure). */
        REFUSED,
        /** The header does not parse: 400. */
        MALFORMED
    }

    /** The outcome, the user when accepted, and a reason for logs (never a secret). */
    public record Verdict(Outcome outcome, String user, String reason) {
    }

    private static final String DUMMY_HA1 = "0".repeat(64);

    private final String realm;
    private final NonceMint nonces;
    private final SipAccounts accounts;
    private final List<DigestAlgorithm> offered;

    public DigestServer(String realm, NonceMint nonces, SipAccounts accounts) {
        this(realm, nonces, accounts, List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));
    }

    /** @param offered the algorithms challenged with, most preferred first */
    public DigestServer(String realm, NonceMint nonces, SipAccounts accounts, List<DigestAlgorithm> offered) {
        this.offered = List.copyOf(offered);
        this.realm = realm;
        this.nonces = nonces;
        this.accounts = accounts;
    }

    public String realm() {
        return realm;
    }

    /** The challenge header values to send, one per offered algorithm in order, each with its own fresh nonce. */
    public List<String> challenges(boolean stale) {
        return offered.stream().map(a -> challenge(a, stale)).toList();
    }

    private String challenge(DigestAlgorithm algorithm, boolean stale) {
        return new DigestChallenge(realm, nonces.mint(), null, algorithm.wireName(), true, stale).toHeaderValue();
    }

    /**
     * Checks the credentials header values a request carries (several are allowed, one per realm) for
     * {@code method}.
     */
    public Verdict verify(String method, List<String> credentialHeaders) {
        if (credentialHeaders.isEmpty()) {
            return new Verdict(Outcome.CHALLENGE, null, "no credentials");
        }
        for (String header : credentialHeaders) {
            if (!isDigest(header)) {
                // RFC 4475 3.3.9: credentials in a scheme we do not know are ignored; the answer is a challenge in
                // the scheme we do know.
                continue;
            }
            DigestCredentials c;
            try {
                c = DigestCredentials.parse(header);
            } catch (DigestFormatException e) {
                return new Verdict(Outcome.MALFORMED, null, "malformed credentials: " + e.getMessage());
            }
            if (!realm.equals(c.realm())) {
                continue;
            }
            return verify(method, c);
        }
        return new Verdict(Outcome.CHALLENGE, null, "no credentials for realm " + realm);
    }

    private static boolean isDigest(String header) {
        String s = header == null ? "" : header.strip();
        int end = 0;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        return end == 6 && s.regionMatches(true, 0, "Digest", 0, 6);
    }

    private Verdict verify(String method, DigestCredentials c) {
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromWire(c.algorithmName());
        if (algorithm.isEmpty() || !offered.contains(algorithm.get())) {
            return new Verdict(Outcome.MALFORMED, null, "algorithm not offered");
        }
        if (c.qop() == null) {
            // We always offer qop=auth; an answer without it is a downgrade.
            return new Verdict(Outcome.REFUSED, c.username(), "credentials without qop=auth");
        }
        NonceMint.Check nonce = nonces.peek(c.nonce(), c.nonceCount());
        Optional<String> ha1 = accounts.ha1(c.username(), algorithm.get());
        // The same work for an unknown user as for a known one.
        String expected = algorithm.get().response(ha1.orElse(DUMMY_HA1), method, c.uri(), c.nonce(), c.nc(),
                c.cnonce(), c.qop());
        boolean match = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                c.response().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        if (ha1.isEmpty() || !match) {
            return new Verdict(Outcome.REFUSED, c.username(), "wrong credentials");
        }
        switch (nonce) {
            case FORGED -> {
                return new Verdict(Outcome.REFUSED, c.username(), "nonce not ours");
            }
            case STALE -> {
                return new Verdict(Outcome.STALE, c.username(), "nonce expired");
            }
            case REPLAYED -> {
                return new Verdict(Outcome.REFUSED, c.username(), "nonce-count replayed");
            }
            default -> {
                // Fresh: use it up.
            }
        }
        if (nonces.use(c.nonce(), c.nonceCount()) != NonceMint.Check.FRESH) {
            return new Verdict(Outcome.REFUSED, c.username(), "nonce-count replayed");
        }
        return new Verdict(Outcome.ACCEPTED, c.username(), "ok");
    }
}
