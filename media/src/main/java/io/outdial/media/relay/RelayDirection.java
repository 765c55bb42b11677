package io.outdial.media.relay;

import io.netty.buffer.ByteBuf;
import io.outdial.media.RtpPeer;
import io.outdial.media.rtp.PacketEndpoint;
import io.outdial.media.rtp.RtpSink;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One way of a relay, the sink of the endpoint it reads from: each packet is rewritten in place for the other
 * side and sent out of the other endpoint, which stamps its own SSRC, sequence number and timestamp. The packet's
 * own pooled buffer travels all the way; nothing is allocated per packet here.
 */
final class RelayDirection implements RtpSink {

    /** Room for any payload the transport can receive. */
    private static final int SCRATCH_BYTES = 2048;

    private final PacketEndpoint from;
    private final PacketEndpoint to;
    private final LongAdder engineTotal;
    private final AtomicLong relayed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final byte[] scratch = new byte[SCRATCH_BYTES];

    // confined to the event loop of 'from': rebuilt only when either side renegotiates
    private RtpPeer mappedFrom;
    private RtpPeer mappedTo;
    private PayloadMapping mapping;

    RelayDirection(PacketEndpoint from, PacketEndpoint to, LongAdder engineTotal) {
        this.from = from;
        this.to = to;
        this.engineTotal = engineTotal;
    }

    @Override
    public void onRtp(ByteBuf packet) {
        RtpPeer inbound = from.peer();
        RtpPeer outbound = to.peer();
        if (outbound == null) {
            dropped.incrementAndGet();
            return;
        }
        if (inbound != mappedFrom || outbound != mappedTo) {
            mapping = PayloadMapping.between(inbound, outbound);
            mappedFrom = inbound;
            mappedTo = outbound;
        }
        if (!mapping.apply(packet, scratch)) {
            dropped.incrementAndGet();
            return;
        }
        // counted before it leaves, so that whoever receives it already sees it counted
        relayed.incrementAndGet();
        engineTotal.increment();
        to.send(packet.retain());
    }

    long relayed() {
        return relayed.get();
    }

    long dropped() {
        return dropped.get();
    }

    @Override
    public String toString() {
        return "relay " + from + " -> " + to;
    }
}
