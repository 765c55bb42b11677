package io.outdial.bridge.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.outdial.bridge.session.CtiInitializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each request of a connection to its place: {@code /cti} becomes a WebSocket, {@code /api/...} goes to the
 * admin API, {@code /metrics} and {@code /health} are answered here, the browser pages come from {@link StaticFiles}. Answers complete asynchronously but leave in
 * request order, as HTTP/1.1 pipelining requires.
 */
public final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(HttpRouter.class);

    static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);

    private final AdminRoutes admin;
    private final Supplier<String> metrics;
    private final CtiInitializer cti;
    private final StaticFiles pages;
    /** Completes when the previous answer was written; the next one waits for it. Event-loop confined. */
    private CompletableFuture<Void> previousAnswer = CompletableFuture.completedFuture(null);

    public HttpRouter(AdminRoutes admin, Supplier<String> metrics, CtiInitializer cti, StaticFiles pages) {
        this.admin = admin;
        this.metrics = metrics;
        this.cti = cti;
        this.pages = pages;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            answerInOrder(ctx, request, done(HttpReply.error(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request")));
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        if (path.equals(CtiInitializer.PATH)) {
            upgradeToCti(ctx, request);
            return;
        }
        answerInOrder(ctx, request, route(path, request));
    }

    private CompletableFuture<HttpReply> route(String path, FullHttpRequest request) {
        Map<HttpMethod, Endpoint> endpoints;
        if (path.equals("/health")) {
            endpoints = Map.of(HttpMethod.GET, r -> done(HttpReply.json(HttpResponseStatus.OK, UP)));
        } else if (path.equals("/metrics")) {
            endpoints = Map.of(HttpMethod.GET,
                    r -> done(HttpReply.text(HttpResponseStatus.OK, METRICS_TYPE, metrics.get())));
        } else if (path.startsWith(AdminRoutes.PREFIX)) {
            endpoints = admin.resolve(path);
        } else if (pages.serves(path)) {
            Endpoint page = r -> done(pages.answer(path, r));
            endpoints = Map.of(HttpMethod.GET, page, HttpMethod.HEAD, page);
        } else {
            endpoints = Map.of();
        }
        if (endpoints.isEmpty()) {
            return done(HttpReply.error(HttpResponseStatus.NOT_FOUND, "no such path: " + path));
        }
        Endpoint endpoint = endpoints.get(request.method());
        if (endpoint == null) {
            return done(methodNotAllowed(request.method(), path, endpoints.keySet()));
        }
        try {
            return endpoint.call(request);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.method(), path, e);
            return done(HttpReply.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error: " + e.getMessage()));
        }
    }

    /** Hands the connection over to the CTI pipeline; the WebSocket handshake answers this request. */
    private void upgradeToCti(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.method().equals(HttpMethod.GET)) {
            answerInOrder(ctx, request, done(methodNotAllowed(request.method(), CtiInitializer.PATH,
                    Set.of(HttpMethod.GET))));
            return;
        }
        if (!HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE))) {
            answerInOrder(ctx, request, done(HttpReply.error(HttpResponseStatus.UPGRADE_REQUIRED,
                    CtiInitializer.PATH + " is a WebSocket endpoint").withHeader("Upgrade", "websocket")));
            return;
        }
        ctx.pipeline().addAfter(ctx.name(), "cti-init", cti);
        ctx.pipeline().remove(this);
        // This context still knows its successor: the request goes on to the WebSocket handshake.
        ctx.fireChannelRead(request.retain());
    }

    private void answerInOrder(ChannelHandlerContext ctx, FullHttpRequest request, CompletableFuture<HttpReply> reply) {
        HttpVersion version = request.protocolVersion();
        // After a decoding failure the codec discards the rest of the stream: answer, then close.
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !request.decoderResult().isFailure();
        previousAnswer = previousAnswer.thenCombine(reply, (ignored, r) -> r)
                .thenAccept(r -> write(ctx, r, version, keepAlive));
    }

    private static void write(ChannelHandlerContext ctx, HttpReply reply, HttpVersion version, boolean keepAlive) {
        FullHttpResponse response = reply.toResponse(version);
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static HttpReply methodNotAllowed(HttpMethod method, String path, Set<HttpMethod> allowed) {
        TreeSet<String> names = new TreeSet<>();
        allowed.forEach(m -> names.add(m.name()));
        return HttpReply.error(HttpResponseStatus.METHOD_NOT_ALLOWED, method + " is not allowed on " + path)
                .withHeader("Allow", String.join(", ", names));
    }

    private static CompletableFuture<HttpReply> done(HttpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (!(evt instanceof IdleStateEvent)) { // a ping tick means nothing to plain HTTP
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("{}: closing after {}", ctx.channel(), cause.toString());
        ctx.close();
    }
}
