package io.outdial.bridge.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpServerCodec;
import io.outdial.bridge.BridgeConfig;
import io.outdial.bridge.auth.Gatekeeper;
import io.outdial.bridge.session.CtiInitializer;

/**
 * The pipeline of every accepted connection: TLS when configured, silence watch, HTTP/1.1, bodies aggregated up to the configured size,
 * then the router (which grafts the CTI pipeline on for {@code /cti}).
 */
@ChannelHandler.Sharable
public final class HttpInitializer extends ChannelInitializer<Channel> {
    private final BridgeConfig config;
    private final RouteTable routes;
    private final CtiInitializer cti;
    private final ChannelGroup connections;
    private final StaticFiles pages;
    private final Gatekeeper gate;

    public HttpInitializer(BridgeConfig config, RouteTable routes, CtiInitializer cti, ChannelGroup connections,
                           StaticFiles pages, Gatekeeper gate) {
        this.config = config;
        this.routes = routes;
        this.cti = cti;
        this.connections = connections;
        this.pages = pages;
        this.gate = gate;
    }

    @Override
    protected void initChannel(Channel ch) {
        connections.add(ch);
        if (config.tls() != null) {
            ch.pipeline().addLast("tls", config.tls().newHandler(ch.alloc()));
        }
        ch.pipeline()
                .addLast("silence", new SilenceWatch(config.pingInterval(), config.idleTimeout()))
                .addLast("http", new HttpServerCodec())
                .addLast("body", new BodyLimit(config.maxBodyBytes()))
                .addLast("router", new HttpRouter(routes, cti, pages, gate));
    }
}
