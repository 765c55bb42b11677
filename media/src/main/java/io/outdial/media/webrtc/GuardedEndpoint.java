package io.outdial.media.webrtc;

import java.net.InetSocketAddress;

/** An RTP endpoint that can carry a browser leg: every datagram it reads passes a {@link WebRtcTransport} first. */
public interface GuardedEndpoint {
    /** See {@code NettyRtpEndpoint.secureWith}. */
    void secureWith(WebRtcTransport transport);

    InetSocketAddress localAddress();
}
