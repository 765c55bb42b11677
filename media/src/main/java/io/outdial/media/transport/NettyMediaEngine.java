package io.outdial.media.transport;

import io.outdial.media.Conference;
import io.outdial.media.MediaConfig;
import io.outdial.media.mix.MixedConference;
import io.outdial.media.MediaEngine;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.MediaTap;
import io.outdial.media.Playback;
import io.outdial.media.RtpRelay;
import io.outdial.media.analysis.ClipPlayback;
import io.outdial.media.analysis.DetectorTap;
import io.outdial.media.detect.Detection;
import io.outdial.media.detect.FrameDetector;
import io.outdial.media.player.MediaClip;
import io.outdial.media.player.PlayoutClock;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.List;
import java.util.function.Consumer;
import io.outdial.media.relay.EndpointRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The media engine on Netty: RTP endpoints on the even ports of the configured range, all served by one small group
 * of event loops (no thread per stream), and relays between them.
 *
 * <p>Futures returned here complete on an event loop: continue on your own executor ({@code thenRunAsync(x, e)})
 * rather than doing real work in a callback.
 */
public final class NettyMediaEngine implements MediaEngine {

    private static final Logger log = LoggerFactory.getLogger(NettyMediaEngine.class);

    private final MediaConfig config;
    private final InetAddress bindAddress;
    private final DatagramTransport transport;
    private final PortPool ports;
    private final Set<NettyRtpEndpoint> endpoints = ConcurrentHashMap.newKeySet();
    private final LongAdder packetsRelayed = new LongAdder();
    private final AtomicBoolean closed = new AtomicBoolean();

    private NettyMediaEngine(MediaConfig config, InetAddress bindAddress, boolean allowEpoll) {
        this.config = config;
        this.bindAddress = bindAddress;
        this.ports = new PortPool(config.portMin(), config.portMax());
        if (ports.capacity() == 0) {
            throw new IllegalArgumentException("RTP port range " + config.portMin() + ".." + config.portMax()
                    + " holds no even port");
        }
        this.transport = new DatagramTransport(config.ioThreads(), bindAddress, allowEpoll);
    }

    /** Starts the event loops; endpoints are bound on demand by {@link #openEndpoint}. */
    public static NettyMediaEngine start(MediaConfig config) {
        return start(config, true);
    }

    /** As {@link #start(MediaConfig)}, on NIO when {@code allowEpoll} is false (to test the fallback). */
    static NettyMediaEngine start(MediaConfig config, boolean allowEpoll) {
        InetAddress address;
        try {
            address = InetAddress.getByName(config.bindAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("media bind address does not resolve: " + config.bindAddress(), e);
        }
        NettyMediaEngine engine = new NettyMediaEngine(config, address, allowEpoll);
        log.info("RTP on {} {} with {} {} event loop(s)", config.bindAddress(), engine.ports, config.ioThreads(),
                engine.transport.name());
        return engine;
    }

    @Override
    public CompletableFuture<RtpEndpoint> openEndpoint() {
        CompletableFuture<RtpEndpoint> opened = new CompletableFuture<>();
        if (closed.get()) {
            opened.completeExceptionally(new IllegalStateException("media engine is closed"));
        } else {
            bindNextPort(opened, ports.capacity(), null);
        }
        return opened;
    }

    /** Tries free ports in turn, skipping those something else holds, until one binds or the range is used up. */
    private void bindNextPort(CompletableFuture<RtpEndpoint> opened, int attemptsLeft, Throwable lastFailure) {
        int port = ports.take();
        if (port < 0) {
            opened.completeExceptionally(new IllegalStateException(
                    ports + " exhausted: every port is in use by an open endpoint"));
            return;
        }
        if (attemptsLeft == 0) {
            ports.release(port);
            opened.completeExceptionally(new IllegalStateException(
                    "no free port of " + ports + " could be bound on " + config.bindAddress(), lastFailure));
            return;
        }
        NettyRtpEndpoint endpoint = new NettyRtpEndpoint(new InetSocketAddress(bindAddress, port), transport,
                this::endpointClosed);
        endpoint.open().whenComplete((ok, failure) -> {
            if (failure == null) {
                endpoints.add(endpoint);
                opened.complete(endpoint);
            } else {
                log.debug("RTP port {} did not bind, trying the next: {}", port, failure.toString());
                ports.release(port);
                if (closed.get()) {
                    opened.completeExceptionally(new IllegalStateException("media engine is closed", failure));
                } else {
                    bindNextPort(opened, attemptsLeft - 1, failure);
                }
            }
        });
    }

    private void endpointClosed(NettyRtpEndpoint endpoint) {
        endpoints.remove(endpoint);
        ports.release(endpoint.localAddress().getPort());
    }

    @Override
    public RtpRelay relay(RtpEndpoint a, RtpEndpoint b) {
        NettyRtpEndpoint first = owned(a);
        NettyRtpEndpoint second = owned(b);
        if (first == second) {
            throw new IllegalArgumentException("cannot relay " + a + " to itself");
        }
        return EndpointRelay.start(first, second, packetsRelayed);
    }

    @Override
    public MediaTap listen(RtpEndpoint endpoint, List<FrameDetector> detectors, Consumer<Detection> listener) {
        NettyRtpEndpoint owned = owned(endpoint);
        return DetectorTap.start(owned, detectors, listener, PlayoutClock.of(owned.eventLoop()));
    }

    @Override
    public Playback play(RtpEndpoint endpoint, MediaClip clip, boolean loop) {
        NettyRtpEndpoint owned = owned(endpoint);
        return ClipPlayback.start(owned, clip, loop, PlayoutClock.of(owned.eventLoop()),
                PooledByteBufAllocator.DEFAULT);
    }

    @Override
    public CompletableFuture<Void> sendDtmf(RtpEndpoint endpoint, String digits, int durationMs) {
        return owned(endpoint).sendDtmf(digits, durationMs);
    }

    private NettyRtpEndpoint owned(RtpEndpoint endpoint) {
        if (endpoint instanceof NettyRtpEndpoint && endpoints.contains(endpoint)
                && !((NettyRtpEndpoint) endpoint).isClosing()) {
            return (NettyRtpEndpoint) endpoint;
        }
        throw new IllegalArgumentException(endpoint + " is closed or was not opened by this engine");
    }

    @Override
    public Conference conference(List<RtpEndpoint> endpoints) {
        List<NettyRtpEndpoint> owned = endpoints.stream().map(this::owned).toList();
        return MixedConference.start(owned, PlayoutClock.of(owned.get(0).eventLoop()),
                PooledByteBufAllocator.DEFAULT);
    }

    @Override
    public int openEndpoints() {
        return ports.inUse();
    }

    @Override
    public long totalPacketsRelayed() {
        return packetsRelayed.sum();
    }

    @Override
    public String bindAddress() {
        return config.bindAddress();
    }

    @Override
    public String advertisedAddress() {
        return config.sdpAddress();
    }

    /** Closes every endpoint, then stops the event loops. Blocks a few seconds at most: never call it on an event loop. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<?>[] closing = endpoints.stream().map(NettyRtpEndpoint::close)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("RTP endpoints did not all close cleanly: {}", e.toString());
        }
        transport.shutdown();
        log.info("RTP stopped; {} packets relayed", packetsRelayed.sum());
    }
}
