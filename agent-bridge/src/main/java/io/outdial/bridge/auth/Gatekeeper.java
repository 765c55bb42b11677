package io.outdial.bridge.auth;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.CookieHeaderNames.SameSite;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The one place that decides whether an HTTP request may go on: who the caller is (a session cookie, a bearer
 * token, the scrape token, or lab open mode), whether its role is enough for the route, and, for a state-changing
 * request from a browser, whether it carries the session's CSRF token and comes from an allowed origin. Also runs
 * logins (throttled, checked off the event loop) and logouts. Thread-safe.
 */
public final class Gatekeeper {
    /** The session cookie's name. */
    public static final String COOKIE = "outdial_session";
    /** The header a browser echoes its session's CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Set by the router on every request (replacing any copy the client sent): the caller's address. */
    public static final String SOURCE_HEADER = "X-Outdial-Internal-Source";

    /** What became of a request. */
    public sealed interface Verdict {
        /** Go on, as {@code caller}. */
        record Admitted(Caller caller) implements Verdict { }

        /** Answer {@code status} (401 or 403) with {@code message}; nothing is done. */
        record Refused(int status, String message) implements Verdict { }
    }

    /** What became of a login. */
    public sealed interface Login {
        /** Logged in: the session to set as a cookie. */
        record Accepted(BrowserSessions.Session session) implements Login { }

        /** Wrong user name or password (which of the two is not said). */
        record Refused() implements Login { }

        /** Too many failures: not checked; try again after {@code retryAfter}. */
        record Throttled(Duration retryAfter) implements Login { }
    }

    private final AuthSettings settings;
    private final boolean tls;
    private final Map<String, AuthSettings.User> users = new HashMap<>();
    private final ApiTokens tokens;
    private final BrowserSessions sessions;
    private final LoginThrottle throttle;
    private final PasswordChecks checks;
    private final SecurityEvents events;

    /**
     * @param tls whether this port speaks HTTPS (cookies are then Secure)
     */
    public Gatekeeper(AuthSettings settings, boolean tls, PasswordChecks checks, SecurityEvents events,
                      Supplier<Instant> clock) {
        this.settings = settings;
        this.tls = tls;
        settings.users().forEach(u -> users.put(u.name().toLowerCase(Locale.ROOT), u));
        this.tokens = new ApiTokens(settings.tokens());
        this.sessions = new BrowserSessions(settings.sessionIdle(), settings.sessionMaxAge(), clock);
        this.throttle = new LoginThrottle(settings.throttle(), clock);
        this.checks = checks;
        this.events = events;
    }

    /** Whether lab open mode is on. */
    public boolean openLab() {
        return settings.openLab();
    }

    /** The login throttle, shared by HTTP and CTI. */
    public LoginThrottle throttle() {
        return throttle;
    }

    public SecurityEvents events() {
        return events;
    }

    /** Decides a request for a route that asks {@code access}. */
    public Verdict admit(HttpMethod method, HttpHeaders headers, Access access, String source) {
        if (access == Access.PUBLIC) {
            return new Verdict.Admitted(null);
        }
        boolean changes = changesState(method);
        if (changes && !originAllowed(headers)) {
            return new Verdict.Refused(403, "requests from origin " + headers.get(HttpHeaderNames.ORIGIN)
                    + " are not allowed");
        }
        Caller caller;
        String bearer = bearer(headers);
        Optional<BrowserSessions.Session> session = Optional.empty();
        if (bearer != null) {
            caller = tokenCaller(bearer, access);
            if (caller == null) {
                return new Verdict.Refused(401, "unknown API token");
            }
        } else if ((session = session(headers)).isPresent()) {
            caller = new Caller(session.get().user(), session.get().role(), Caller.Method.SESSION);
        } else if (settings.openLab()) {
            return new Verdict.Admitted(Caller.OPEN_LAB);
        } else {
            return new Verdict.Refused(401, "log in first: a session cookie or an Authorization: Bearer token");
        }
        if (caller.method() == Caller.Method.SCRAPE_TOKEN) {
            return access == Access.METRICS ? new Verdict.Admitted(caller)
                    : new Verdict.Refused(403, "the scrape token may only read /metrics");
        }
        if (!caller.role().includes(access.role())) {
            return new Verdict.Refused(403, caller.role().wireName() + " " + caller.name() + " may not do this: it"
                    + " needs the " + access.role().wireName() + " role");
        }
        if (changes && caller.method() == Caller.Method.SESSION
                && !session.get().csrfMatches(headers.get(CSRF_HEADER))) {
            return new Verdict.Refused(403, "missing or wrong " + CSRF_HEADER + " header");
        }
        return new Verdict.Admitted(caller);
    }

