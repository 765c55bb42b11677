package io.outdial.bridge.auth;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Password hashing with bcrypt (Spring Security's implementation, see docs/adr/0013). A check costs tens of
 * milliseconds on purpose: call {@link #matches} on a worker pool, never on an event loop.
 */
public final class PasswordHashes {
    /** Cost of new hashes (2^12 rounds: 0.2..0.6 s of one core, see docs/security.md). */
    public static final int COST = 12;
    /** Highest cost {@code hash-password --cost} makes. */
    public static final int MAX_COST = 16;
    /** Least cost accepted in configuration (and by {@code hash-password --cost}). */
    public static final int MIN_COST = 10;
    /** bcrypt reads only the first 72 bytes: a longer password is refused rather than silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    /** A real hash to check against when the account does not exist, so timing does not tell. */
    private static final String DUMMY = BCrypt.hashpw("not-a-password", BCrypt.gensalt(COST));

    private PasswordHashes() {
    }

    /** A new bcrypt hash of {@code password} at {@link #COST}. */
    public static String hash(String password) {
        return hash(password, COST);
    }

    /** A new bcrypt hash at {@code cost} (tests use {@link #MIN_COST} to stay fast). */
    public static String hash(String password, int cost) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("a password must be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        return BCrypt.hashpw(password, BCrypt.gensalt(cost));
    }

    /** Whether {@code text} is a bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}). */
    public static boolean isHash(String text) {
        return text != null && BCRYPT.matcher(text).matches();
    }

    /** The cost of a bcrypt hash; {@link #isHash} must hold. */
    public static int cost(String hash) {
        return Integer.parseInt(hash.substring(4, 6));
    }

    /**
     * Whether {@code password} matches {@code hash}. A null hash (unknown account) is checked against a dummy so
     * that it takes as long; a password over {@link #MAX_PASSWORD_BYTES} never matches.
     */
    public static boolean matches(String password, String hash) {
        if (password == null) {
            return false;
        }
        boolean fits = password.length() <= MAX_PASSWORD_BYTES
                && password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
        boolean usable = isHash(hash) && fits;
        boolean match = BCrypt.checkpw(fits ? password : "", usable ? hash : DUMMY);
        return usable && match;
    }
}
