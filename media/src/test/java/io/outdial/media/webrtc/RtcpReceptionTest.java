package io.outdial.media.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.outdial.media.srtp.SrtpKeys;
import io.outdial.media.srtp.SrtpReceiver;
import io.outdial.media.srtp.SrtpSuite;
import io.outdial.media.srtp.TestSrtcp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A browser leg's SRTCP: compound packets as a browser sends them (a sender report with a report block, SDES), built
 * and protected independently ({@link TestSrtcp}), read into loss and jitter; forged, replayed and malformed ones
 * dropped and counted.
 */
class RtcpReceptionTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] BROWSER_KEYS = new byte[30];
    private static final int OUR_STREAM = 0x55667788;

    static {
        for (int i = 0; i < BROWSER_KEYS.length; i++) {
            BROWSER_KEYS[i] = (byte) (7 * i + 1);
        }
    }

    private final List<String> heard = new ArrayList<>();
    private final RtcpReception reception = new RtcpReception(
            new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, new byte[30], BROWSER_KEYS).rtcpReceiver(), 8000,
            new ReceptionReports() {
                @Override
                public void report(double fractionLost, long newlyLost, double jitterSeconds) {
                    heard.add("fraction " + fractionLost + " lost " + newlyLost + " jitter " + jitterSeconds);
                }

                @Override
                public void dropped(SrtpReceiver.Verdict why) {
                    heard.add("dropped " + why);
                }
            });

    /** One report block about {@code source}: fraction (of 256), cumulative lost (24 bits signed), jitter. */
    private static String block(int source, int fraction, int cumulative, int jitter) {
        return String.format("%08x%02x%06x%08x%08x%08x%08x", source, fraction, cumulative & 0xFFFFFF, 0x10203,
                jitter, 0, 0);
    }

    /** A sender report from the browser's SSRC 0x11223344 with {@code blocks}, then an SDES with an empty CNAME. */
    private static String senderReport(String... blocks) {
        int words = (8 + 20 + 24 * blocks.length) / 4 - 1;
        return String.format("%02xc8%04x11223344", 0x80 | blocks.length, words) + "00".repeat(20)
                + String.join("", blocks) + "81ca00021122334401000000";
    }

    private static String receiverReport(String... blocks) {
        int words = (8 + 24 * blocks.length) / 4 - 1;
        return String.format("%02xc9%04x11223344", 0x80 | blocks.length, words) + String.join("", blocks);
    }

    private void receive(String plainHex, long index) {
        ByteBuf packet = Unpooled.wrappedBuffer(TestSrtcp.protect(BROWSER_KEYS, HEX.parseHex(plainHex), index, true));
        reception.receive(packet);
    }

    @Test
    void aSenderReportsBlockGivesFractionLostNewLossesAndJitterInSeconds() {
        receive(senderReport(block(OUR_STREAM, 64, 12, 160)), 1);
        assertEquals(List.of("fraction 0.25 lost 12 jitter 0.02"), heard);
        assertEquals(1, reception.reports());
    }

    @Test
    void lossesCountOnlyTheGrowthOfEachStreamsCumulativeNumber() {
        receive(receiverReport(block(OUR_STREAM, 0, 5, 8)), 1);
        receive(receiverReport(block(OUR_STREAM, 0, 9, 8)), 2);
        receive(receiverReport(block(OUR_STREAM, 0, 7, 8)), 3); // duplicates arrived: the number fell
        receive(receiverReport(block(OUR_STREAM, 0, 10, 8), block(0x0A0B0C0D, 0, 3, 8)), 4);
        receive(receiverReport(block(0x0A0B0C0D, 0, 3, 8), block(OUR_STREAM, 0, 10, 8)), 5);
        assertEquals(List.of("fraction 0.0 lost 5 jitter 0.001", "fraction 0.0 lost 4 jitter 0.001",
                "fraction 0.0 lost 0 jitter 0.001", "fraction 0.0 lost 1 jitter 0.001",
                "fraction 0.0 lost 3 jitter 0.001", "fraction 0.0 lost 0 jitter 0.001",
                "fraction 0.0 lost 0 jitter 0.001"), heard);
    }

    @Test
    void aNegativeCumulativeNumberIsNoLoss() {
        receive(receiverReport(block(OUR_STREAM, 0, -2, 0)), 1);
        assertEquals(List.of("fraction 0.0 lost 0 jitter 0.0"), heard);
    }

    @Test
    void forgedReplayedAndMalformedPacketsAreDroppedAndCounted() {
        byte[] forged = TestSrtcp.protect(new byte[30], HEX.parseHex(receiverReport(block(OUR_STREAM, 1, 1, 1))), 1,
                true); // not the browser's keys
        reception.receive(Unpooled.wrappedBuffer(forged));
        receive(receiverReport(block(OUR_STREAM, 0, 1, 8)), 2);
        receive(receiverReport(block(OUR_STREAM, 0, 1, 8)), 2);
        String tooManyBlocks = "82c9000711223344" + block(OUR_STREAM, 0, 1, 8); // says two blocks, carries one
        receive(tooManyBlocks, 3);
        String overrun = "81c9000f11223344" + block(OUR_STREAM, 0, 1, 8); // length past the packet's end
        receive(overrun, 4);
        receive("41c9000111223344", 5); // version 1
        reception.receive(Unpooled.wrappedBuffer(new byte[10]));
        assertEquals(List.of("dropped FORGED", "fraction 0.0 lost 1 jitter 0.001", "dropped REPLAYED",
                "dropped MALFORMED", "dropped MALFORMED", "dropped MALFORMED", "dropped MALFORMED"), heard);
        assertEquals(6, reception.refused());
    }

    @Test
    void otherRtcpIsSkipped() {
        receive("81cb000111223344", 1); // a BYE
        receive("80c9000111223344", 2); // a receiver report with no block (a browser that receives nothing)
        assertEquals(List.of(), heard);
        assertEquals(0, reception.refused());
    }
}
