package io.outdial.bridge.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer as a value (status, content type, body, extra headers), so that routes stay free of buffers and
 * reference counts; it becomes a Netty response only when written.
 */
public record HttpReply(HttpResponseStatus status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";

    public HttpReply {
        headers = Map.copyOf(headers);
    }

    /** A JSON body already serialised. */
    public static HttpReply json(HttpResponseStatus status, byte[] json) {
        return new HttpReply(status, JSON, json, Map.of());
    }

    /** A text body in {@code contentType}. */
    public static HttpReply text(HttpResponseStatus status, String contentType, String text) {
        return new HttpReply(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** The error body every failure carries: {@code {"error": message}}. */
    public static HttpReply error(HttpResponseStatus status, String message) {
        String quoted = new String(JsonStringEncoder.getInstance().quoteAsString(message));
        return json(status, ("{\"error\":\"" + quoted + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** No body (204). */
    public static HttpReply empty(HttpResponseStatus status) {
        return new HttpReply(status, null, new byte[0], Map.of());
    }

    /** The same reply with one more header. */
    public HttpReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpReply(status, contentType, body, more);
    }

    /** The body as text (tests and logs). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    FullHttpResponse toResponse(HttpVersion version) {
        FullHttpResponse response = new DefaultFullHttpResponse(version, status, Unpooled.wrappedBuffer(body));
        if (contentType != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        headers.forEach(response.headers()::set);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }
}
