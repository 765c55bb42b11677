package io.outdial.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.outdial.media.RtpPeer;
import io.outdial.media.srtp.SrtpKeys;
import io.outdial.media.srtp.SrtpReceiver;
import io.outdial.media.srtp.SrtpSuite;
import io.outdial.sip.SrtpMode;
import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SDES (RFC 4568) offer/answer: what we offer per trunk.srtp, which answers we take, and why we refuse the rest. */
class SdesNegotiationTest {
    private static final InetSocketAddress RTP = new InetSocketAddress("127.0.0.1", 40000);
    private static final String THEIR_KEY = Base64.getEncoder().encodeToString(new byte[30]).replace('A', 'B');

    private static SdpOffer offer(SrtpMode mode) {
        return SdpOffer.standard(RTP, "127.0.0.1", 7, mode);
    }

    private static String answer(String profile, String... crypto) {
        StringBuilder sdp = new StringBuilder("v=0\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 41000 " + profile
                + " 0\r\n");
        for (String c : crypto) {
            sdp.append("a=").append(c).append("\r\n");
        }
        return sdp.toString();
    }

    private static RtpPeer negotiate(SdpOffer offer, String answer) throws SdpException {
        return SdpNegotiation.negotiate(offer, SdpParser.parse(answer));
    }

    @Test
    void offersFollowTheTrunksSrtpMode() {
        String off = offer(SrtpMode.OFF).toSdp();
        assertTrue(off.contains("m=audio 40000 RTP/AVP 0 8 101\r\n"), off);
        assertFalse(off.contains("a=crypto"), off);

        String best = offer(SrtpMode.OFFER).toSdp();
        assertTrue(best.contains("m=audio 40000 RTP/AVP 0 8 101\r\n"), best);
        assertTrue(best.matches("(?s).*a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:[A-Za-z0-9+/]{40}\r\n"
                + "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:[A-Za-z0-9+/]{40}\r\n.*"), best);

        String required = offer(SrtpMode.REQUIRE).toSdp();
        assertTrue(required.contains("m=audio 40000 RTP/SAVP 0 8 101\r\n"), required);
        assertNotEquals(required, offer(SrtpMode.REQUIRE).toSdp(), "every offer has fresh keys");
        assertFalse(offer(SrtpMode.REQUIRE).toString().contains("inline"), "keys stay out of logs");
    }

    @Test
    void anAnswerTakingOneOfOurLinesKeysBothDirections() throws Exception {
        SdpOffer offer = offer(SrtpMode.REQUIRE);
        RtpPeer peer = negotiate(offer, answer("RTP/SAVP", "crypto:2 AES_CM_128_HMAC_SHA1_32 inline:" + THEIR_KEY
                + "|2^31"));
        SrtpKeys keys = peer.srtp();
        assertEquals(SrtpSuite.AES_CM_128_HMAC_SHA1_32, keys.suite());
        assertEquals(new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_32, offer.crypto(2).orElseThrow().material(),
                Base64.getDecoder().decode(THEIR_KEY)), keys);

        // What we send with our key is what a far end holding our offered line decrypts.
        SrtpKeys farEnd = new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_32, Base64.getDecoder().decode(THEIR_KEY),
                offer.crypto(2).orElseThrow().material());
        ByteBuf packet = Unpooled.buffer(64).writeBytes(new byte[] {(byte) 0x80, 0, 0, 1, 0, 0, 0, 0, 1, 2, 3, 4})
                .writeBytes(new byte[20]);
        byte[] plain = ByteBufUtil.getBytes(packet);
        keys.sender().protect(packet);
        assertEquals(SrtpReceiver.Verdict.OK, farEnd.receiver().unprotect(packet));
        assertArrayEquals(plain, ByteBufUtil.getBytes(packet));
    }

    @Test
    void bestEffortSrtpFallsBackToPlainRtpWhenTheAnswerHasNoCrypto() throws Exception {
        assertNull(negotiate(offer(SrtpMode.OFFER), answer("RTP/AVP")).srtp());
        assertNull(negotiate(offer(SrtpMode.OFF), answer("RTP/AVP",
                "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + THEIR_KEY)).srtp(), "crypto we did not offer is ignored");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '"', value = {
        "no crypto when required         # RTP/SAVP # -                                                      # SRTP is required",
        "tag we never offered            # RTP/SAVP # crypto:7 AES_CM_128_HMAC_SHA1_80 inline:KEY             # tag 7 is not one we offered",
        "suite swapped under our tag     # RTP/SAVP # crypto:1 AES_CM_128_HMAC_SHA1_32 inline:KEY             # names AES_CM_128_HMAC_SHA1_32 but we offered",
        "suite we do not speak           # RTP/SAVP # crypto:1 AEAD_AES_256_GCM inline:KEY                    # is not one we speak",
        "short key                       # RTP/SAVP # crypto:1 AES_CM_128_HMAC_SHA1_80 inline:AAAAAAAAAAAAAAAA # must be 30 bytes",
        "not base64                      # RTP/SAVP # crypto:1 AES_CM_128_HMAC_SHA1_80 inline:KEY!!           # bad a=crypto line",
        "an MKI                          # RTP/SAVP # crypto:1 AES_CM_128_HMAC_SHA1_80 inline:KEY|2^31|1:4     # MKI is not supported",
        "session parameters              # RTP/SAVP # crypto:1 AES_CM_128_HMAC_SHA1_80 inline:KEY KDR=1       # session parameters are not supported",
        "no key method                   # RTP/SAVP # crypto:1 AES_CM_128_HMAC_SHA1_80                        # bad a=crypto line",
    })
    void unusableCryptoAnswersAreRefusedWithTheReason(String why, String profile, String crypto, String reason) {
        String line = crypto.replace("KEY", THEIR_KEY);
        String sdp = line.equals("-") ? answer(profile) : answer(profile, line);
        SdpException e = assertThrows(SdpException.class, () -> negotiate(offer(SrtpMode.REQUIRE), sdp));
        assertTrue(e.getMessage().contains(reason), why + ": " + e.getMessage());
        assertFalse(e.getMessage().contains(THEIR_KEY), "a refusal never echoes the key");
    }

    @Test
    void twoCryptoLinesInAnAnswerAreRefused() {
        String sdp = answer("RTP/SAVP", "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + THEIR_KEY,
                "crypto:2 AES_CM_128_HMAC_SHA1_32 inline:" + THEIR_KEY);
        SdpException e = assertThrows(SdpException.class, () -> negotiate(offer(SrtpMode.OFFER), sdp));
        assertTrue(e.getMessage().contains("an answer takes one"), e.getMessage());
    }

    @Test
    void aSavpAnswerToAPlainOfferIsRefused() {
        SdpException e = assertThrows(SdpException.class, () -> negotiate(offer(SrtpMode.OFF), answer("RTP/SAVP")));
        assertTrue(e.getMessage().contains("we offered plain RTP"), e.getMessage());
        assertEquals(List.of(), offer(SrtpMode.OFF).crypto());
    }
}
