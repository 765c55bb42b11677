package io.outdial.dialer.config;

import io.outdial.bridge.auth.ApiTokens;
import io.outdial.bridge.auth.AuthSettings;
import io.outdial.bridge.auth.LoginThrottle;
import io.outdial.bridge.auth.PasswordHashes;
import io.outdial.bridge.auth.Role;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code http.auth}: users, API tokens, the scrape token, sessions, throttling and lab open mode. */
final class AuthSection {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final String HOW_TO_HASH = "java -jar outdial-gateway.jar hash-password prints one";
    private static final String HOW_TO_TOKEN = "java -jar outdial-gateway.jar new-token prints a token and its sha256";

    /** Nobody may log in until users or tokens are configured; open mode off. */
    static final AuthSettings DEFAULTS = new AuthSettings(false, List.of(), List.of(), null, Duration.ofMinutes(30),
            Duration.ofHours(12), LoginThrottle.Limits.DEFAULTS, Set.of(), false, false);

    private AuthSection() {
    }

    static AuthSettings read(YamlSection s, boolean behindProxy) {
        AuthSettings d = DEFAULTS;
        boolean openLab = s.flag("openLab", false);
        Set<String> names = new HashSet<>();
        List<AuthSettings.User> users = new ArrayList<>();
        for (YamlSection u : s.sections("users")) {
            String name = name(u, names);
            Role role = role(u);
            String hash = u.requiredText("passwordHash");
            if (!PasswordHashes.isHash(hash)) {
                // Never echo what was written: it may be a plain password.
                throw new ConfigException(u.keyPath("passwordHash") + ": must be a bcrypt hash ($2a$, $2b$ or $2y$);"
                        + " a plain password is never accepted (" + HOW_TO_HASH + ")");
            }
            if (PasswordHashes.cost(hash) < PasswordHashes.MIN_COST) {
                throw new ConfigException(u.keyPath("passwordHash") + ": a bcrypt cost of at least "
                        + PasswordHashes.MIN_COST + " is required, got " + PasswordHashes.cost(hash));
            }
            u.refuseUnknownKeys();
            users.add(new AuthSettings.User(name, role, hash));
        }
        List<ApiTokens.Token> tokens = new ArrayList<>();
        Set<String> hashes = new HashSet<>();
        for (YamlSection t : s.sections("tokens")) {
            String name = name(t, names);
            Role role = role(t);
            String sha = sha256(t, "sha256");
            if (!hashes.add(sha)) {
                throw new ConfigException(t.keyPath("sha256") + ": the same token is configured twice");
            }
            t.refuseUnknownKeys();
            tokens.add(new ApiTokens.Token(name, role, sha));
        }
        String scrape = s.has("scrapeTokenSha256") ? sha256(s, "scrapeTokenSha256") : null;
        Duration idle = s.duration("sessionIdleTimeout", d.sessionIdle(), Duration.ofMinutes(1), Duration.ofHours(24));
        Duration maxAge = s.duration("sessionMaxAge", d.sessionMaxAge(), idle, Duration.ofDays(7));
        LoginThrottle.Limits t = d.throttle();
        int perAccount = s.integer("loginFailuresPerAccount", t.perAccount(), 1, 1000);
        int perSource = s.integer("loginFailuresPerAddress", t.perSource(), 1, 100_000);
        Duration window = s.duration("loginFailureWindow", t.window(), Duration.ofSeconds(10), Duration.ofDays(1));
        Duration lockout = s.duration("lockout", t.lockout(), Duration.ofSeconds(1), Duration.ofDays(1));
        Set<String> origins = new LinkedHashSet<>();
        List<String> listed = s.textList("allowedOrigins");
        for (int i = 0; i < listed.size(); i++) {
            origins.add(origin(s, i, listed.get(i)));
        }
        s.refuseUnknownKeys();
        return new AuthSettings(openLab, users, tokens, scrape, idle, maxAge,
                new LoginThrottle.Limits(perAccount, perSource, window, lockout), origins, behindProxy, behindProxy);
    }

    private static String name(YamlSection u, Set<String> names) {
        String name = u.requiredText("name");
        if (!NAME.matcher(name).matches()) {
            throw u.fail("name", "must be 1..64 letters, digits, '.', '_', '@' or '-'", name);
        }
        if (!names.add(name.toLowerCase(Locale.ROOT))) {
            throw u.fail("name", "must be unique among users and tokens", name);
        }
        return name;
    }

    private static Role role(YamlSection u) {
        String written = u.requiredText("role");
        Role role = Role.named(written);
        if (role == null || role == Role.AGENT) {
            // Agents log in to CTI with agents[i].secret, not here.
            throw u.fail("role", "must be supervisor or admin", written);
        }
        return role;
    }

    private static String sha256(YamlSection s, String key) {
        String sha = s.requiredText(key).trim().toLowerCase(Locale.ROOT);
        if (!ApiTokens.isSha256(sha)) {
            throw new ConfigException(s.keyPath(key) + ": must be the SHA-256 of a token, 64 hex digits ("
                    + HOW_TO_TOKEN + "); the token itself is never configured");
        }
        return sha;
    }

    private static String origin(YamlSection s, int i, String written) {
        String key = s.keyPath("allowedOrigins") + "[" + i + "]";
        try {
            URI u = URI.create(written);
            if ((u.getScheme() != null && (u.getScheme().equals("http") || u.getScheme().equals("https")))
                    && u.getHost() != null && (u.getPath() == null || u.getPath().isEmpty()) && u.getQuery() == null) {
                return written;
            }
        } catch (IllegalArgumentException e) {
            // the message below
        }
        throw new ConfigException(key + ": must be an origin such as https://desk.example.com or"
                + " http://10.0.0.5:8080 (scheme, host, optional port; no path), got '" + written + "'");
    }
}
