package io.outdial.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.media.Codec;
import io.outdial.media.RtpPeer;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SdpNegotiationTest {
    private static final SdpOffer OFFER =
            SdpOffer.standard(new InetSocketAddress("127.0.0.1", 20000), "127.0.0.1", 1);

    @Test
    void picksTheAnswersFirstCodecThatWeOffered() throws SdpException {
        RtpPeer peer = negotiate("""
                v=0
                c=IN IP4 192.0.2.10
                m=audio 40000 RTP/AVP 18 8 0 96
                a=rtpmap:18 G729/8000
                a=rtpmap:96 telephone-event/8000
                """);

        assertEquals(new InetSocketAddress("192.0.2.10", 40000), peer.remote());
        assertEquals(Codec.PCMA, peer.codec());
        assertEquals(8, peer.payloadType());
        assertEquals(96, peer.telephoneEventPt());
    }

    @Test
    void staticPayloadTypesNeedNoRtpmapAndTelephoneEventIsOptional() throws SdpException {
        RtpPeer peer = negotiate("v=0\nc=IN IP4 192.0.2.10\nm=audio 40000 RTP/AVP 0\n");
        assertEquals(Codec.PCMU, peer.codec());
        assertEquals(-1, peer.telephoneEventPt());
    }

    @Test
    void aDynamicPayloadTypeMappedToG711IsAccepted() throws SdpException {
        RtpPeer peer = negotiate("v=0\nc=IN IP4 192.0.2.10\nm=audio 40000 RTP/AVP 97\na=rtpmap:97 pcmu/8000\n");
        assertEquals(Codec.PCMU, peer.codec());
        assertEquals(97, peer.payloadType());
    }

    @Test
    void mediaLevelConnectionWinsOverSessionLevel() throws SdpException {
        RtpPeer peer = negotiate("v=0\nc=IN IP4 192.0.2.10\nm=audio 40000 RTP/AVP 8\nc=IN IP4 192.0.2.99\n");
        assertEquals(new InetSocketAddress("192.0.2.99", 40000), peer.remote());
    }

    @Test
    void ipv6ConnectionAddressesWork() throws SdpException {
        RtpPeer peer = negotiate("v=0\nc=IN IP6 ::1\nm=audio 40000 RTP/AVP 8\n");
        assertEquals(new InetSocketAddress("::1", 40000), peer.remote());
    }

    @Test
    void aSessionRefreshKeepsTheCurrentCodecWhileTheFarEndStillListsIt() throws SdpException {
        SessionDescription refresh = SdpParser.parse("v=0\nc=IN IP4 192.0.2.10\nm=audio 41000 RTP/AVP 8 0 101\n"
                + "a=rtpmap:101 telephone-event/8000\n");

        RtpPeer kept = SdpNegotiation.negotiate(OFFER, refresh, Codec.PCMU);
        assertEquals(Codec.PCMU, kept.codec());
        assertEquals(0, kept.payloadType());
        assertEquals(41000, kept.remote().getPort());
        assertEquals(101, kept.telephoneEventPt());

        RtpPeer switched = SdpNegotiation.negotiate(OFFER,
                SdpParser.parse("v=0\nc=IN IP4 192.0.2.10\nm=audio 41000 RTP/AVP 8\n"), Codec.PCMU);
        assertEquals(Codec.PCMA, switched.codec());
    }

    @Test
    void unusableAnswersFailWithAReason() {
        assertReason("no common codec", "v=0\nc=IN IP4 192.0.2.10\nm=audio 40000 RTP/AVP 18 9\n");
        assertReason("no common codec", "v=0\nc=IN IP4 192.0.2.10\nm=audio 40000 RTP/AVP 97\na=rtpmap:97 PCMU/16000\n");
        assertReason("rejected the audio stream", "v=0\nc=IN IP4 192.0.2.10\nm=audio 0 RTP/AVP 0\n");
        assertReason("no audio stream", "v=0\nc=IN IP4 192.0.2.10\nm=video 4000 RTP/AVP 96\n");
        assertReason("no connection address", "v=0\nm=audio 4000 RTP/AVP 0\n");
        assertReason("unsupported audio transport", "v=0\nc=IN IP4 192.0.2.10\nm=audio 4000 UDP/TLS/RTP/SAVP 0\n");
        assertReason("we offered plain RTP", "v=0\nc=IN IP4 192.0.2.10\nm=audio 4000 RTP/SAVP 0\n");
        assertReason("is not an IP address", "v=0\nc=IN IP4 media.example.com\nm=audio 4000 RTP/AVP 0\n");
        assertReason("is not an IP address", "v=0\nc=IN IP4 300.1.1.1\nm=audio 4000 RTP/AVP 0\n");
    }

    private static RtpPeer negotiate(String answer) throws SdpException {
        return SdpNegotiation.negotiate(OFFER, SdpParser.parse(answer));
    }

    private static void assertReason(String expected, String answer) {
        SdpException e = assertThrows(SdpException.class, () -> negotiate(answer));
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
