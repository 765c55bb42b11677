package io.outdial.media.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * SRTP against known answers: RFC 3711 B.3's key derivation, and whole packets computed independently with
 * OpenSSL's AES-CTR and HMAC-SHA1 (Python's cryptography and hmac modules) for the same keys.
 */
class SrtpTransformTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] MASTER_KEY = HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139");
    private static final byte[] MASTER_SALT = HEX.parseHex("0ec675ad498afeebb6960b3aabe6");
    private static final byte[] MATERIAL = concat(MASTER_KEY, MASTER_SALT);
    private static final String RTP_HEADER = "800012345678abcddeadbeef";
    private static final String SRTP_80_ROC0 = RTP_HEADER + "1e162ded720b403a2a241e308709ea43d8088bc5b40243e74a9d90db"
            + "a574c4f85fed0a2c96c6c1303916785d718f974462bf8c7161464c01580dbca39272657ca8038570f4a84c688bbc25be787536cc85"
            + "2c92f9aa82bb861eb1d203938ff523d13449011a8114d49759ba9a061d3c61b65dcfbce1085b42658f88cbda167943def5cd5aaf66"
            + "e47f6d1efbb620e243e1b7a550cfdd40041289f4b10100f6e17124ecc71c9684840c4bc5";
    private static final String SRTP_32_ROC1 = RTP_HEADER + "d56205bd5407da0ff4ea46aec99cfd01cf480f55a976273f28eee23f"
            + "05db7ea4d87ea599fd1f51360e9eeff1ae440aa724e5b55e1b3eed87678d4ae732585bb50fb082b5342841c16e392813033a70c505"
            + "247de619e26a47ef779cf48e9103fa60223630d52ef51910132d3a490a34b2f01ea23269594f778ab148d8ccd16e6ebfdbe7c22ca6"
            + "0082bef67fe6d76258d8a34dabec1a602ae4ff5d2d98dff02621c0919bd0";

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static ByteBuf rtp(int sequence) {
        ByteBuf b = Unpooled.buffer(256);
        b.writeBytes(HEX.parseHex(RTP_HEADER));
        b.setShort(2, sequence);
        for (int i = 0; i < 160; i++) {
            b.writeByte(i);
        }
        return b;
    }

    private static SrtpKeys keys(SrtpSuite suite) {
        return new SrtpKeys(suite, MATERIAL, MATERIAL);
    }

    @Test
    void sessionKeysAreDerivedAsRfc3711AppendixB3Says() {
        BlockCipher kdf = AESEngine.newInstance();
        kdf.init(true, new KeyParameter(MASTER_KEY));
        assertEquals("c61e7a93744f39ee10734afe3ff7a087", HEX.formatHex(SessionCipher.derive(kdf, MASTER_SALT,
                (byte) 0, 16)));
        assertEquals("30cbbc08863d8c85d49db34a9ae1", HEX.formatHex(SessionCipher.derive(kdf, MASTER_SALT,
                (byte) 2, 14)));
        assertEquals("cebe321f6ff7716b6fd4ab49af256a156d38baa4", HEX.formatHex(SessionCipher.derive(kdf,
                MASTER_SALT, (byte) 1, 20)));
    }

    @Test
    void aProtectedPacketMatchesTheIndependentlyComputedOne() {
        ByteBuf packet = rtp(0x1234);
        SrtpSender sender = keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80).sender();
        assertEquals(true, sender.protect(packet));
        assertEquals(SRTP_80_ROC0, ByteBufUtil.hexDump(packet));
    }

    @Test
    void theRolloverCounterCountsSequenceWrapsAndEntersTheIvAndTheTag() {
        SrtpSender sender = keys(SrtpSuite.AES_CM_128_HMAC_SHA1_32).sender();
        sender.protect(rtp(0xFFFF));
        ByteBuf packet = rtp(0x1234);
        sender.protect(packet);
        assertEquals(SRTP_32_ROC1, ByteBufUtil.hexDump(packet));
    }

    @Test
    void theReceiverRestoresThePlainPacketAndRefusesReplaysAndForgeries() {
        SrtpReceiver receiver = keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80).receiver();
        ByteBuf srtp = Unpooled.wrappedBuffer(HEX.parseHex(SRTP_80_ROC0));
        assertEquals(SrtpReceiver.Verdict.OK, receiver.unprotect(srtp));
        assertArrayEquals(ByteBufUtil.getBytes(rtp(0x1234)), ByteBufUtil.getBytes(srtp));

        assertEquals(SrtpReceiver.Verdict.REPLAYED,
                receiver.unprotect(Unpooled.wrappedBuffer(HEX.parseHex(SRTP_80_ROC0))));

        SrtpSender sender = keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80).sender();
        sender.protect(rtp(0x1234));
        ByteBuf next = rtp(0x1235);
        sender.protect(next);
        next.setByte(40, next.getByte(40) ^ 1);
        assertEquals(SrtpReceiver.Verdict.FORGED, receiver.unprotect(next));
        assertEquals(SrtpReceiver.Verdict.MALFORMED, receiver.unprotect(Unpooled.wrappedBuffer(new byte[8])));
    }

    @Test
    void aStreamCrossingTheSequenceWrapAndArrivingOutOfOrderDecryptsThroughout() {
        SrtpKeys k = keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        SrtpSender sender = k.sender();
        SrtpReceiver receiver = k.receiver();
        int[] sent = {0xFFFD, 0xFFFE, 0xFFFF, 0x0000, 0x0001, 0x0002};
        ByteBuf[] packets = new ByteBuf[sent.length];
        for (int i = 0; i < sent.length; i++) {
            packets[i] = rtp(sent[i]);
            sender.protect(packets[i]);
        }
        int[] order = {0, 1, 3, 2, 5, 4};
        for (int i : order) {
            assertEquals(SrtpReceiver.Verdict.OK, receiver.unprotect(packets[i]), "packet " + i);
            assertArrayEquals(ByteBufUtil.getBytes(rtp(sent[i])), ByteBufUtil.getBytes(packets[i]));
        }
    }

    @Test
    void keysStayOutOfLogs() {
        assertFalse(keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80).toString().contains("e1f9"));
    }
}
