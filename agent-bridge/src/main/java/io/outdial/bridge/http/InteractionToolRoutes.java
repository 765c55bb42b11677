package io.outdial.bridge.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.outdial.bridge.admin.AdminApi;
import io.outdial.bridge.admin.AdminException;
import io.outdial.bridge.admin.ByteRange;
import io.outdial.bridge.admin.RangeNotSatisfiable;
import io.outdial.bridge.auth.Access;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The admin API's paths for the interaction view's tools, lines of the same route table as every other
 * {@code /api} path (so the one access check guards them too):
 * <ul>
 * <li>{@code GET /api/records/{recordId}/recordings}: a record's recordings;</li>
 * <li>{@code GET /api/recordings/{id}}: one recording and the audit of its accesses;</li>
 * <li>{@code GET /api/recordings/{id}/audio}: its WAV to play ({@code ?download=true}: as an attachment), audited;
 * a {@code Range: bytes=...} header gets that slice (206 Partial Content), a range outside the file 416;</li>
 * <li>{@code GET|POST /api/campaigns/{c}/responses}: search ({@code ?q=}) or upload (JSON array or CSV) the
 * campaign's standard responses; {@code DELETE /api/campaigns/{c}/responses/{id}}.</li>
 * </ul>
 */
final class InteractionToolRoutes {

    private final AdminApi admin;
    private final BiFunction<FullHttpRequest, Supplier<CompletableFuture<Object>>, CompletableFuture<HttpReply>> answer;
    private final BiFunction<String, Throwable, HttpReply> failed;
    private final Function<FullHttpRequest, String> requester;

    /**
     * @param answer    runs an admin call and writes its result as JSON (or its refusal as an error)
     * @param failed    the error reply for a failure
     * @param requester who asks, for the audit of recording accesses (the authentication layer's principal)
     */
    InteractionToolRoutes(AdminApi admin,
                          BiFunction<FullHttpRequest, Supplier<CompletableFuture<Object>>, CompletableFuture<HttpReply>> answer,
                          BiFunction<String, Throwable, HttpReply> failed, Function<FullHttpRequest, String> requester) {
        this.admin = admin;
        this.answer = answer;
        this.failed = failed;
        this.requester = requester;
    }

    /**
     * These paths as lines of the route table, each with who may call it: supervisors (a recording's every play
     * and download is audited with who asked).
     */
    List<Route> routes() {
        return List.of(
                route(HttpMethod.GET, "records/{record}/recordings", v -> request -> answer.apply(request,
                        () -> admin.recordingsOfRecord(id(v.get(0), "record id")))),
                route(HttpMethod.GET, "recordings/{recording}", v -> request -> answer.apply(request,
                        () -> admin.recording(id(v.get(0), "recording id")))),
                route(HttpMethod.GET, "recordings/{recording}/audio", v -> request -> audio(request, v.get(0))),
                route(HttpMethod.GET, "campaigns/{campaign}/responses", v -> request -> answer.apply(request,
                        () -> admin.responses(v.get(0), parameter(request, "q")))),
                route(HttpMethod.POST, "campaigns/{campaign}/responses", v -> request -> answer.apply(request,
                        () -> admin.uploadResponses(v.get(0), UploadText.of(request)))),
                route(HttpMethod.DELETE, "campaigns/{campaign}/responses/{response}", v -> request ->
                        answer.apply(request, () -> admin.removeResponse(v.get(0), id(v.get(1), "response id")))));
    }

    private static Route route(HttpMethod method, String pattern, Route.Handler handler) {
        return new Route(method, AdminRoutes.PREFIX + pattern, Access.SUPERVISOR, handler);
    }

    private CompletableFuture<HttpReply> audio(FullHttpRequest request, String recording) {
        String what = request.method() + " " + request.uri();
        boolean download = "true".equals(parameter(request, "download"));
        String who = requester.apply(request);
        CompletableFuture<AdminApi.RecordingAudio> audio;
        try {
            long id = id(recording, "recording id");
            audio = admin.recordingAudio(id, download ? "download" : "play", who, range(request));
        } catch (RuntimeException e) {
            audio = CompletableFuture.failedFuture(e);
        }
        return audio.handle((a, failure) -> {
            if (failure != null) {
                return refused(what, failure);
            }
            ByteRange.Slice slice = a.slice();
            HttpReply reply = new HttpReply(slice.partial() ? HttpResponseStatus.PARTIAL_CONTENT : HttpResponseStatus.OK,
                    "audio/wav", a.wav(), Map.of());
            if (slice.partial()) {
                reply = reply.withHeader("Content-Range", slice.contentRange());
            }
            return reply.withHeader("Accept-Ranges", "bytes")
                    .withHeader("Content-Disposition", (download ? "attachment" : "inline") + "; filename=\""
                    + a.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                    .withHeader("Cache-Control", "no-store");
        });
    }

    /**
     * The request's byte range, or null for the whole file. An {@code If-Range} makes the range conditional on a
     * validator this route never sends, so the whole file is served. A malformed range is refused (416).
     */
    private static ByteRange range(FullHttpRequest request) {
        if (request.headers().contains(HttpHeaderNames.IF_RANGE)) {
            return null;
        }
        try {
            return ByteRange.parse(request.headers().get(HttpHeaderNames.RANGE)).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new RangeNotSatisfiable(e.getMessage(), -1);
        }
    }

    /** The error answer; a 416 also names the file's length, when known, and that ranges are served. */
    private HttpReply refused(String what, Throwable failure) {
        HttpReply reply = failed.apply(what, failure);
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof RangeNotSatisfiable unsatisfiable) {
            reply = reply.withHeader("Accept-Ranges", "bytes");
            if (unsatisfiable.length() >= 0) {
                reply = reply.withHeader("Content-Range", "bytes */" + unsatisfiable.length());
            }
        }
        return reply;
    }

    private static String parameter(FullHttpRequest request, String name) {
        List<String> values = new QueryStringDecoder(request.uri()).parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static long id(String segment, String what) {
        try {
            long id = Long.parseLong(segment);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // the refusal below
        }
        throw new AdminException(400, what + " must be a positive number, got '" + segment + "'");
    }
}
