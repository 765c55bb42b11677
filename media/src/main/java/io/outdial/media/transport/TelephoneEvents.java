package io.outdial.media.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoop;
import io.outdial.media.RtpPeer;
import io.outdial.media.dtmf.DtmfSender;
import io.outdial.media.dtmf.EventStream;
import io.outdial.media.player.PlayoutClock;
import io.outdial.media.rtp.OutboundStream;
import io.outdial.media.rtp.PacketEndpoint;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The RFC 4733 telephone events of one endpoint's outbound stream: the {@link DtmfSender}, made on the first digits,
 * and the stamping of what leaves while an event plays (only the event's own packets, every other source held back).
 * Confined to the endpoint's event loop, but for {@link #suppressed()}.
 */
final class TelephoneEvents implements EventStream {

    private final PacketEndpoint endpoint;
    private final OutboundStream outbound;
    private final EventLoop loop;
    private final AtomicLong packetsSuppressed = new AtomicLong();
    private DtmfSender dtmf;
    // while an event plays (eventPlaying) only its own packets (sendingEvent) leave
    private boolean eventPlaying;
    private boolean sendingEvent;

    TelephoneEvents(PacketEndpoint endpoint, OutboundStream outbound, EventLoop loop) {
        this.endpoint = endpoint;
        this.outbound = outbound;
        this.loop = loop;
    }

    /** On the event loop: queues {@code digits} after any still playing; {@code sent} completes with the last. */
    void enqueue(String digits, int durationMs, CompletableFuture<Void> sent) {
        if (dtmf == null) {
            dtmf = new DtmfSender(this, PlayoutClock.of(loop), PooledByteBufAllocator.DEFAULT);
        }
        dtmf.enqueue(digits, durationMs).whenComplete((ok, failure) -> {
            if (failure == null) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(failure);
            }
        });
    }

    /** On the event loop, as the endpoint closes: the digits still queued fail. */
    void cancel() {
        if (dtmf != null) {
            dtmf.cancel();
        }
    }

    /**
     * On the event loop, for a packet about to leave: stamps it with the outbound stream (as an event packet while
     * this sends one) and returns true, or returns false when another source must be held back while an event
     * plays (counted; the caller releases the packet).
     */
    boolean stamp(ByteBuf packet) {
        if (sendingEvent) {
            outbound.stampEvent(packet);
        } else if (eventPlaying) {
            packetsSuppressed.incrementAndGet();
            return false;
        } else {
            outbound.stamp(packet);
        }
        return true;
    }

    /** Packets of other sources (relay, player) held back while a telephone event played. */
    long suppressed() {
        return packetsSuppressed.get();
    }

    @Override
    public int telephoneEventPt() {
        RtpPeer current = endpoint.peer();
        return current == null ? -1 : current.telephoneEventPt();
    }

    @Override
    public int beginEvent() {
        eventPlaying = true;
        return outbound.eventTimestamp();
    }

    @Override
    public void sendEvent(ByteBuf packet) {
        // on the event loop the write runs through the endpoint's stamper at once, which sees the flag
        sendingEvent = true;
        try {
            endpoint.send(packet);
        } finally {
            sendingEvent = false;
        }
    }

    @Override
    public void endEvent(int eventTimestamp, int durationSamples) {
        outbound.endEvent(eventTimestamp, durationSamples);
        eventPlaying = false;
    }
}
