package io.outdial.sip.auth;

import java.util.Arrays;
import java.util.Map;

/**
 * A digest challenge (WWW-Authenticate / Proxy-Authenticate). {@code algorithmName} is kept as sent, so a client can
 * name an algorithm it does not support; {@link #algorithm()} maps it.
 *
 * @param qopAuth true if the challenge offers qop=auth
 */
public record DigestChallenge(String realm, String nonce, String opaque, String algorithmName, boolean qopAuth,
                              boolean stale) {

    /** Parses a challenge header value. */
    public static DigestChallenge parse(String value) throws DigestFormatException {
        Map<String, String> p = DigestParams.parse(value);
        String realm = p.get("realm");
        String nonce = p.get("nonce");
        if (realm == null || nonce == null) {
            throw new DigestFormatException("challenge without realm or nonce");
        }
        String qop = p.get("qop");
        boolean auth = qop != null && Arrays.stream(qop.split(",")).map(String::strip).anyMatch("auth"::equals);
        return new DigestChallenge(realm, nonce, p.get("opaque"), p.get("algorithm"), auth,
                "true".equalsIgnoreCase(p.get("stale")));
    }

    /** The algorithm named, if we support it (none named: MD5). */
    public java.util.Optional<DigestAlgorithm> algorithm() {
        return DigestAlgorithm.fromWire(algorithmName);
    }

    /** The header value. */
    public String toHeaderValue() {
        StringBuilder b = new StringBuilder("Digest realm=").append(DigestParams.quote(realm))
                .append(", nonce=").append(DigestParams.quote(nonce));
        if (opaque != null) {
            b.append(", opaque=").append(DigestParams.quote(opaque));
        }
        if (algorithmName != null) {
            b.append(", algorithm=").append(algorithmName);
        }
        if (qopAuth) {
            b.append(", qop=\"auth\"");
        }
        if (stale) {
            b.append(", stale=true");
        }
        return b.toString();
    }
}
