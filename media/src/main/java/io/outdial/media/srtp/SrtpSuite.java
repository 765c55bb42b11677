package io.outdial.media.srtp;

import java.util.Optional;

/** The SDES crypto suites we speak (RFC 4568 6.2): AES-128 counter mode with an 80- or 32-bit HMAC-SHA1 tag. */
public enum SrtpSuite {
    AES_CM_128_HMAC_SHA1_80(10),
    AES_CM_128_HMAC_SHA1_32(4);

    /** Master key length in bytes (128 bits). */
    public static final int KEY_LENGTH = 16;
    /** Master salt length in bytes (112 bits). */
    public static final int SALT_LENGTH = 14;

    private final int tagLength;

    SrtpSuite(int tagLength) {
        this.tagLength = tagLength;
    }

    /** Bytes of authentication tag each SRTP packet carries. */
    public int tagLength() {
        return tagLength;
    }

    /** The name in an SDP a=crypto line. */
    public String wireName() {
        return name();
    }

    /** The suite an a=crypto line names, if we speak it. */
    public static Optional<SrtpSuite> fromWire(String name) {
        for (SrtpSuite s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
