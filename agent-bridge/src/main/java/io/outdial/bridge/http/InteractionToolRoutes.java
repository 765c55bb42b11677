package io.outdial.bridge.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.outdial.bridge.admin.AdminApi;
import io.outdial.bridge.admin.AdminException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The admin API's paths for the interaction view's tools, resolved by {@link AdminRoutes} like every other
 * {@code /api} path (so whatever guards those guards these):
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

    /** The endpoints of the path's segments, or empty when the path is none of these. */
    Map<HttpMethod, Endpoint> resolve(List<String> s) {
        if (s.size() == 3 && s.get(0).equals("records") && s.get(2).equals("recordings")) {
            return Map.of(HttpMethod.GET, request -> answer.apply(request,
                    () -> admin.recordingsOfRecord(id(s.get(1), "record id"))));
        }
        if (s.size() == 2 && s.get(0).equals("recordings")) {
            return Map.of(HttpMethod.GET, request -> answer.apply(request,
                    () -> admin.recording(id(s.get(1), "recording id"))));
        }
        if (s.size() == 3 && s.get(0).equals("recordings") && s.get(2).equals("audio")) {
            return Map.of(HttpMethod.GET, this::audio);
        }
        if (s.size() == 3 && s.get(0).equals("campaigns") && s.get(2).equals("responses")) {
            String campaign = s.get(1);
            return Map.of(
                    HttpMethod.GET, request -> answer.apply(request, () -> admin.responses(campaign,
                            parameter(request, "q"))),
                    HttpMethod.POST, request -> answer.apply(request,
                            () -> admin.uploadResponses(campaign, UploadText.of(request))));
        }
        if (s.size() == 4 && s.get(0).equals("campaigns") && s.get(2).equals("responses")) {
            String campaign = s.get(1);
            return Map.of(HttpMethod.DELETE, request -> answer.apply(request,
                    () -> admin.removeResponse(campaign, id(s.get(3), "response id"))));
        }
        return Map.of();
    }

    private CompletableFuture<HttpReply> audio(FullHttpRequest request) {
        String what = request.method() + " " + request.uri();
        List<String> s = List.of(new QueryStringDecoder(request.uri()).path().split("/"));
        boolean download = "true".equals(parameter(request, "download"));
        String who = requester.apply(request);
        CompletableFuture<AdminApi.RecordingAudio> audio;
        try {
            audio = admin.recordingAudio(id(s.get(s.size() - 2), "recording id"), download ? "download" : "play",
                    who);
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
