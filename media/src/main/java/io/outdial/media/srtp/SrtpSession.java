package io.outdial.media.srtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The SRTP side of one RTP endpoint: the sender and receiver of its peer's current keys (none: plain RTP), made
 * again when the keys change (a re-INVITE may bring new ones). Confined to the endpoint's event loop.
 */
public final class SrtpSession {
    private SrtpKeys keys;
    private SrtpSender sender;
    private SrtpReceiver receiver;
    private long refused;

    /** Follows {@code current} (null: plain RTP); a no-op while the keys stay the same object. */
    public void follow(SrtpKeys current) {
        if (current != keys) {
            keys = current;
            sender = current == null ? null : current.sender();
            receiver = current == null ? null : current.receiver();
        }
    }

    /**
     * Turns an incoming packet into plain RTP in place; plain RTP passes as it is while no keys are set.
     *
     * @return {@link SrtpReceiver.Verdict#OK}, or why the packet is to be dropped
     */
    public SrtpReceiver.Verdict unprotect(ByteBuf packet) {
        if (receiver == null) {
            return SrtpReceiver.Verdict.OK;
        }
        SrtpReceiver.Verdict verdict = receiver.unprotect(packet);
        if (verdict != SrtpReceiver.Verdict.OK) {
            refused++;
        }
        return verdict;
    }

    /**
     * Protects an outgoing packet, which may have to move: a relayed datagram is a slice of its receive buffer with
     * no room for the tag, and goes to a pooled buffer from {@code allocator} (recycled, so no garbage per packet;
     * the old one is released). Plain RTP passes as it is while no keys are set.
     *
     * @return the buffer to send
     */
    public ByteBuf protect(ByteBuf packet, ByteBufAllocator allocator) {
        if (sender == null) {
            return packet;
        }
        ByteBuf out = packet;
        if (packet.maxWritableBytes() < sender.overhead()) {
            out = allocator.directBuffer(packet.readableBytes() + sender.overhead());
            out.writeBytes(packet);
            packet.release();
        }
        sender.protect(out);
        return out;
    }

    /** Packets refused so far (forged, damaged, replayed). */
    public long refused() {
        return refused;
    }
}
