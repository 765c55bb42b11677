package io.outdial.bridge.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API tokens for scripts ({@code Authorization: Bearer odt_...}). A token is 256 random bits, so a plain SHA-256
 * of it is a safe thing to store (no dictionary to try) and cheap enough to check on an event loop; only that hash
 * is configured or kept.
 */
public final class ApiTokens {
    /** Every token starts with this, so a leaked one is easy to recognise (and to grep for). */
    public static final String PREFIX = "odt_";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A configured token: its name (audit entries show it), role and SHA-256. */
    public record Token(String name, Role role, String sha256) { }

    private final Map<String, Token> bySha256 = new HashMap<>();

    public ApiTokens(List<Token> tokens) {
        for (Token t : tokens) {
            if (!isSha256(t.sha256())) {
                throw new IllegalArgumentException("token " + t.name() + ": sha256 must be 64 lower-case hex digits");
            }
            bySha256.put(t.sha256(), t);
        }
    }

    /** The token whose value is {@code presented}, if one is configured. */
    public Optional<Token> find(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        return Optional.ofNullable(bySha256.get(sha256(presented)));
    }

    /** A new random token value. */
    public static String generate() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** The SHA-256 of a token value, as 64 lower-case hex digits. */
    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code text} is written as a SHA-256 in hex. */
    public static boolean isSha256(String text) {
        return text != null && SHA256_HEX.matcher(text).matches();
    }
}
