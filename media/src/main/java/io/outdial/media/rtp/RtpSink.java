package io.outdial.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Consumes the RTP packets an endpoint accepts from its peer: the relay is one, detectors and recorders will be
 * others. Called on the endpoint's event loop, so it must not block.
 */
@FunctionalInterface
public interface RtpSink {

    /**
     * Handles one well-formed RTP packet (header at the reader index). The buffer is lent for this call only: the
     * sink may rewrite it in place, and must {@code retain()} it to keep it or hand it on (e.g. to
     * {@link PacketEndpoint#send}); the endpoint releases its own reference when this returns.
     */
    void onRtp(ByteBuf packet);
}
