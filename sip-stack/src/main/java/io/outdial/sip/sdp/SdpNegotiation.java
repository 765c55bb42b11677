package io.outdial.sip.sdp;

import io.outdial.media.Codec;
import io.outdial.media.RtpPeer;
import io.outdial.media.srtp.SrtpKeys;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Offer/answer (RFC 3264) for our single audio stream: turns the far end's answer to our offer into the RTP peer
 * our endpoint sends to.
 */
public final class SdpNegotiation {
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private SdpNegotiation() {
    }

    /**
     * The peer described by {@code answer}: its first audio stream, the first of its codecs that we offered, its
     * telephone-event payload type (if we offered one), and its connection address (media level, else session).
     */
    public static RtpPeer negotiate(SdpOffer offer, SessionDescription answer) throws SdpException {
        return negotiate(offer, answer, null);
    }

    /**
     * As {@link #negotiate(SdpOffer, SessionDescription)}, but keeps {@code current} when the far end still lists
     * it: a session refresh (re-INVITE, UPDATE) then moves the stream without switching codec under our answer,
     * which lists our codecs in our own order.
     */
    public static RtpPeer negotiate(SdpOffer offer, SessionDescription answer, Codec current) throws SdpException {
        MediaDescription audio = answer.firstAudio()
                .orElseThrow(() -> new SdpException("the answer has no audio stream"));
        if (audio.isRejected()) {
            throw new SdpException("the far end rejected the audio stream (port 0)");
        }
        String profile = audio.protocol().toUpperCase(Locale.ROOT);
        if (!profile.startsWith("RTP/AVP") && !profile.startsWith("RTP/SAVP")) {
            throw new SdpException("unsupported audio transport " + audio.protocol() + ", want RTP/AVP or RTP/SAVP");
        }
        SrtpKeys srtp = SdesNegotiation.keys(offer, audio);
        String host = audio.connectionAddress() != null ? audio.connectionAddress() : answer.connectionAddress();
        if (host == null) {
            throw new SdpException("the answer has no connection address (c=) for audio");
        }
        InetSocketAddress remote = new InetSocketAddress(ipLiteral(host), audio.port());

        Codec chosen = null;
        int chosenPt = -1;
        for (int pt : audio.payloadTypes()) {
            Codec codec = codecOf(pt, audio);
            if (codec != null && offer.codecs().contains(codec)) {
                if (chosen == null || codec == current) {
                    chosen = codec;
                    chosenPt = pt;
                }
                if (current == null || codec == current) {
                    break;
                }
            }
        }
        if (chosen == null) {
            throw new SdpException("no common codec: the answer lists payload types " + audio.payloadTypes()
                    + ", we offered " + offer.codecs());
        }
        int telephoneEvent = offer.telephoneEventPt() < 0 ? -1 : telephoneEventPt(audio);
        return new RtpPeer(remote, chosen, chosenPt, telephoneEvent, srtp);
    }

    /** The codec a payload type stands for: its rtpmap if present, else the static assignment of RFC 3551. */
    private static Codec codecOf(int pt, MediaDescription audio) {
        RtpMap map = audio.rtpMaps().get(pt);
        if (map != null) {
            return map.clockRate() == Codec.CLOCK_RATE ? Codec.byEncodingName(map.encodingName()) : null;
        }
        for (Codec c : Codec.values()) {
            if (c.staticPayloadType() == pt) {
                return c;
            }
        }
        return null;
    }

    private static int telephoneEventPt(MediaDescription audio) {
        for (int pt : audio.payloadTypes()) {
            RtpMap map = audio.rtpMaps().get(pt);
            if (map != null && map.encodingName().equalsIgnoreCase("telephone-event")
                    && map.clockRate() == Codec.CLOCK_RATE) {
                return pt;
            }
        }
        return -1;
    }

    /** Only literals: a host name would need DNS, which must never run on a call executor. */
    private static InetAddress ipLiteral(String host) throws SdpException {
        String literal;
        if (IPV4.matcher(host).matches()) {
            literal = host;
        } else if (IPV6.matcher(host).matches()) {
            // In brackets the JDK parses it as IPv6 or fails, and never asks DNS.
            literal = "[" + host + "]";
        } else {
            throw new SdpException("connection address '" + host + "' is not an IP address");
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new SdpException("connection address '" + host + "' is not a valid IP address");
        }
    }
}
