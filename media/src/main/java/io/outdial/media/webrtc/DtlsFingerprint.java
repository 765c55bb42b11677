package io.outdial.media.webrtc;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A certificate's SHA-256 fingerprint as SDP carries it (RFC 8122 5: {@code a=fingerprint:sha-256 AB:CD:...}).
 * Browsers put sha-256 in their offers; other hash functions are refused with a clear error rather than half
 * supported.
 */
public final class DtlsFingerprint {
    /** The only hash function spoken. */
    public static final String HASH = "sha-256";
    private static final int LENGTH = 32;

    private final byte[] digest;

    private DtlsFingerprint(byte[] digest) {
        this.digest = digest;
    }

    /** The fingerprint of a DER-encoded certificate. */
    public static DtlsFingerprint of(byte[] certificateDer) {
        try {
            return new DtlsFingerprint(MessageDigest.getInstance("SHA-256").digest(certificateDer));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * Reads the value of an a=fingerprint attribute: {@code sha-256} then 32 colon-separated hex bytes.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static DtlsFingerprint parse(String attributeValue) {
        Objects.requireNonNull(attributeValue, "fingerprint");
        String[] parts = attributeValue.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a=fingerprint must be '<hash> <hex bytes>'");
        }
        if (!HASH.equals(parts[0].toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("a=fingerprint hash " + parts[0] + " is not supported (only sha-256)");
        }
        String[] bytes = parts[1].split(":", -1);
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a=fingerprint sha-256 must have 32 bytes, not " + bytes.length);
        }
        byte[] digest = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            if (bytes[i].length() != 2) {
                throw new IllegalArgumentException("a=fingerprint byte " + (i + 1) + " is not two hex digits");
            }
            try {
                digest[i] = (byte) HexFormat.fromHexDigits(bytes[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a=fingerprint byte " + (i + 1) + " is not hex");
            }
        }
        return new DtlsFingerprint(digest);
    }

    /** Whether {@code certificateDer} hashes to this fingerprint (compared in constant time). */
    public boolean matches(byte[] certificateDer) {
        return MessageDigest.isEqual(digest, of(certificateDer).digest);
    }

    /** The attribute value: {@code sha-256 AB:CD:...}. */
    public String attributeValue() {
        return HASH + " " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DtlsFingerprint f && MessageDigest.isEqual(f.digest, digest);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return attributeValue();
    }
}
