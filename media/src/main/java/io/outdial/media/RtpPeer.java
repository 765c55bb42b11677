package io.outdial.media;

import io.outdial.media.srtp.SrtpKeys;
import java.net.InetSocketAddress;

/**
 * The far end of one RTP stream as negotiated in SDP.
 *
 * @param remote            where to send RTP
 * @param codec             the audio codec chosen for this stream
 * @param payloadType       the payload type number for {@code codec} on this stream
 * @param telephoneEventPt  the payload type of RFC 4733 telephone-event, or -1 if not negotiated
 * @param srtp              the SDES keys when the stream is SRTP (RFC 3711), or null for plain RTP
 */
public record RtpPeer(InetSocketAddress remote, Codec codec, int payloadType, int telephoneEventPt, SrtpKeys srtp) {

    /** A plain RTP peer. */
    public RtpPeer(InetSocketAddress remote, Codec codec, int payloadType, int telephoneEventPt) {
        this(remote, codec, payloadType, telephoneEventPt, null);
    }

    /** The same peer at another address (media latched elsewhere than SDP said). */
    public RtpPeer at(InetSocketAddress elsewhere) {
        return new RtpPeer(elsewhere, codec, payloadType, telephoneEventPt, srtp);
    }
}
