package io.outdial.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** The digest hash algorithms we speak (RFC 8760): MD5 for old phones, SHA-256 preferred. */
public enum DigestAlgorithm {
    SHA_256("SHA-256", "SHA-256"),
    MD5("MD5", "MD5");

    private final String wireName;
    private final String jdkName;

    DigestAlgorithm(String wireName, String jdkName) {
        this.wireName = wireName;
        this.jdkName = jdkName;
    }

    /** The value of the {@code algorithm} parameter. */
    public String wireName() {
        return wireName;
    }

    /**
     * The algorithm a header names; no parameter means MD5 (RFC 3261). Session variants ({@code -sess}) and anything
     * else are not supported: empty.
     */
    public static Optional<DigestAlgorithm> fromWire(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(MD5);
        }
        String upper = name.toUpperCase(Locale.ROOT);
        for (DigestAlgorithm a : values()) {
            if (a.wireName.equals(upper)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Lower-case hex of the hash of {@code text} in UTF-8. */
    public String hex(String text) {
        try {
            byte[] hash = MessageDigest.getInstance(jdkName).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + jdkName, e);
        }
    }

    /** HA1 = H(username:realm:password), what a registrar stores instead of the password. */
    public String ha1(String username, String realm, String password) {
        return hex(username + ":" + realm + ":" + password);
    }

    /** The request-digest of RFC 7616 3.4.1 for qop=auth (or RFC 2069 when {@code qop} is null). */
    public String response(String ha1, String method, String uri, String nonce, String nc, String cnonce,
                           String qop) {
        String ha2 = hex(method + ":" + uri);
        if (qop == null) {
            return hex(ha1 + ":" + nonce + ":" + ha2);
        }
        return hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }
}
