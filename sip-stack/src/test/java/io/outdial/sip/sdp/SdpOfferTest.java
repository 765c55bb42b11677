package io.outdial.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.outdial.media.Codec;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdpOfferTest {

    @Test
    void standardOfferListsG711AndTelephoneEventAt20Ms() {
        SdpOffer offer = SdpOffer.standard(new InetSocketAddress("127.0.0.1", 20000), "127.0.0.1", 42);

        assertEquals("""
                v=0\r
                o=outdial 42 1 IN IP4 127.0.0.1\r
                s=outdial\r
                c=IN IP4 127.0.0.1\r
                t=0 0\r
                m=audio 20000 RTP/AVP 0 8 101\r
                a=rtpmap:0 PCMU/8000\r
                a=rtpmap:8 PCMA/8000\r
                a=rtpmap:101 telephone-event/8000\r
                a=fmtp:101 0-16\r
                a=ptime:20\r
                a=sendrecv\r
                """, offer.toSdp());
    }

    @Test
    void ipv6AddressesAreAdvertisedAsIp6() {
        SdpOffer offer = new SdpOffer("::1", 30000, List.of(Codec.PCMA), -1, 1, 1);
        String sdp = offer.toSdp();
        assertEquals(true, sdp.contains("c=IN IP6 ::1\r\n"));
        assertEquals(true, sdp.contains("m=audio 30000 RTP/AVP 8\r\n"));
        assertEquals(false, sdp.contains("telephone-event"));
    }

    @Test
    void theOfferItselfParsesBack() throws SdpException {
        SdpOffer offer = SdpOffer.standard(new InetSocketAddress("127.0.0.1", 20002), "127.0.0.1", 7);
        SessionDescription parsed = SdpParser.parse(offer.toSdp());
        assertEquals(List.of(0, 8, 101), parsed.firstAudio().orElseThrow().payloadTypes());
    }

    @Test
    void refusesAnOfferWithoutCodecsOrWithAStaticTelephoneEventType() {
        assertThrows(IllegalArgumentException.class, () -> new SdpOffer("127.0.0.1", 1, List.of(), 101, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new SdpOffer("127.0.0.1", 1, List.of(Codec.PCMU), 13, 1, 1));
    }
}