    private Caller tokenCaller(String bearer, Access access) {
        if (settings.scrapeTokenSha256() != null && ApiTokens.PREFIX.length() < bearer.length()
                && ApiTokens.sha256(bearer).equals(settings.scrapeTokenSha256())) {
            return new Caller("scrape", Role.SUPERVISOR, Caller.Method.SCRAPE_TOKEN);
        }
        return tokens.find(bearer).map(t -> new Caller(t.name(), t.role(), Caller.Method.TOKEN)).orElse(null);
    }

    /** Checks a browser login; completes on a password-check thread. */
    public CompletableFuture<Login> login(String user, String password, String source) {
        String account = user == null ? "" : user;
        Optional<Duration> locked = throttle.lockedFor(account, source);
        if (locked.isPresent()) {
            events.loginFailed(SecurityEvents.Door.HTTP, SecurityEvents.Failure.THROTTLED, account, source);
            return CompletableFuture.completedFuture(new Login.Throttled(locked.get()));
        }
        AuthSettings.User known = users.get(account.toLowerCase(Locale.ROOT));
        // Only supervisors and admins log in here: agents use their desktop's CTI login.
        String hash = known == null || !known.role().includes(Role.SUPERVISOR) ? null : known.passwordHash();
        return checks.matches(password, hash).thenApply(ok -> {
            if (ok) {
                throttle.succeeded(account, source);
                return new Login.Accepted(sessions.start(known.name(), known.role()));
            }
            throttle.failed(account, source);
            events.loginFailed(SecurityEvents.Door.HTTP, SecurityEvents.Failure.BAD_CREDENTIALS, account, source);
            return new Login.Refused();
        });
    }

    /** The live session the request's cookie names. */
    public Optional<BrowserSessions.Session> session(HttpHeaders headers) {
        String cookies = headers.get(HttpHeaderNames.COOKIE);
        if (cookies == null || cookies.length() > 8192) {
            return Optional.empty();
        }
        for (Cookie c : ServerCookieDecoder.STRICT.decode(cookies)) {
            if (c.name().equals(COOKIE)) {
                return sessions.find(c.value());
            }
        }
        return Optional.empty();
    }

    /** Ends the request's session, if any. */
    public void logout(HttpHeaders headers) {
        session(headers).ifPresent(s -> sessions.end(s.id()));
    }

    /** The {@code Set-Cookie} value that hands {@code session} to the browser. */
    public String sessionCookie(BrowserSessions.Session session) {
        return cookie(session.id(), sessions.maxAge().toSeconds());
    }

    /** The {@code Set-Cookie} value that makes the browser forget its session. */
    public String clearedCookie() {
        return cookie("", 0);
    }

    private String cookie(String value, long maxAgeSeconds) {
        DefaultCookie c = new DefaultCookie(COOKIE, value);
        c.setHttpOnly(true);
        c.setSecure(tls || settings.secureCookies());
        c.setSameSite(SameSite.Strict);
        c.setPath("/");
        c.setMaxAge(maxAgeSeconds);
        return ServerCookieEncoder.STRICT.encode(c);
    }

    /**
     * Whether a browser request's {@code Origin} may act here: none (not a browser, or a same-origin GET), the
     * gateway's own (the {@code Host} it was asked by), or one of {@code http.auth.allowedOrigins}.
     */
    public boolean originAllowed(HttpHeaders headers) {
        String origin = headers.get(HttpHeaderNames.ORIGIN);
        if (origin == null) {
            return true;
        }
        if (settings.allowedOrigins().contains(origin)) {
            return true;
        }
        String host = headers.get(HttpHeaderNames.HOST);
        try {
            URI o = URI.create(origin);
            if (o.getHost() == null || host == null) {
                return false;
            }
            String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            return authority.equalsIgnoreCase(host) || defaultPort(o, host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean defaultPort(URI origin, String host) {
        // "Host: example.com:443" for "https://example.com" and the like.
        int port = "https".equalsIgnoreCase(origin.getScheme()) ? 443 : 80;
        return origin.getPort() < 0 && (origin.getHost() + ":" + port).equalsIgnoreCase(host);
    }

    /** The address a request comes from, for throttling and the audit log. */
    public String source(InetSocketAddress remote, HttpHeaders headers) {
        if (settings.trustForwardedFor()) {
            String forwarded = headers.get("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank() && forwarded.length() < 1024) {
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].strip();
            }
        }
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** Whether a method changes state (everything but GET, HEAD and OPTIONS). */
    public static boolean changesState(HttpMethod method) {
        return !(method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD) || method.equals(HttpMethod.OPTIONS));
    }

    private static String bearer(HttpHeaders headers) {
        String auth = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return auth.substring(7).strip();
    }
}
