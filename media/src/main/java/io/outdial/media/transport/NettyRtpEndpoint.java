package io.outdial.media.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.outdial.media.RtpPeer;
import io.outdial.media.StreamStats;
import io.outdial.media.dtmf.DtmfSender;
import io.outdial.media.rtp.OutboundStream;
import io.outdial.media.rtp.PacketEndpoint;
import io.outdial.media.rtp.RtpHeader;
import io.outdial.media.rtp.RtpSink;
import io.outdial.media.record.PacketMonitor;
import io.outdial.media.srtp.SrtpReceiver;
import io.outdial.media.srtp.SrtpSession;
import io.outdial.media.webrtc.GuardedEndpoint;
import io.outdial.media.webrtc.WebRtcTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * An RTP endpoint on one Netty datagram channel. It accepts packets only from its peer's address, latching on the
 * source port of the first one (symmetric RTP, for phones behind NAT), and then connects its socket to that source
 * so the kernel filters the rest and sends need no per-packet address. Everything arriving before a sink is
 * attached is counted and dropped.
 */
public final class NettyRtpEndpoint implements PacketEndpoint, GuardedEndpoint {

    private static final Logger log = LoggerFactory.getLogger(NettyRtpEndpoint.class);

    private final InetSocketAddress localAddress;
    private final DatagramTransport transport;
    private final EventLoop loop;
    private final Consumer<NettyRtpEndpoint> onClosed;
    private final OutboundStream outbound = OutboundStream.random();
    private final InboundFilter inbound = new InboundFilter();
    private final OutboundStamper stamper = new OutboundStamper();
    private final AtomicReference<RtpSink> sink = new AtomicReference<>();
    private final AtomicReference<PacketMonitor> monitor = new AtomicReference<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong packetsDropped = new AtomicLong();

    private volatile DatagramChannel channel;
    private volatile RtpPeer peer;
    private final SourceLatch latch = new SourceLatch(); // confined to the event loop
    private final TelephoneEvents events;
    // Confined to the event loop: SRTP with the peer's keys, when it has some.
    private final SrtpSession srtp = new SrtpSession();
    // A browser leg's ICE-lite and DTLS-SRTP (issue 17), which sees every datagram first; null for a SIP phone.
    private volatile WebRtcTransport webrtc;

    NettyRtpEndpoint(InetSocketAddress localAddress, DatagramTransport transport,
                     Consumer<NettyRtpEndpoint> onClosed) {
        this.localAddress = localAddress;
        this.transport = transport;
        this.loop = transport.nextLoop();
        this.onClosed = onClosed;
        this.events = new TelephoneEvents(this, outbound, loop);
    }

