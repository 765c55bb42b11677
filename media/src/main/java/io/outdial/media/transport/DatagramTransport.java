package io.outdial.media.transport;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Netty side of RTP: one event-loop group for every endpoint (epoll where the native transport loads, NIO
 * elsewhere) and the factory of the datagram channels it serves, all reading into pooled buffers.
 */
final class DatagramTransport {

    /** Larger than any RTP packet we carry (an Ethernet MTU); longer datagrams are truncated and then rejected. */
    static final int RECEIVE_BUFFER_BYTES = 2048;

    private final boolean epoll;
    private final EventLoopGroup group;
    private final InternetProtocolFamily family;
    private final FixedRecvByteBufAllocator receiveBuffers = new FixedRecvByteBufAllocator(RECEIVE_BUFFER_BYTES);

    /** @param allowEpoll false to use NIO even where epoll loads (tests of the fallback) */
    DatagramTransport(int threads, InetAddress bindAddress, boolean allowEpoll) {
        this.epoll = allowEpoll && Epoll.isAvailable();
        DefaultThreadFactory threadFactory = new DefaultThreadFactory("outdial-rtp", true);
        this.group = epoll ? new EpollEventLoopGroup(threads, threadFactory)
                : new NioEventLoopGroup(threads, threadFactory);
        this.family = bindAddress instanceof Inet6Address ? InternetProtocolFamily.IPv6 : InternetProtocolFamily.IPv4;
    }

    /** The event loop for a new endpoint; the endpoint keeps it for life, even when its channel is replaced. */
    EventLoop nextLoop() {
        return group.next();
    }

    /** A fresh, unregistered datagram channel of the bind address's family, reading into pooled buffers. */
    DatagramChannel newChannel() {
        DatagramChannel channel = epoll ? new EpollDatagramChannel(family) : new NioDatagramChannel(family);
        channel.config().setAllocator(PooledByteBufAllocator.DEFAULT).setRecvByteBufAllocator(receiveBuffers);
        return channel;
    }

    /**
     * Registers {@code fresh} on {@code loop} and binds it to {@code local}; then, on the loop, runs {@code onBound}
     * and completes {@code bound}. A failed step closes the channel and fails {@code bound}.
     */
    void bind(DatagramChannel fresh, EventLoop loop, InetSocketAddress local, Runnable onBound,
              CompletableFuture<Void> bound) {
        loop.register(fresh).addListener(registered -> {
            if (!registered.isSuccess()) {
                fresh.close();
                bound.completeExceptionally(registered.cause());
                return;
            }
            fresh.bind(local).addListener(bind -> {
                if (!bind.isSuccess()) {
                    fresh.close();
                    bound.completeExceptionally(bind.cause());
                    return;
                }
                onBound.run();
                bound.complete(null);
            });
        });
    }

    /**
     * Whether a connected channel can be disconnected and go on sending and receiving. NIO can; Netty's epoll
     * datagram channel turns inactive on disconnect, and its writes then fail.
     */
    boolean canDisconnect() {
        return !epoll;
    }

    /**
     * Runs {@code action} on {@code loop} once a channel closed there has really given its port back. An epoll
     * socket is closed at once. A closed NIO channel keeps its socket until the selector drops its key at the next
     * select; a scheduled task runs only after the loop has selected again, so the port is free by then.
     */
    void afterPortReleased(EventLoop loop, Runnable action) {
        if (epoll) {
            action.run();
        } else {
            loop.schedule(action, 0, TimeUnit.NANOSECONDS);
        }
    }

    /** "epoll" or "nio", for logs. */
    String name() {
        return epoll ? "epoll" : "nio";
    }

    /** Stops the event loops, waiting a little for queued tasks. */
    void shutdown() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
