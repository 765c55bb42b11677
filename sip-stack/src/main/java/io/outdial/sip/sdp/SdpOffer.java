package io.outdial.sip.sdp;

import io.outdial.media.Codec;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The SDP offer a leg sends in its INVITE: one sendrecv audio stream at our RTP endpoint, G.711 in our order of
 * preference, RFC 4733 telephone-event, 20 ms packets.
 *
 * @param address          the address the far end should send RTP to (the media bind address)
 * @param port             our RTP port
 * @param codecs           the codecs we accept, most preferred first
 * @param telephoneEventPt the payload type we offer for telephone-event, or -1 for none
 * @param sessionId        the {@code o=} session id (unique per leg)
 * @param sessionVersion   the {@code o=} version
 */
public record SdpOffer(String address, int port, List<Codec> codecs, int telephoneEventPt, long sessionId,
                       long sessionVersion) {

    /** The dynamic payload type we give telephone-event (the de facto common choice). */
    public static final int TELEPHONE_EVENT_PT = 101;

    /** Packetization time we send and ask for, in ms. */
    public static final int PTIME_MS = 20;

    public SdpOffer {
        codecs = List.copyOf(codecs);
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("an offer needs at least one codec");
        }
        if (telephoneEventPt != -1 && (telephoneEventPt < 96 || telephoneEventPt > 127)) {
            throw new IllegalArgumentException("telephone-event must use a dynamic payload type (96..127), got "
                    + telephoneEventPt);
        }
    }

    /** The gateway's standard offer: PCMU, PCMA and telephone-event/8000 as 101. */
    public static SdpOffer standard(InetSocketAddress rtp, String advertisedAddress, long sessionId) {
        return new SdpOffer(advertisedAddress, rtp.getPort(), List.of(Codec.PCMU, Codec.PCMA), TELEPHONE_EVENT_PT,
                sessionId, 1);
    }

    /** The same session one {@code o=} version on: an SDP that changed must say so (RFC 3264 8). */
    public SdpOffer nextVersion() {
        return new SdpOffer(address, port, codecs, telephoneEventPt, sessionId, sessionVersion + 1);
    }

    /** The body of the offer, lines ended with CRLF as RFC 4566 asks. */
    public String toSdp() {
        return toSdp(Direction.SENDRECV);
    }

    /** The body with {@code direction} as its stream's direction (an answer to a hold, RFC 3264 8.4). */
    public String toSdp(Direction direction) {
        String ipVersion = isIpv6(address) ? "IP6" : "IP4";
        StringBuilder sdp = new StringBuilder(256);
        line(sdp, "v=0");
        line(sdp, "o=outdial " + sessionId + " " + sessionVersion + " IN " + ipVersion + " " + address);
        line(sdp, "s=outdial");
        line(sdp, "c=IN " + ipVersion + " " + address);
        line(sdp, "t=0 0");
        StringBuilder m = new StringBuilder("m=audio ").append(port).append(" RTP/AVP");
        for (Codec c : codecs) {
            m.append(' ').append(c.staticPayloadType());
        }
        if (telephoneEventPt >= 0) {
            m.append(' ').append(telephoneEventPt);
        }
        line(sdp, m.toString());
        for (Codec c : codecs) {
            line(sdp, "a=rtpmap:" + c.staticPayloadType() + " " + c.encodingName() + "/" + Codec.CLOCK_RATE);
        }
        if (telephoneEventPt >= 0) {
            line(sdp, "a=rtpmap:" + telephoneEventPt + " telephone-event/" + Codec.CLOCK_RATE);
            line(sdp, "a=fmtp:" + telephoneEventPt + " 0-16");
        }
        line(sdp, "a=ptime:" + PTIME_MS);
        line(sdp, "a=" + direction.attribute());
        return sdp.toString();
    }

    private static void line(StringBuilder sdp, String line) {
        sdp.append(line).append("\r\n");
    }

    private static boolean isIpv6(String address) {
        return address.indexOf(':') >= 0;
    }
}
