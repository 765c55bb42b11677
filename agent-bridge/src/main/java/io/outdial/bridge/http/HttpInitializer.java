package io.outdial.bridge.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpServerCodec;
import io.outdial.bridge.BridgeConfig;
import io.outdial.bridge.session.CtiInitializer;
import java.util.function.Supplier;

/**
 * The pipeline of every accepted connection: silence watch, HTTP/1.1, bodies aggregated up to the configured size,
 * then the router (which grafts the CTI pipeline on for {@code /cti}).
 */
@ChannelHandler.Sharable
public final class HttpInitializer extends ChannelInitializer<Channel> {
    private final BridgeConfig config;
    private final AdminRoutes admin;
    private final Supplier<String> metrics;
    private final CtiInitializer cti;
    private final ChannelGroup connections;
    private final StaticFiles pages;

    /** With the pages of this module's class path ({@link StaticFiles#load()}). */
    public HttpInitializer(BridgeConfig config, AdminRoutes admin, Supplier<String> metrics, CtiInitializer cti,
                           ChannelGroup connections) {
        this(config, admin, metrics, cti, connections, StaticFiles.load());
    }

    public HttpInitializer(BridgeConfig config, AdminRoutes admin, Supplier<String> metrics, CtiInitializer cti,
                           ChannelGroup connections, StaticFiles pages) {
        this.pages = pages;
        this.config = config;
        this.admin = admin;
        this.metrics = metrics;
        this.cti = cti;
        this.connections = connections;
    }

    @Override
    protected void initChannel(Channel ch) {
        connections.add(ch);
        ch.pipeline()
                .addLast("silence", new SilenceWatch(config.pingInterval(), config.idleTimeout()))
                .addLast("http", new HttpServerCodec())
                .addLast("body", new BodyLimit(config.maxBodyBytes()))
                .addLast("router", new HttpRouter(admin, metrics, cti, pages));
    }
}
