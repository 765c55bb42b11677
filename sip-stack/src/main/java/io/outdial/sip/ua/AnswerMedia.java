package io.outdial.sip.ua;

import io.outdial.media.RtpPeer;
import io.outdial.sip.sdp.SdpException;
import io.outdial.sip.sdp.SdpNegotiation;
import io.outdial.sip.sdp.SdpOffer;
import io.outdial.sip.sdp.SdpParser;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTP peer the far end's SDP answer gives an outbound leg: early media from a 18x, the call's media from its 2xx
 * (or from a reliable 18x when the 2xx repeats none, RFC 3262 5), and, for a phone, its media address taken from where
 * its answer came from.
 */
final class AnswerMedia {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerMedia.class);

    private AnswerMedia() {
    }

    /** The early-media peer of a 18x, or null when it has no usable SDP. */
    static RtpPeer early(SdpOffer offer, Response response, Object leg) {
        String sdp = SdpBodies.of(response);
        if (sdp == null) {
            return null;
        }
        try {
            return SdpNegotiation.negotiate(offer, SdpParser.parse(sdp));
        } catch (SdpException e) {
            LOG.info("{}: ignoring unusable early-media SDP in {}: {}", leg, response.getStatusCode(), e.getMessage());
            return null;
        }
    }

    /**
     * The peer of a 2xx: its SDP answer, else {@code reliableEarly} (the answer of a reliable 18x, or null).
     * {@code fromSignalling}: the far end is a phone whose media comes from where its SIP does.
     *
     * @throws SdpException if there is no answer or it cannot be used
     */
    static RtpPeer answered(SdpOffer offer, Response ok, RtpPeer reliableEarly, boolean fromSignalling, Object leg)
            throws SdpException {
        String sdp = SdpBodies.of(ok);
        if (sdp == null && reliableEarly == null) {
            throw new SdpException("the 2xx carries no SDP answer");
        }
        RtpPeer peer = sdp == null ? reliableEarly : SdpNegotiation.negotiate(offer, SdpParser.parse(sdp));
        return fromSignalling ? fromSignalling(peer, ok, leg) : peer;
    }

    /** For a phone ({@link io.outdial.sip.DialRequest#mediaFromSignalling}): its RTP address is its answer's source. */
    private static RtpPeer fromSignalling(RtpPeer peer, Response response, Object leg) {
        if (!(response instanceof gov.nist.javax.sip.message.SIPMessage m)
                || m.getPeerPacketSourceAddress() == null
                || m.getPeerPacketSourceAddress().equals(peer.remote().getAddress())) {
            return peer;
        }
        LOG.info("{}: SDP names {} but the phone answered from {}: media to and from {}", leg,
                peer.remote().getAddress().getHostAddress(), m.getPeerPacketSourceAddress().getHostAddress(),
                m.getPeerPacketSourceAddress().getHostAddress());
        return peer.at(new java.net.InetSocketAddress(m.getPeerPacketSourceAddress(), peer.remote().getPort()));
    }
}
