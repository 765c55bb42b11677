package io.outdial.media.webrtc;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * One side's ICE username fragment and password (RFC 8839 5.4): ours made at random for each browser leg, the
 * browser's read from its SDP. The password keys the STUN short-term MESSAGE-INTEGRITY and stays out of logs.
 */
public record IceCredentials(String ufrag, String password) {
    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final SecureRandom RANDOM = new SecureRandom();

    public IceCredentials {
        Objects.requireNonNull(ufrag, "ufrag");
        Objects.requireNonNull(password, "password");
        if (ufrag.length() < 4 || ufrag.length() > 256 || !iceChars(ufrag)) {
            throw new IllegalArgumentException("ice-ufrag must be 4 to 256 ice-chars");
        }
        if (password.length() < 22 || password.length() > 256 || !iceChars(password)) {
            throw new IllegalArgumentException("ice-pwd must be 22 to 256 ice-chars");
        }
    }

    /** Fresh credentials: 8 characters of ufrag and 24 of password (144 bits) from a secure random source. */
    public static IceCredentials random() {
        return new IceCredentials(randomChars(8), randomChars(24));
    }

    private static String randomChars(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ICE_CHARS.charAt(RANDOM.nextInt(ICE_CHARS.length())));
        }
        return out.toString();
    }

    private static boolean iceChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (ICE_CHARS.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "IceCredentials[" + ufrag + "]";
    }
}
