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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final InteractionToolRoutes tools;

    public AdminRoutes(AdminApi admin, ObjectMapper mapper) {
        this(admin, mapper, request -> null);
    }

    /** @param requester who sends a request, as the authentication layer knows them (for audits; null: unknown) */
    public AdminRoutes(AdminApi admin, ObjectMapper mapper, java.util.function.Function<FullHttpRequest, String> requester) {
        this.admin = admin;
        this.mapper = mapper;
        this.tools = new InteractionToolRoutes(admin, this::answer, AdminRoutes::failed, requester);
    }

    /** The endpoints of {@code path} (which starts with {@link #PREFIX}) by method; empty if there is no such path. */
    public Map<HttpMethod, Endpoint> resolve(String path) {
        List<String> s = segments(path.substring(PREFIX.length()));
        Map<HttpMethod, Endpoint> tool = tools.resolve(s);
        if (!tool.isEmpty()) {
            return tool;
        }
        if (s.equals(List.of("campaigns"))) {
            return Map.of(HttpMethod.GET, request -> answer(request, admin::campaigns));
        }
        if (s.equals(List.of("stats"))) {
            return Map.of(HttpMethod.GET, request -> answer(request, admin::stats));
        }
        if (s.equals(List.of("stats", "history"))) {
            return Map.of(HttpMethod.GET, request -> answer(request, admin::statsHistory));
        }
        if (s.equals(List.of("agents"))) {
            return Map.of(HttpMethod.GET, request -> answer(request, admin::agents));
        }
        if (s.size() == 3 && s.get(0).equals("agents") && s.get(2).equals("sip-password")) {
            String agent = s.get(1);
            return Map.of(HttpMethod.PUT, request -> answer(request, () -> admin.sipPassword(agent, password(request))));
        }
        if (s.size() == 3 && s.get(0).equals("agents") && s.get(2).equals("registration")) {
            String agent = s.get(1);
            return Map.of(HttpMethod.DELETE, request -> answer(request, () -> admin.removeRegistration(agent)));
        }
        if (s.equals(List.of("dnc"))) {
            return Map.of(
                    HttpMethod.GET, request -> answer(request, admin::doNotCallList),
                    HttpMethod.POST, request -> answer(request, () -> admin.addDoNotCall(doNotCallEntry(request))));
        }
        if (s.size() == 3 && s.get(0).equals("campaigns")) {
            String campaign = s.get(1);
            if (s.get(2).equals("records")) {
                return Map.of(
                        HttpMethod.GET, request -> answer(request, () -> admin.records(campaign)),
                        HttpMethod.POST, request -> answer(request,
                                () -> admin.importRecords(campaign, UploadText.of(request))));
            }
            if (s.get(2).equals("export")) {
                return Map.of(HttpMethod.GET, request -> csv(request, campaign));
            }
            CampaignAction action = actionNamed(s.get(2));
            if (action != null) {
                return Map.of(HttpMethod.POST, request -> answer(request, () -> admin.campaignAction(campaign, action)));
            }
        }
        return Map.of();
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

    private static CampaignAction actionNamed(String segment) {
        for (CampaignAction a : CampaignAction.values()) {
            if (a.name().toLowerCase(Locale.ROOT).equals(segment)) {
                return a;
            }
        }
        return null;
    }

    /** Path segments, percent-decoded; a trailing slash is ignored. Empty segments make the path unknown. */
    private static List<String> segments(String rest) {
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
