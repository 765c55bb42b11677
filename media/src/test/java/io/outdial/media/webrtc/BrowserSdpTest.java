package io.outdial.media.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.media.Codec;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A browser's offer as Chrome writes it, read and answered; every missing piece refused with its reason. */
class BrowserSdpTest {
    private static final DtlsIdentity BROWSER = DtlsIdentity.generate(Duration.ofDays(1));

    static String chromeOffer(String fingerprintLine) {
        return String.join("\r\n",
                "v=0",
                "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
                "s=-",
                "t=0 0",
                "a=group:BUNDLE 0",
                "a=extmap-allow-mixed",
                "a=msid-semantic: WMS stream",
                "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
                "c=IN IP4 0.0.0.0",
                "a=rtcp:9 IN IP4 0.0.0.0",
                "a=ice-ufrag:Q3ri",
                "a=ice-pwd:Yd3Dr8lBfQWjXnJdY9PmVo7A",
                "a=ice-options:trickle",
                fingerprintLine,
                "a=setup:actpass",
                "a=mid:0",
                "a=sendrecv",
                "a=rtcp-mux",
                "a=rtpmap:111 opus/48000/2",
                "a=rtcp-fb:111 transport-cc",
                "a=fmtp:111 minptime=10;useinbandfec=1",
                "a=rtpmap:63 red/48000/2",
                "a=rtpmap:9 G722/8000",
                "a=rtpmap:0 PCMU/8000",
                "a=rtpmap:8 PCMA/8000",
                "a=rtpmap:13 CN/8000",
                "a=rtpmap:110 telephone-event/48000",
                "a=rtpmap:126 telephone-event/8000",
                "a=ssrc:1001 cname:abc",
                "") ;
    }

    private static String offer() {
        return chromeOffer("a=fingerprint:" + BROWSER.fingerprint().attributeValue());
    }

    @Test
    void chromesOfferIsReadForWhatTheGatewayNeeds() {
        BrowserOffer offer = BrowserSdp.parseOffer(offer());
        assertEquals("Q3ri", offer.ice().ufrag());
        assertEquals("Yd3Dr8lBfQWjXnJdY9PmVo7A", offer.ice().password());
        assertEquals(BROWSER.fingerprint(), offer.fingerprint());
        assertEquals(DtlsRole.SERVER, offer.role());
        assertEquals("0", offer.mid());
        assertEquals(Codec.PCMU, offer.codec());
        assertEquals(0, offer.payloadType());
        assertEquals(126, offer.telephoneEventPt(), "the 8 kHz telephone-event, not the 48 kHz one");
    }

    @Test
    void theAnswerIsIceLitePassiveBundledAndMuxedWithOneHostCandidate() {
        BrowserOffer offer = BrowserSdp.parseOffer(offer());
        IceCredentials ours = IceCredentials.random();
        DtlsIdentity gateway = DtlsIdentity.generate(Duration.ofDays(1));
        InetSocketAddress candidate = new InetSocketAddress("127.0.0.1", 40002);
        String answer = BrowserSdp.answer(offer, ours, gateway.fingerprint(), candidate);
        for (String expected : new String[] {
            "a=ice-lite", "a=group:BUNDLE 0", "m=audio 40002 UDP/TLS/RTP/SAVPF 0 126", "c=IN IP4 127.0.0.1",
            "a=mid:0", "a=ice-ufrag:" + ours.ufrag(), "a=ice-pwd:" + ours.password(),
            "a=fingerprint:" + gateway.fingerprint().attributeValue(), "a=setup:passive", "a=rtcp-mux",
            "a=rtpmap:0 PCMU/8000", "a=rtpmap:126 telephone-event/8000",
            "a=candidate:1 1 udp 2130706431 127.0.0.1 40002 typ host"}) {
            assertTrue(answer.contains(expected + "\r\n"), "missing " + expected + " in\n" + answer);
        }
    }

    @Test
    void pcmaIsTakenWhenItIsTheOnlyLaw() {
        String pcmaOnly = offer().replace("m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
                "m=audio 9 UDP/TLS/RTP/SAVPF 111 8 126");
        BrowserOffer offer = BrowserSdp.parseOffer(pcmaOnly);
        assertEquals(Codec.PCMA, offer.codec());
        assertEquals(8, offer.payloadType());
    }

    private static void assertRefused(String sdp, String reason) {
        BrowserSdpException refused = assertThrows(BrowserSdpException.class, () -> BrowserSdp.parseOffer(sdp));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    @Test
    void anOfferWithoutFingerprintIsRefused() {
        assertRefused(chromeOffer("a=x-nothing"), "no a=fingerprint");
    }

    @Test
    void incompleteOrForeignOffersAreRefusedWithTheirReason() {
        assertRefused("", "empty");
        assertRefused("v=0\r\ns=-\r\n", "no audio section");
        assertRefused(chromeOffer("a=fingerprint:sha-1 AB:CD"), "only sha-256");
        assertRefused(offer().replace("a=ice-pwd:Yd3Dr8lBfQWjXnJdY9PmVo7A\r\n", ""), "ice-pwd");
        assertRefused(offer().replace("a=rtcp-mux\r\n", ""), "rtcp-mux");
        assertRefused(offer().replace("a=setup:actpass", "a=setup:holdconn"), "holdconn");
        assertRefused(offer().replace("a=mid:0\r\n", ""), "a=mid");
        assertRefused(offer().replace("UDP/TLS/RTP/SAVPF", "RTP/AVP"), "not UDP/TLS/RTP/SAVPF");
        assertRefused(offer().replace("m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
                "m=audio 9 UDP/TLS/RTP/SAVPF 111 9 126"), "neither PCMU nor PCMA");
        assertRefused(offer() + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n", "more than one media section");
        assertRefused("a".repeat(70_000), "longer than");
    }
}
