package io.outdial.media;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/** One local RTP port (a Netty datagram channel) anchoring the media of one call leg. */
public interface RtpEndpoint {

    /** The local address and port to advertise in SDP. */
    InetSocketAddress localAddress();

    /** Sets (or changes) the far end negotiated in SDP. Safe from any thread. */
    void connect(RtpPeer peer);

    /** The far end, or null before {@link #connect}. */
    RtpPeer peer();

    /** Counters of packets and bytes received from and sent to the far end. */
    StreamStats stats();

    /** Closes the channel and returns its port to the range. Idempotent. */
    CompletableFuture<Void> close();
}