    /** Binds the channel on the local address; completes on the event loop, exceptionally if the bind fails. */
    CompletableFuture<Void> open() {
        CompletableFuture<Void> bound = new CompletableFuture<>();
        try {
            loop.execute(() -> bindChannel(bound));
        } catch (RejectedExecutionException e) {
            bound.completeExceptionally(e);
        }
        return bound;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /**
     * Sets the far end. When its address changes the latch starts over (see {@link #followPeer}), before the next
     * packet either way is handled. Concurrent calls: the last one wins.
     */
    @Override
    public void connect(RtpPeer newPeer) {
        Objects.requireNonNull(newPeer, "peer");
        if (newPeer.remote().isUnresolved()) {
            throw new IllegalArgumentException("RTP peer address must be resolved: " + newPeer.remote());
        }
        RtpPeer previous = peer;
        peer = newPeer;
        if (previous != null && !previous.remote().equals(newPeer.remote())) {
            // also when no packet flows: a socket still connected to the old source would never hear the new one
            try {
                loop.execute(this::followPeer);
            } catch (RejectedExecutionException e) {
                log.debug("{}: engine stopped, peer change ignored", this);
            }
        }
    }

    @Override
    public RtpPeer peer() {
        return peer;
    }

    @Override
    public StreamStats stats() {
        return new StreamStats(packetsReceived.get(), bytesReceived.get(), packetsSent.get(), bytesSent.get());
    }

    /** Datagrams refused: not from the peer, not RTP, or sent while there was nowhere to send them. */
    public long packetsDropped() {
        return packetsDropped.get();
    }

    /** Packets of other sources (relay, player) held back while a telephone event played. */
    public long packetsSuppressed() {
        return events.suppressed();
    }

    /**
     * Queues DTMF digits to the peer as RFC 4733 telephone-events (see {@link DtmfSender}), after any still
     * playing. Safe from any thread; the future completes on the event loop once the last end packet has left, and
     * fails when the peer negotiated no telephone-event, the digits or duration are refused, or the endpoint closes.
     */
    public CompletableFuture<Void> sendDtmf(String digits, int durationMs) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                if (closing.get()) {
                    sent.completeExceptionally(new IllegalStateException(this + " is closed"));
                    return;
                }
                events.enqueue(digits, durationMs, sent);
            });
        } catch (RejectedExecutionException e) {
            sent.completeExceptionally(new IllegalStateException("media engine stopped", e));
        }
        return sent;
    }

    /**
     * Makes this a browser leg's endpoint (WebRTC, see {@link WebRtcTransport}): from now on every datagram passes
     * the transport first, and the transport connects the endpoint to the browser once DTLS agreed the SRTP keys.
     * Call once, before the browser learns the port (before the SDP answer leaves).
     */
    @Override
    public void secureWith(WebRtcTransport transport) {
        Objects.requireNonNull(transport, "transport");
        if (closing.get()) {
            throw new IllegalStateException(this + " is closed");
        }
        transport.bind(this::connect, loop);
        webrtc = transport;
    }

    @Override
    public int ssrc() {
        return outbound.ssrc();
    }

    @Override
    public void attach(RtpSink newSink) {
        Objects.requireNonNull(newSink, "sink");
        if (closing.get()) {
            throw new IllegalStateException(this + " is closed");
        }
        if (!sink.compareAndSet(null, newSink)) {
            throw new IllegalStateException(this + " already feeds " + sink.get());
        }
    }

    @Override
    public boolean detach(RtpSink oldSink) {
        return sink.compareAndSet(oldSink, null);
    }

    @Override
    public void monitor(PacketMonitor newMonitor) {
        Objects.requireNonNull(newMonitor, "monitor");
        if (closing.get()) {
            throw new IllegalStateException(this + " is closed");
        }
        if (!monitor.compareAndSet(null, newMonitor)) {
            throw new IllegalStateException(this + " is already monitored by " + monitor.get());
        }
    }

    @Override
    public boolean unmonitor(PacketMonitor oldMonitor) {
        return monitor.compareAndSet(oldMonitor, null);
    }

    @Override
    public void send(ByteBuf packet) {
        DatagramChannel current = channel;
        if (current == null || closing.get()) {
            packetsDropped.incrementAndGet();
            packet.release();
            return;
        }
        // the void promise saves a promise object per packet; failures surface in exceptionCaught
        current.writeAndFlush(packet, current.voidPromise());
    }

    @Override
    public CompletableFuture<Void> close() {
        if (closing.compareAndSet(false, true)) {
            sink.set(null);
            try {
                loop.execute(this::closeChannel);
            } catch (RejectedExecutionException e) {
                finishClose();
            }
        }
        return closed;
    }

    /** The event loop this endpoint's channel, sink and players run on. */
    EventLoop eventLoop() {
        return loop;
    }

    /** Whether {@link #close} has been called. */
    boolean isClosing() {
        return closing.get();
    }

    @Override
    public String toString() {
        return "RTP endpoint " + localAddress.getAddress().getHostAddress() + ":" + localAddress.getPort();
    }

    private void bindChannel(CompletableFuture<Void> bound) {
        DatagramChannel fresh = transport.newChannel();
        fresh.pipeline().addLast(inbound, stamper);
        transport.bind(fresh, loop, localAddress, () -> {
            channel = fresh;
            if (closing.get()) {
                closeChannel();
            }
        }, bound);
    }

    /**
     * On the event loop, before handling any packet: if the peer's address changed since the latch was set, start
     * the latch over. A socket already connected to the old source is disconnected where the transport allows it
     * (NIO); Netty's epoll transport cannot disconnect a datagram channel and keep using it, so there the channel is
     * replaced by a fresh one on the same port. Returns whether the channel was replaced.
     */
    private boolean followPeer() {
        if (!latch.peerMoved(peer)) {
            return false;
        }
        DatagramChannel connected = channel;
        if (connected == null || !connected.isConnected() || closing.get()) {
            return false;
        }
        if (transport.canDisconnect()) {
            connected.disconnect();
            return false;
        }
        // An epoll socket closes at once on its event loop, so the port is free for the replacement bound next.
        connected.close();
        CompletableFuture<Void> rebound = new CompletableFuture<>();
        rebound.whenComplete((ok, failure) -> {
            if (failure != null) {
                log.error("{}: could not rebind after the peer moved; closing the endpoint", this, failure);
                close();
            }
        });
        bindChannel(rebound);
        return true;
    }

    private void closeChannel() {
        events.cancel();
        WebRtcTransport browser = webrtc;
        if (browser != null) {
            browser.close();
        }
        DatagramChannel current = channel;
        if (current == null) {
            finishClose();
        } else {
            current.close().addListener(done -> transport.afterPortReleased(loop, this::finishClose));
        }
    }

    private void finishClose() {
        // the port goes back before the future completes, so whoever waits on it can reopen at once
        if (released.compareAndSet(false, true)) {
            onClosed.accept(this);
            closed.complete(null);
        }
    }

    /** On the event loop: follows the peer's SRTP keys (a new key, e.g. from a re-INVITE, restarts the streams). */
    private void followKeys() {
        RtpPeer current = peer;
        srtp.follow(current == null ? null : current.srtp());
    }

    private boolean acceptFrom(DatagramChannel from, InetSocketAddress sender) {
        SourceLatch.Admission admission = latch.admit(peer, sender);
        if (admission != SourceLatch.Admission.LATCHED_NOW) {
            return admission == SourceLatch.Admission.LATCHED;
        }
        from.connect(sender).addListener(connect -> {
            if (!connect.isSuccess()) {
                log.warn("{}: could not connect to the latched source {}", this, sender, connect.cause());
            }
        });
        return true;
    }

    /** Validates and counts what arrives, then lends it to the sink. */
    @ChannelHandler.Sharable
    private final class InboundFilter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            DatagramPacket datagram = (DatagramPacket) msg;
            try {
                if (followPeer()) {
                    packetsDropped.incrementAndGet(); // it came from the old source
                    return;
                }
                ByteBuf packet = datagram.content();
                WebRtcTransport browser = webrtc;
                if (browser != null && browser.intercept(packet, datagram.sender(), ctx.channel())) {
                    return; // STUN, DTLS, RTCP, or not from the browser's selected address
                }
                followKeys();
                // with SRTP, authenticate first: only the key holder's packets count, or may set the latch
                SrtpReceiver.Verdict verdict = srtp.unprotect(packet);
                if (verdict != SrtpReceiver.Verdict.OK) {
                    if (srtp.refused() == 1) {
                        // once per endpoint: a key mismatch refuses every packet, and the log must not flood
                        log.warn("{}: SRTP packet from {} refused ({}); further refusals are only counted", this,
                                datagram.sender(), verdict);
                    }
                    packetsDropped.incrementAndGet();
                    return;
                }
                // validate first: only an RTP packet from the peer's address may set the latch
                if (!RtpHeader.isValid(packet) || !acceptFrom((DatagramChannel) ctx.channel(), datagram.sender())) {
                    packetsDropped.incrementAndGet();
                    return;
                }
                packetsReceived.incrementAndGet();
                bytesReceived.addAndGet(packet.readableBytes());
                PacketMonitor watching = monitor.get();
                if (watching != null) {
                    watching.received(packet); // before the sink, which may rewrite the packet in place
                }
                RtpSink current = sink.get();
                if (current != null) {
                    current.onRtp(packet);
                }
            } finally {
                datagram.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // A connected UDP socket hears of the peer's closed port through ICMP, and sends racing a close fail:
            // both are routine for RTP and must not tear the endpoint down.
            if (cause instanceof PortUnreachableException || cause instanceof ClosedChannelException) {
                log.debug("{}: {}", NettyRtpEndpoint.this, cause.toString());
            } else {
                log.warn("{}: {}", NettyRtpEndpoint.this, cause.toString(), cause);
            }
        }
    }

    /** Stamps our stream on what leaves and addresses it: by the connected socket once latched, else by SDP. */
    @ChannelHandler.Sharable
    private final class OutboundStamper extends ChannelOutboundHandlerAdapter {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (!(msg instanceof ByteBuf)) {
                ctx.write(msg, promise);
                return;
            }
            ByteBuf packet = (ByteBuf) msg;
            if (followPeer()) {
                // this channel is now closed: the packet goes out of its replacement (same port)
                promise.trySuccess();
                DatagramChannel replacement = channel;
                replacement.writeAndFlush(packet, replacement.voidPromise());
                return;
            }
            RtpPeer current = peer;
            if (current == null || !RtpHeader.isValid(packet)) {
                packetsDropped.incrementAndGet();
                packet.release();
                promise.trySuccess();
                return;
            }
            if (!events.stamp(packet)) {
                packet.release(); // held back while a telephone event plays
                promise.trySuccess();
                return;
            }
            // The recorder hears what the far end hears: the plain packet, before SRTP protects it.
            PacketMonitor watching = monitor.get();
            if (watching != null) {
                watching.sent(packet);
            }
            followKeys();
            packet = srtp.protect(packet, ctx.alloc());
            packetsSent.incrementAndGet();
            bytesSent.addAndGet(packet.readableBytes());
            if (((DatagramChannel) ctx.channel()).isConnected()) {
                ctx.write(packet, promise);
            } else {
                // until the peer's first packet tells us its real source, send where SDP said (one envelope each)
                ctx.write(new DatagramPacket(packet, current.remote()), promise);
            }
        }
    }
}
