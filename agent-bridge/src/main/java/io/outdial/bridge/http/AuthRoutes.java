package io.outdial.bridge.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.outdial.bridge.auth.Access;
import io.outdial.bridge.auth.AuditEntry;
import io.outdial.bridge.auth.BrowserSessions;
import io.outdial.bridge.auth.Gatekeeper;
import io.outdial.bridge.auth.PasswordChecks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The browser's login, under {@code /auth}: {@code POST /auth/login} with {@code {"user", "password"}} sets the
 * session cookie and answers the CSRF token; {@code GET /auth/session} tells who is logged in; {@code POST
 * /auth/logout} ends the session.
 */
final class AuthRoutes {
    private final Gatekeeper gate;
    private final ObjectMapper mapper;

    AuthRoutes(Gatekeeper gate, ObjectMapper mapper) {
        this.gate = gate;
        this.mapper = mapper;
    }

    List<Route> routes() {
        return List.of(
                new Route(HttpMethod.POST, "/auth/login", Access.PUBLIC, v -> this::login),
                new Route(HttpMethod.GET, "/auth/session", Access.PUBLIC, v -> this::session),
                new Route(HttpMethod.POST, "/auth/logout", Access.SUPERVISOR, v -> this::logout));
    }

    private CompletableFuture<HttpReply> login(FullHttpRequest request) {
        String source = request.headers().get(Gatekeeper.SOURCE_HEADER);
        if (!gate.originAllowed(request.headers())) {
            return done(HttpReply.error(HttpResponseStatus.FORBIDDEN, "logins from this origin are not allowed"));
        }
        JsonNode json;
        try {
            json = mapper.readTree(request.content().toString(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (json == null || !json.isObject() || !json.path("user").isTextual() || !json.path("password").isTextual()
                || json.path("user").asText().length() > 128) {
            return done(HttpReply.error(HttpResponseStatus.BAD_REQUEST,
                    "body must be a JSON object with text fields \"user\" and \"password\""));
        }
        String user = json.path("user").asText();
        return gate.login(user, json.path("password").asText(), source).handle((outcome, failure) -> {
            if (failure != null) {
                return done(HttpReply.error(HttpResponseStatus.SERVICE_UNAVAILABLE,
                        failure.getCause() instanceof PasswordChecks.Busy busy ? busy.getMessage()
                                : "login failed: internal error"));
            }
            if (outcome instanceof Gatekeeper.Login.Accepted ok) {
                BrowserSessions.Session s = ok.session();
                HttpReply reply = json(HttpResponseStatus.OK, sessionBody(s))
                        .withHeader("Set-Cookie", gate.sessionCookie(s));
                return audited(new AuditEntry(Instant.now(), s.user(), s.role(), "login", 200, source), reply);
            }
            if (outcome instanceof Gatekeeper.Login.Throttled t) {
                return done(HttpReply.error(HttpResponseStatus.TOO_MANY_REQUESTS,
                        "too many failed logins: try again later").withHeader("Retry-After",
                        Long.toString(Math.max(1, t.retryAfter().toSeconds()))));
            }
            return audited(new AuditEntry(Instant.now(), user, null, "login refused", 401, source),
                    HttpReply.error(HttpResponseStatus.UNAUTHORIZED, "wrong user name or password"));
        }).thenCompose(reply -> reply);
    }

    private CompletableFuture<HttpReply> audited(AuditEntry entry, HttpReply reply) {
        return gate.events().audit(entry).handle((v, f) -> reply);
    }

    private CompletableFuture<HttpReply> session(FullHttpRequest request) {
        return done(gate.session(request.headers())
                .map(s -> json(HttpResponseStatus.OK, sessionBody(s)))
                .orElseGet(() -> gate.openLab()
                        ? json(HttpResponseStatus.OK, Map.of("user", "open-lab", "role", "admin", "openLab", true))
                        : HttpReply.error(HttpResponseStatus.UNAUTHORIZED, "not logged in")));
    }

    private CompletableFuture<HttpReply> logout(FullHttpRequest request) {
        gate.logout(request.headers());
        return done(HttpReply.empty(HttpResponseStatus.NO_CONTENT).withHeader("Set-Cookie", gate.clearedCookie()));
    }

    private static Map<String, Object> sessionBody(BrowserSessions.Session s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", s.user());
        body.put("role", s.role().wireName());
        body.put("csrfToken", s.csrfToken());
        return body;
    }

    private HttpReply json(HttpResponseStatus status, Object value) {
        try {
            return HttpReply.json(status, mapper.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<HttpReply> done(HttpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
