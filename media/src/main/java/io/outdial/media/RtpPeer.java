package io.outdial.media;

import java.net.InetSocketAddress;

/**
 * The far end of one RTP stream as negotiated in SDP.
 *
 * @param remote            where to send RTP
 * @param codec             the audio codec chosen for this stream
 * @param payloadType       the payload type number for {@code codec} on this stream
 * @param telephoneEventPt  the payload type of RFC 4733 telephone-event, or -1 if not negotiated
 */
public record RtpPeer(InetSocketAddress remote, Codec codec, int payloadType, int telephoneEventPt) {
}
