package io.outdial.media.record;

import io.netty.buffer.ByteBuf;

/**
 * Watches an endpoint's traffic both ways without taking part in it (unlike its sink): called on the endpoint's
 * event loop with buffers lent for the call only. Must not block, keep or change the buffer.
 */
public interface PacketMonitor {

    /** A packet accepted from the peer, before the sink sees (and perhaps rewrites) it. */
    void received(ByteBuf packet);

    /** A packet about to leave for the peer, stamped with the endpoint's stream. */
    void sent(ByteBuf packet);
}
