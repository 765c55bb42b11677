package io.outdial.sip.sdp;

import io.outdial.media.Codec;
import io.outdial.media.srtp.SrtpSuite;
import io.outdial.sip.SrtpMode;
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
 * @param srtp             whether we offer SDES-SRTP, and whether we insist on it (RTP/SAVP)
 * @param crypto           our a=crypto lines, one per suite we offer, each with its own fresh key (empty when
 *                         {@code srtp} is OFF)
 */
public record SdpOffer(String address, int port, List<Codec> codecs, int telephoneEventPt, long sessionId,
                       long sessionVersion, SrtpMode srtp, List<SdesCrypto> crypto) {

    /** The dynamic payload type we give telephone-event (the de facto common choice). */
    public static final int TELEPHONE_EVENT_PT = 101;

    /** Packetization time we send and ask for, in ms. */
    public static final int PTIME_MS = 20;

    /** A plain RTP offer. */
    public SdpOffer(String address, int port, List<Codec> codecs, int telephoneEventPt, long sessionId,
                    long sessionVersion) {
        this(address, port, codecs, telephoneEventPt, sessionId, sessionVersion, SrtpMode.OFF, List.of());
    }

    public SdpOffer {
        codecs = List.copyOf(codecs);
        crypto = List.copyOf(crypto);
        if ((srtp == SrtpMode.OFF) != crypto.isEmpty()) {
            throw new IllegalArgumentException("crypto lines go with an SRTP offer, and only with one");
        }
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

    /**
     * The standard offer with SDES-SRTP as {@code srtp} says: fresh keys for AES_CM_128_HMAC_SHA1_80 (tag 1) and
     * AES_CM_128_HMAC_SHA1_32 (tag 2), in that order of preference.
     */
    public static SdpOffer standard(InetSocketAddress rtp, String advertisedAddress, long sessionId, SrtpMode srtp) {
        SdpOffer plain = standard(rtp, advertisedAddress, sessionId);
        if (srtp == SrtpMode.OFF) {
            return plain;
        }
        return new SdpOffer(plain.address, plain.port, plain.codecs, plain.telephoneEventPt, plain.sessionId,
                plain.sessionVersion, srtp, List.of(SdesCrypto.fresh(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80),
                        SdesCrypto.fresh(2, SrtpSuite.AES_CM_128_HMAC_SHA1_32)));
    }

    /** Our line with {@code tag}, if we offered one. */
    public java.util.Optional<SdesCrypto> crypto(int tag) {
        return crypto.stream().filter(c -> c.tag() == tag).findFirst();
    }

    /** Keeps the keys out of logs. */
    @Override
    public String toString() {
        return "SdpOffer[" + address + ":" + port + " " + codecs + " srtp=" + srtp + "]";
    }

    /** The same session one {@code o=} version on: an SDP that changed must say so (RFC 3264 8). */
    public SdpOffer nextVersion() {
        return new SdpOffer(address, port, codecs, telephoneEventPt, sessionId, sessionVersion + 1, srtp, crypto);
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
        StringBuilder m = new StringBuilder("m=audio ").append(port)
                .append(srtp == SrtpMode.REQUIRE ? " RTP/SAVP" : " RTP/AVP");
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
        for (SdesCrypto c : crypto) {
            line(sdp, "a=" + c.toAttribute());
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
