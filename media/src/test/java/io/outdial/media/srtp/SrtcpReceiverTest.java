package io.outdial.media.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * SRTCP's receiving side against libsrtp's known answer (its srtp_driver's SRTCP vector, under RFC 3711 B.3's master
 * key and salt), and against packets built here independently: BouncyCastle's AES counter-mode cipher and HMAC-SHA1
 * driven directly, as RFC 3711 3.4 describes the packet.
 */
class SrtcpReceiverTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] MATERIAL = HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139" + "0ec675ad498afeebb6960b3aabe6");
    /** libsrtp test/srtp_driver.c: an SR header for SSRC 0xcafebabe and sixteen 0xab bytes, SRTCP index 1. */
    private static final String RTCP_PLAIN = "81c8000bcafebabe" + "ab".repeat(16);
    private static final String SRTCP_LIBSRTP = "81c8000bcafebabe7128035be487b9bdbef89041f977a5a8" + "80000001"
            + "993e08cd54d6c1230798";
    /** A receiver report from SSRC 0x11223344 with one block about 0x55667788: 25/256 lost, 300 in all, jitter 80. */
    private static final String RR = "81c90007112233445566778819" + "00012c" + "00010203" + "00000050" + "00000000"
            + "00000000";

    private static SrtcpReceiver receiver() {
        return new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MATERIAL, MATERIAL).rtcpReceiver();
    }

    private static ByteBuf buffer(String hex) {
        return Unpooled.wrappedBuffer(HEX.parseHex(hex));
    }

    private static byte[] protect(String plainHex, long index, boolean encrypt) {
        return TestSrtcp.protect(MATERIAL, HEX.parseHex(plainHex), index, encrypt);
    }

    @Test
    void libsrtpsSrtcpVectorDecryptsToItsPlainPacket() {
        ByteBuf packet = buffer(SRTCP_LIBSRTP);
        assertEquals(SrtpReceiver.Verdict.OK, receiver().unprotect(packet));
        assertEquals(RTCP_PLAIN, ByteBufUtil.hexDump(packet));
    }

    @Test
    void theIndependentConstructionMatchesLibsrtpsVector() {
        assertEquals(SRTCP_LIBSRTP, HEX.formatHex(protect(RTCP_PLAIN, 1, true)));
    }

    @Test
    void encryptedAndClearReportsDecryptAsBuilt() {
        SrtcpReceiver receiver = receiver();
        ByteBuf encrypted = Unpooled.wrappedBuffer(protect(RR, 7, true));
        assertEquals(SrtpReceiver.Verdict.OK, receiver.unprotect(encrypted));
        assertArrayEquals(HEX.parseHex(RR), ByteBufUtil.getBytes(encrypted));
        ByteBuf clear = Unpooled.wrappedBuffer(protect(RR, 8, false));
        assertEquals(SrtpReceiver.Verdict.OK, receiver.unprotect(clear), "E flag clear: authenticated only");
        assertArrayEquals(HEX.parseHex(RR), ByteBufUtil.getBytes(clear));
    }

    @Test
    void replaysForgeriesAndScrapsAreRefused() {
        SrtcpReceiver receiver = receiver();
        assertEquals(SrtpReceiver.Verdict.OK, receiver.unprotect(Unpooled.wrappedBuffer(protect(RR, 100, true))));
        assertEquals(SrtpReceiver.Verdict.REPLAYED,
                receiver.unprotect(Unpooled.wrappedBuffer(protect(RR, 100, true))));
        assertEquals(SrtpReceiver.Verdict.REPLAYED,
                receiver.unprotect(Unpooled.wrappedBuffer(protect(RR, 100 - 64, true))), "behind the window");
        assertEquals(SrtpReceiver.Verdict.OK, receiver.unprotect(Unpooled.wrappedBuffer(protect(RR, 99, true))),
                "late but inside the window");

        byte[] forged = protect(RR, 101, true);
        forged[12] ^= 1;
        assertEquals(SrtpReceiver.Verdict.FORGED, receiver.unprotect(Unpooled.wrappedBuffer(forged)));
        byte[] wrongIndex = protect(RR, 102, true);
        wrongIndex[RR.length() / 2 + 3] ^= 1; // the index is authenticated too
        assertEquals(SrtpReceiver.Verdict.FORGED, receiver.unprotect(Unpooled.wrappedBuffer(wrongIndex)));
        byte[] otherKeys = protect(RR, 103, true);
        SrtcpReceiver stranger = new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MATERIAL, new byte[30])
                .rtcpReceiver();
        assertEquals(SrtpReceiver.Verdict.FORGED, stranger.unprotect(Unpooled.wrappedBuffer(otherKeys)));

        assertEquals(SrtpReceiver.Verdict.MALFORMED, receiver.unprotect(Unpooled.wrappedBuffer(new byte[21])));
        byte[] notRtcp = protect(RR, 104, true);
        notRtcp[0] = 0x41; // version 1
        assertEquals(SrtpReceiver.Verdict.MALFORMED, receiver.unprotect(Unpooled.wrappedBuffer(notRtcp)));
    }
}
