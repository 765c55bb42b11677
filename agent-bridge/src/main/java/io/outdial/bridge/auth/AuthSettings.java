package io.outdial.bridge.auth;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who may log in and how sessions behave; built by the dialer from {@code http.auth}.
 *
 * @param openLab           lab open mode: no login, every HTTP caller is an admin (loopback only, off by default)
 * @param users             browser and API users with their bcrypt hashes
 * @param tokens            API tokens (SHA-256 of each)
 * @param scrapeTokenSha256 SHA-256 of a token that may read {@code /metrics} only, or null
 * @param sessionIdle       a browser session unused this long ends
 * @param sessionMaxAge     a browser session ends this long after login, used or not
 * @param throttle          login failure limits, for HTTP and CTI
 * @param allowedOrigins    origins (scheme://host[:port]) besides the gateway's own whose pages may open the CTI
 *                          WebSocket or send state-changing requests
 * @param secureCookies     mark the session cookie Secure (HTTPS here or at a reverse proxy)
 * @param trustForwardedFor take the source address from the last {@code X-Forwarded-For} entry (behind a proxy)
 */
public record AuthSettings(boolean openLab, List<User> users, List<ApiTokens.Token> tokens, String scrapeTokenSha256,
                           Duration sessionIdle, Duration sessionMaxAge, LoginThrottle.Limits throttle,
                           Set<String> allowedOrigins, boolean secureCookies, boolean trustForwardedFor) {

    /** A user who logs in with a password (browser) and may hold API tokens. */
    public record User(String name, Role role, String passwordHash) {
        public User {
            if (!PasswordHashes.isHash(passwordHash)) {
                throw new IllegalArgumentException("user " + name + ": passwordHash must be a bcrypt hash");
            }
        }

        @Override
        public String toString() {
            return "User[" + name + ", " + role.wireName() + "]";
        }
    }

    public AuthSettings {
        users = List.copyOf(users);
        tokens = List.copyOf(tokens);
        allowedOrigins = Set.copyOf(allowedOrigins);
        Objects.requireNonNull(sessionIdle, "sessionIdle");
        Objects.requireNonNull(sessionMaxAge, "sessionMaxAge");
        Objects.requireNonNull(throttle, "throttle");
    }

    /** Lab open mode with default limits: what the bridge's own tests and the demo run with. */
    public static AuthSettings openLabMode() {
        return new AuthSettings(true, List.of(), List.of(), null, Duration.ofMinutes(30), Duration.ofHours(12),
                LoginThrottle.Limits.DEFAULTS, Set.of(), false, false);
    }
}
