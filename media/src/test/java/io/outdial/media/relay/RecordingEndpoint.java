package io.outdial.media.relay;

import io.netty.buffer.ByteBuf;
import io.outdial.media.RtpPeer;
import io.outdial.media.StreamStats;
import io.outdial.media.rtp.PacketEndpoint;
import io.outdial.media.rtp.RtpSink;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A network-free endpoint for relay unit tests: keeps what is sent to it, and holds one sink like the real one. */
public final class RecordingEndpoint implements PacketEndpoint {

    public final List<ByteBuf> sent = new ArrayList<>();
    public RtpSink sink;
    private RtpPeer peer;

    public RecordingEndpoint(RtpPeer peer) {
        this.peer = peer;
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", 1);
    }

    @Override
    public void connect(RtpPeer newPeer) {
        peer = newPeer;
    }

    @Override
    public RtpPeer peer() {
        return peer;
    }

    @Override
    public StreamStats stats() {
        return new StreamStats(0, 0, sent.size(), 0);
    }

    @Override
    public CompletableFuture<Void> close() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void attach(RtpSink newSink) {
        if (sink != null) {
            throw new IllegalStateException("already feeds " + sink);
        }
        sink = newSink;
    }

    @Override
    public boolean detach(RtpSink oldSink) {
        if (sink != oldSink) {
            return false;
        }
        sink = null;
        return true;
    }

    @Override
    public void send(ByteBuf packet) {
        sent.add(packet);
    }

    @Override
    public int ssrc() {
        return 42;
    }
}
