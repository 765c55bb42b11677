package io.outdial.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.outdial.bridge.admin.AdminApi;
import io.outdial.bridge.cti.AgentDesk;
import io.outdial.bridge.cti.CtiCodec;
import io.outdial.bridge.http.AdminRoutes;
import io.outdial.bridge.auth.AuthSettings;
import io.outdial.bridge.auth.Gatekeeper;
import io.outdial.bridge.auth.PasswordChecks;
import io.outdial.bridge.auth.SecurityEvents;
import io.outdial.bridge.http.HttpInitializer;
import io.outdial.bridge.http.HttpRouter;
import io.outdial.bridge.http.Route;
import io.outdial.bridge.http.RouteTable;
import io.outdial.bridge.http.StaticFiles;
import io.outdial.bridge.json.BridgeJson;
import io.outdial.bridge.session.CtiInitializer;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's HTTP server: the CTI WebSocket ({@code /cti}), the admin API ({@code /api}), {@code /metrics} and
 * {@code /health} on one port. Owns its Netty event loops; {@link #close()} stops them.
 */
public final class AgentBridgeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentBridgeServer.class);

    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Channel listener;
    private final ChannelGroup connections;
    private final AtomicBoolean closed = new AtomicBoolean();

    private final RouteTable routes;
    private PasswordChecks ownChecks;

    private AgentBridgeServer(EventLoopGroup acceptor, EventLoopGroup workers, Channel listener,
                              ChannelGroup connections, RouteTable routes) {
        this.routes = routes;
        this.acceptor = acceptor;
        this.workers = workers;
        this.listener = listener;
        this.connections = connections;
    }

    /**
     * Binds and starts serving; returns once the port is bound.
     *
     * @param desk    the dialer's side of the CTI protocol, called on event loops
     * @param admin   the dialer's side of the admin API, called on event loops
     * @param metrics the Prometheus text exposition, called on an event loop for each scrape: it must not block
     * @throws IllegalStateException if the address cannot be bound (the message names it)
     */
    public static AgentBridgeServer start(BridgeConfig config, AgentDesk desk, AdminApi admin,
                                          Supplier<String> metrics, BridgeSecurity security) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(security, "security");
        ObjectMapper mapper = BridgeJson.newMapper();
        ChannelGroup connections = new DefaultChannelGroup("bridge-connections", GlobalEventExecutor.INSTANCE);
        Gatekeeper gate = new Gatekeeper(security.auth(), config.tls() != null, security.passwordChecks(),
                security.events(), Instant::now);
        RouteTable routes = routes(admin, metrics, gate, mapper);
        HttpInitializer pipeline = new HttpInitializer(config, routes,
                new CtiInitializer(desk, new CtiCodec(mapper), gate), connections, StaticFiles.load(), gate);

        EventLoopGroup acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("bridge-accept"));
        EventLoopGroup workers = new NioEventLoopGroup(0, new DefaultThreadFactory("bridge-io"));
        ChannelFuture bound = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(pipeline)
                .bind(config.host(), config.port())
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDown(acceptor, workers);
            throw new IllegalStateException("agent bridge cannot listen on " + config.host() + ":" + config.port()
                    + ": " + bound.cause().getMessage(), bound.cause());
        }
        InetSocketAddress local = (InetSocketAddress) bound.channel().localAddress();
        boolean tls = config.tls() != null;
        LOG.info("agent bridge listening: {}://{}:{}/cti, {}://{}:{}/api{}", tls ? "wss" : "ws", config.host(),
                local.getPort(), tls ? "https" : "http", config.host(), local.getPort(),
                security.auth().openLab() ? " (LAB OPEN MODE: no login)" : "");
        return new AgentBridgeServer(acceptor, workers, bound.channel(), connections, routes);
    }

    /**
     * Lab open mode, no TLS settings of its own: the bridge's tests. Its password-check threads stop with the
     * server.
     */
    public static AgentBridgeServer start(BridgeConfig config, AgentDesk desk, AdminApi admin,
                                          Supplier<String> metrics) {
        PasswordChecks checks = new PasswordChecks(1);
        AgentBridgeServer server = start(config, desk, admin, metrics,
                new BridgeSecurity(AuthSettings.openLabMode(), checks, SecurityEvents.NONE));
        server.ownChecks = checks;
        return server;
    }

    /** Every route of the table the router checks access with (the pages aside). */
    public static RouteTable routes(AdminApi admin, Supplier<String> metrics, Gatekeeper gate, ObjectMapper mapper) {
        List<Route> all = new ArrayList<>(HttpRouter.ownRoutes(metrics, gate, mapper));
        all.addAll(new AdminRoutes(admin, mapper).routes());
        return new RouteTable(all);
    }

    /** The routes this server answers, each with its access (tests walk them all). */
    public List<Route> routes() {
        return routes.all();
    }

    /** The bound port (the real one when the configuration asked for 0). */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /**
     * Stops accepting, closes every connection (desktops get a close frame, the desk {@code disconnected} calls)
     * and stops the event loops. Blocks until done; do not call it from an event loop. Closing twice is harmless.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        listener.close().awaitUninterruptibly();
        connections.close().awaitUninterruptibly();
        shutDown(acceptor, workers);
        if (ownChecks != null) {
            ownChecks.close();
        }
        LOG.info("agent bridge stopped");
    }

    private static void shutDown(EventLoopGroup acceptor, EventLoopGroup workers) {
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        acceptor.terminationFuture().awaitUninterruptibly();
        workers.terminationFuture().awaitUninterruptibly();
    }
}
