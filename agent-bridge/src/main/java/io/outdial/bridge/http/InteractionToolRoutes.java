package io.outdial.bridge.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.outdial.bridge.admin.AdminApi;
import io.outdial.bridge.admin.AdminException;
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
 * <li>{@code GET /api/recordings/{id}/audio}: its WAV to play ({@code ?download=true}: as an attachment), audited;</li>
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
            audio = admin.recordingAudio(id(recording, "recording id"), download ? "download" : "play", who);
        } catch (RuntimeException e) {
            audio = CompletableFuture.failedFuture(e);
        }
        return audio.handle((a, failure) -> {
            if (failure != null) {
                return failed.apply(what, failure);
            }
            HttpReply reply = new HttpReply(HttpResponseStatus.OK, "audio/wav", a.wav(), Map.of());
            return reply.withHeader("Content-Disposition", (download ? "attachment" : "inline") + "; filename=\""
                    + a.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                    .withHeader("Cache-Control", "no-store");
        });
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
