package io.outdial.bridge.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.outdial.bridge.admin.AdminApi;
import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.bridge.admin.AdminException;
import io.outdial.bridge.auth.Access;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's API under {@code /api}: maps each path and method onto {@link AdminApi}, its result to JSON and
 * its refusals ({@link AdminException}) to their status.
 */
public final class AdminRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);

    /** Prefix of every admin path. */
    public static final String PREFIX = "/api/";

    private final AdminApi admin;
    private final ObjectMapper mapper;

    public AdminRoutes(AdminApi admin, ObjectMapper mapper) {
        this.admin = admin;
        this.mapper = mapper;
    }

    /** Every admin route, each with who may call it. */
    public List<Route> routes() {
        List<Route> r = new ArrayList<>();
        r.add(get("campaigns", Access.SUPERVISOR, v -> request -> answer(request, admin::campaigns)));
        r.add(get("stats", Access.SUPERVISOR, v -> request -> answer(request, admin::stats)));
        r.add(get("stats/history", Access.SUPERVISOR, v -> request -> answer(request, admin::statsHistory)));
        r.add(get("trunks", Access.SUPERVISOR, v -> request -> answer(request, admin::trunks)));
        r.add(get("agents", Access.SUPERVISOR, v -> request -> answer(request, admin::agents)));
        r.add(route(HttpMethod.PUT, "agents/{agent}/sip-password", Access.ADMIN,
                v -> request -> answer(request, () -> admin.sipPassword(v.get(0), password(request)))));
        r.add(route(HttpMethod.DELETE, "agents/{agent}/registration", Access.ADMIN,
                v -> request -> answer(request, () -> admin.removeRegistration(v.get(0)))));
        r.add(get("dnc", Access.SUPERVISOR, v -> request -> answer(request, admin::doNotCallList)));
        r.add(route(HttpMethod.POST, "dnc", Access.ADMIN,
                v -> request -> answer(request, () -> admin.addDoNotCall(doNotCallEntry(request)))));
        r.add(get("campaigns/{campaign}/records", Access.SUPERVISOR,
                v -> request -> answer(request, () -> admin.records(v.get(0)))));
        r.add(route(HttpMethod.POST, "campaigns/{campaign}/records", Access.SUPERVISOR,
                v -> request -> answer(request, () -> admin.importRecords(v.get(0), UploadText.of(request)))));
        r.add(get("campaigns/{campaign}/export", Access.ADMIN, v -> request -> csv(request, v.get(0))));
        for (CampaignAction action : CampaignAction.values()) {
            r.add(route(HttpMethod.POST, "campaigns/{campaign}/" + action.name().toLowerCase(Locale.ROOT),
                    Access.SUPERVISOR, v -> request -> answer(request, () -> admin.campaignAction(v.get(0), action))));
        }
        r.add(get("audit", Access.ADMIN, v -> request -> answer(request, () -> admin.auditLog(auditQuery(request)))));
        return r;
    }

    private static Route get(String pattern, Access access, Route.Handler handler) {
        return route(HttpMethod.GET, pattern, access, handler);
    }

    private static Route route(HttpMethod method, String pattern, Access access, Route.Handler handler) {
        return new Route(method, PREFIX + pattern, access, handler);
    }

    /** {@code ?limit=N} (1..1000, default 100) of {@code GET /api/audit}. */
    private static int auditQuery(FullHttpRequest request) {
        List<String> limit = new QueryStringDecoder(request.uri()).parameters().get("limit");
        if (limit == null || limit.isEmpty()) {
            return 100;
        }
        try {
            int n = Integer.parseInt(limit.get(0));
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new AdminException(400, "limit must be an integer in 1..1000");
    }

    /**
     * Reads {@code {"phone": "...", "campaign": "..."}} or {@code {"customerId": "...", "campaign": "..."}}; a body
     * that is not one is a 400 naming the problem.
     */
    private AdminApi.DoNotCallEntry doNotCallEntry(FullHttpRequest request) {
        String body = request.content().toString(HttpUtil.getCharset(request, StandardCharsets.UTF_8));
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AdminException(400, "body must be a JSON object such as {\"phone\": \"5551234\"}: "
                    + e.getOriginalMessage());
        }
        String phone = json == null ? null : filledText(json.path("phone"));
        String customer = json == null ? null : filledText(json.path("customerId"));
        if (json == null || !json.isObject() || (phone == null) == (customer == null)) {
            throw new AdminException(400, "body must be a JSON object with either a text field \"phone\" or a text"
                    + " field \"customerId\" (and optionally \"campaign\")");
        }
        JsonNode campaign = json.path("campaign");
        if (!campaign.isMissingNode() && !campaign.isNull() && !campaign.isTextual()) {
            throw new AdminException(400, "\"campaign\" must be a campaign name or null");
        }
        return new AdminApi.DoNotCallEntry(phone, customer, campaign.isTextual() ? campaign.asText() : null);
    }

    /** Reads {@code {"password": "..."}} ({@code null} removes it); anything else is a 400 that never echoes it. */
    private String password(FullHttpRequest request) {
        String body = request.content().toString(StandardCharsets.UTF_8);
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AdminException(400, "body must be a JSON object such as {\"password\": \"...\"}");
        }
        JsonNode pw = json == null ? null : json.get("password");
        if (json == null || !json.isObject() || pw == null || !(pw.isTextual() || pw.isNull())) {
            throw new AdminException(400, "body must be a JSON object with a text field \"password\" (or null)");
        }
        if (pw.isTextual() && (pw.asText().length() < 8 || pw.asText().length() > 128)) {
            throw new AdminException(400, "password must be 8..128 characters");
        }
        return pw.isNull() ? null : pw.asText();
    }

    private static String filledText(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private CompletableFuture<HttpReply> answer(FullHttpRequest request, Supplier<CompletableFuture<Object>> call) {
        String what = request.method() + " " + request.uri();
        CompletableFuture<Object> result;
        try {
            result = call.get();
            if (result == null) {
                throw new IllegalStateException("AdminApi returned no future");
            }
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((value, failure) -> failure == null ? ok(what, value) : failed(what, failure));
    }

    /** The export as a CSV download named after the campaign. */
    private CompletableFuture<HttpReply> csv(FullHttpRequest request, String campaign) {
        String what = request.method() + " " + request.uri();
        CompletableFuture<String> result;
        try {
            result = admin.exportRecords(campaign);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((text, failure) -> failure == null
                ? HttpReply.text(HttpResponseStatus.OK, "text/csv; charset=utf-8", text)
                        .withHeader("Content-Disposition", "attachment; filename=\"" + fileName(campaign) + "-records.csv\"")
                : failed(what, failure));
    }

    /** A campaign name as a safe file name: letters, digits, dot, dash and underscore kept, the rest '_'. */
    static String fileName(String campaign) {
        return campaign.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private HttpReply ok(String what, Object value) {
        if (value == null) {
            return HttpReply.empty(HttpResponseStatus.NO_CONTENT);
        }
        try {
            return HttpReply.json(HttpResponseStatus.OK, mapper.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            LOG.error("{}: the result cannot be written as JSON", what, e);
            return HttpReply.error(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    "internal error: the result cannot be written as JSON");
        }
    }

    private static HttpReply failed(String what, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof AdminException refused && refused.status() >= 400 && refused.status() <= 599) {
            return HttpReply.error(HttpResponseStatus.valueOf(refused.status()), String.valueOf(refused.getMessage()));
        }
        LOG.error("{} failed", what, cause);
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return HttpReply.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error: " + message);
    }

    /** Path segments, percent-decoded; a trailing slash is ignored. Empty segments make the path unknown. */
    static List<String> segments(String rest) {
        String trimmed = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        List<String> out = new ArrayList<>();
        for (String raw : trimmed.split("/", -1)) {
            if (raw.isEmpty()) {
                return List.of();
            }
            // "+" is a plus sign in a path (only a query turns it into a space).
            out.add(QueryStringDecoder.decodeComponent(raw.replace("+", "%2B")));
        }
        return out;
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
