package io.outdial.sip.auth;

import java.util.Map;

/**
 * The credentials of an Authorization / Proxy-Authorization header. {@link #toString()} leaves the response out.
 *
 * @param qop null (RFC 2069 style) or "auth"
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                String algorithmName, String cnonce, String nc, String qop, String opaque) {

    /** Parses a credentials header value; every field RFC 3261 22.4 requires must be there. */
    public static DigestCredentials parse(String value) throws DigestFormatException {
        Map<String, String> p = DigestParams.parse(value);
        String username = p.get("username");
        String realm = p.get("realm");
        String nonce = p.get("nonce");
        String uri = p.get("uri");
        String response = p.get("response");
        if (username == null || realm == null || nonce == null || uri == null || response == null) {
            throw new DigestFormatException("credentials lack username, realm, nonce, uri or response");
        }
        if (username.isEmpty() || username.length() > 128) {
            throw new DigestFormatException("username empty or longer than 128 characters");
        }
        if (!response.matches("[0-9a-fA-F]{32,128}")) {
            throw new DigestFormatException("response is not a hex digest");
        }
        String qop = p.get("qop");
        String nc = p.get("nc");
        String cnonce = p.get("cnonce");
        if (qop != null) {
            if (!qop.equals("auth")) {
                throw new DigestFormatException("qop other than auth");
            }
            if (nc == null || !nc.matches("[0-9a-fA-F]{8}") || cnonce == null || cnonce.isEmpty()) {
                throw new DigestFormatException("qop=auth without an 8-digit nc or a cnonce");
            }
        }
        return new DigestCredentials(username, realm, nonce, uri, response, p.get("algorithm"), cnonce, nc, qop,
                p.get("opaque"));
    }

    /** The header value. */
    public String toHeaderValue() {
        StringBuilder b = new StringBuilder("Digest username=").append(DigestParams.quote(username))
                .append(", realm=").append(DigestParams.quote(realm))
                .append(", nonce=").append(DigestParams.quote(nonce))
                .append(", uri=").append(DigestParams.quote(uri))
                .append(", response=").append(DigestParams.quote(response));
        if (algorithmName != null) {
            b.append(", algorithm=").append(algorithmName);
        }
        if (qop != null) {
            b.append(", qop=").append(qop).append(", nc=").append(nc).append(", cnonce=")
                    .append(DigestParams.quote(cnonce));
        }
        if (opaque != null) {
            b.append(", opaque=").append(DigestParams.quote(opaque));
        }
        return b.toString();
    }

    /** The nonce-count as a number, or -1 when absent. */
    public long nonceCount() {
        return nc == null ? -1 : Long.parseLong(nc, 16);
    }

    @Override
    public String toString() {
        return "DigestCredentials[username=" + username + ", realm=" + realm + ", algorithm=" + algorithmName
                + ", qop=" + qop + ", nc=" + nc + "]";
    }
}
