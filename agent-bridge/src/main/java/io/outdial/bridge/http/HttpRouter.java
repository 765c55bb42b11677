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
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outdial.bridge.auth.Access;
import io.outdial.bridge.auth.AuditEntry;
import io.outdial.bridge.auth.Caller;
import io.outdial.bridge.auth.Gatekeeper;
import io.outdial.bridge.auth.Gatekeeper.Verdict;
import io.outdial.bridge.session.CtiInitializer;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each request of a connection to its place: {@code /cti} becomes a WebSocket (if its origin is allowed), the
 * browser pages come from {@link StaticFiles}, everything else is a {@link Route} of the {@link RouteTable}, called
 * only once the {@link Gatekeeper} has admitted the caller for the route's {@link Access}; supervisor and admin
 * actions are then audited. Answers complete asynchronously but leave in request order, as HTTP/1.1 pipelining
 * requires.
 */
public final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(HttpRouter.class);

    static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
    /** The supervisor page's addresses: without a session they redirect to the login page. */
    private static final Set<String> SUPERVISOR_PAGE = Set.of("/supervisor", "/supervisor/", "/supervisor/index.html");

    private final RouteTable routes;
    private final CtiInitializer cti;
    private final StaticFiles pages;
    private final Gatekeeper gate;
    /** Completes when the previous answer was written; the next one waits for it. Event-loop confined. */
    private CompletableFuture<Void> previousAnswer = CompletableFuture.completedFuture(null);

    public HttpRouter(RouteTable routes, CtiInitializer cti, StaticFiles pages, Gatekeeper gate) {
        this.routes = routes;
        this.cti = cti;
        this.pages = pages;
        this.gate = gate;
    }

    /** The bridge's own routes: {@code /health}, {@code /metrics} and the login. */
    public static List<Route> ownRoutes(Supplier<String> metrics, Gatekeeper gate, ObjectMapper mapper) {
        List<Route> own = new ArrayList<>();
        own.add(new Route(HttpMethod.GET, "/health", Access.PUBLIC,
                v -> r -> done(HttpReply.json(HttpResponseStatus.OK, UP))));
        own.add(new Route(HttpMethod.GET, "/metrics", Access.METRICS,
                v -> r -> done(HttpReply.text(HttpResponseStatus.OK, METRICS_TYPE, metrics.get()))));
        own.addAll(new AuthRoutes(gate, mapper).routes());
        return own;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            answerInOrder(ctx, request, done(HttpReply.error(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request")));
            return;
        }
        InetSocketAddress remote = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a : null;
        String source = gate.source(remote, request.headers());
        request.headers().set(Gatekeeper.SOURCE_HEADER, source);
        String path = new QueryStringDecoder(request.uri()).path();
        if (path.equals(CtiInitializer.PATH)) {
            upgradeToCti(ctx, request);
            return;
        }
        answerInOrder(ctx, request, route(path, request, source));
    }

    private CompletableFuture<HttpReply> route(String path, FullHttpRequest request, String source) {
        if (pages.serves(path)) {
            if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
                return done(methodNotAllowed(request.method(), path, Set.of(HttpMethod.GET, HttpMethod.HEAD)));
            }
            if (SUPERVISOR_PAGE.contains(path) && !gate.openLab() && gate.session(request.headers()).isEmpty()) {
                return done(HttpReply.empty(HttpResponseStatus.SEE_OTHER).withHeader("Location", "/login")
                        .withHeader("Cache-Control", "no-store"));
            }
            return done(pages.answer(path, request));
        }
        Map<HttpMethod, RouteTable.Bound> endpoints = routes.resolve(path);
        if (endpoints.isEmpty()) {
            if (path.startsWith(AdminRoutes.PREFIX)) {
                // Unknown admin paths tell an anonymous caller nothing but "log in".
                Verdict v = gate.admit(HttpMethod.GET, request.headers(), Access.SUPERVISOR, source);
                if (v instanceof Verdict.Refused refused) {
                    return done(refusal(refused));
                }
            }
            return done(HttpReply.error(HttpResponseStatus.NOT_FOUND, "no such path: " + path));
        }
        RouteTable.Bound bound = endpoints.get(request.method());
        if (bound == null) {
            return done(methodNotAllowed(request.method(), path, endpoints.keySet()));
        }
        Route route = bound.route();
        Verdict verdict = gate.admit(request.method(), request.headers(), route.access(), source);
        if (verdict instanceof Verdict.Refused refused) {
            // A 403 is someone logged in trying more than their role: worth a line. 401s (scanners) only in debug.
            if (refused.status() == 403) {
                LOG.info("{} {} from {} refused: {}", request.method(), printable(path), source, refused.message());
            } else {
                LOG.debug("{} {} from {} refused: {}", request.method(), printable(path), source, refused.message());
            }
            return done(refusal(refused));
        }
        Caller caller = ((Verdict.Admitted) verdict).caller();
        CompletableFuture<HttpReply> answer;
        try {
            answer = bound.endpoint().call(request);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.method(), path, e);
            answer = done(HttpReply.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error: " + e.getMessage()));
        }
        if (caller != null && audited(request.method(), route)) {
            String action = request.method() + " " + printable(path);
            answer = answer.exceptionally(failure -> HttpReply.error(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    "internal error")).thenCompose(reply -> gate.events().audit(new AuditEntry(Instant.now(),
                    caller.name(), caller.role(), action, reply.status().code(), source)).handle((v, f) -> reply));
        }
        return answer;
    }

    /** The path as logs and the audit show it: control characters (a decoded %0A) become '?'. */
    static String printable(String path) {
        return path.replaceAll("\\p{Cntrl}", "?");
    }

    /** State-changing requests and every admin-only read (exports of personal data, the audit log). */
    private static boolean audited(HttpMethod method, Route route) {
        return Gatekeeper.changesState(method) || route.access() == Access.ADMIN;
    }

    private static HttpReply refusal(Verdict.Refused refused) {
        HttpReply reply = HttpReply.error(HttpResponseStatus.valueOf(refused.status()), refused.message());
        return refused.status() == 401 ? reply.withHeader("WWW-Authenticate", "Bearer realm=\"outdial\"") : reply;
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
        if (!gate.originAllowed(request.headers())) {
            LOG.info("CTI WebSocket from {} refused: origin {} is not allowed", request.headers().get(
                    Gatekeeper.SOURCE_HEADER), request.headers().get(HttpHeaderNames.ORIGIN));
            answerInOrder(ctx, request, done(HttpReply.error(HttpResponseStatus.FORBIDDEN,
                    "WebSocket connections from origin " + request.headers().get(HttpHeaderNames.ORIGIN)
                            + " are not allowed")));
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
