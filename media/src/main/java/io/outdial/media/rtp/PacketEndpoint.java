package io.outdial.media.rtp;

import io.netty.buffer.ByteBuf;
import io.outdial.media.RtpEndpoint;

/**
 * An RTP endpoint seen from inside the media module: one sink takes what arrives from the peer, and anyone may send
 * packets to the peer through the endpoint's own outbound stream.
 */
public interface PacketEndpoint extends RtpEndpoint {

    /**
     * Makes {@code sink} receive every packet accepted from the peer from now on. One sink at a time: attaching a
     * second one fails, so that two relays never silently fight over an endpoint.
     *
     * @throws IllegalStateException if another sink is attached or the endpoint is closed
     */
    void attach(RtpSink sink);

    /** Stops {@code sink} receiving; packets are then counted and dropped. Returns false if it was not attached. */
    boolean detach(RtpSink sink);

    /**
     * Sends one RTP packet to the peer, taking ownership of the buffer. The endpoint stamps its own SSRC and
     * contiguous sequence numbers and timestamps on it (see {@link OutboundStream}); payload type and payload must
     * already suit the peer. Dropped (and released) while no peer is connected or once the endpoint is closed.
     * Safe from any thread.
     */
    void send(ByteBuf packet);

    /** The SSRC of the stream this endpoint sends. */
    int ssrc();

    /**
     * Lets {@code monitor} watch every packet accepted from the peer and sent to it, whatever sink or player is
     * attached, until {@link #unmonitor}. One monitor at a time.
     *
     * @throws IllegalStateException if another monitor watches, or the endpoint is closed
     */
    default void monitor(io.outdial.media.record.PacketMonitor monitor) {
        throw new UnsupportedOperationException(this + " cannot be monitored");
    }

    /** Stops {@code monitor} watching; false if it was not watching. */
    default boolean unmonitor(io.outdial.media.record.PacketMonitor monitor) {
        return false;
    }
}
