package io.outdial.media.rtp;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static io.outdial.media.rtp.TestPacket.rtp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboundStreamTest {

    private static final int OUR_SSRC = 0x1234_5678;
    private static final int PHONE_A = 0xAAAA_0001;
    private static final int PHONE_B = 0xBBBB_0002;

    private long nanos = 1_000_000_000L;
    private final OutboundStream stream = new OutboundStream(OUR_SSRC, 5000, 1_000_000, () -> nanos);

    private ByteBuf stamp(int sequence, int timestamp, int ssrc) {
        ByteBuf p = rtp(0, sequence, timestamp, ssrc).payload(new byte[160]).buffer();
        stream.stamp(p);
        return p;
    }

    private void advanceMillis(long millis) {
        nanos += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void firstPacketCarriesOurSsrcFirstSequenceAndTimestampAndAMarker() {
        ByteBuf p = stamp(40_000, 777, PHONE_A);
        assertEquals(OUR_SSRC, RtpHeader.ssrc(p));
        assertEquals(5000, RtpHeader.sequence(p));
        assertEquals(1_000_000, RtpHeader.timestamp(p));
        assertTrue(RtpHeader.marker(p));
    }

    @Test
    void sourceSpacingIsKeptIncludingGapsAndNoMarkerIsAdded() {
        stamp(100, 16_000, PHONE_A);
        ByteBuf next = stamp(101, 16_160, PHONE_A);
        ByteBuf afterLoss = stamp(104, 16_640, PHONE_A);
        assertEquals(5001, RtpHeader.sequence(next));
        assertEquals(1_000_160, RtpHeader.timestamp(next));
        assertFalse(RtpHeader.marker(next));
        assertEquals(5004, RtpHeader.sequence(afterLoss));
        assertEquals(1_000_640, RtpHeader.timestamp(afterLoss));
    }

    @Test
    void sequenceNumbersWrapAtSixteenBitsOnBothSides() {
        OutboundStream nearWrap = new OutboundStream(OUR_SSRC, 65534, 0, () -> nanos);
        int[] expected = {65534, 65535, 0, 1, 2};
        for (int i = 0; i < expected.length; i++) {
            // the source wraps at a different point than we do
            ByteBuf p = rtp(0, (65533 + i) & 0xFFFF, i * 160, PHONE_A).buffer();
            nearWrap.stamp(p);
            assertEquals(expected[i], RtpHeader.sequence(p), "packet " + i);
        }
    }

    @Test
    void timestampsWrapAtThirtyTwoBits() {
        OutboundStream nearWrap = new OutboundStream(OUR_SSRC, 0, 0xFFFF_FFF0, () -> nanos);
        ByteBuf first = rtp(0, 1, 1000, PHONE_A).buffer();
        ByteBuf second = rtp(0, 2, 1160, PHONE_A).buffer();
        nearWrap.stamp(first);
        nearWrap.stamp(second);
        assertEquals(0xFFFF_FFF0, RtpHeader.timestamp(first));
        assertEquals(0x0000_0090, RtpHeader.timestamp(second));
    }

    @Test
    void aNewSourceContinuesTheSequenceAdvancesTheTimestampByTheElapsedTimeAndSetsTheMarker() {
        stamp(100, 16_000, PHONE_A);
        advanceMillis(20);
        stamp(101, 16_160, PHONE_A);
        advanceMillis(500);
        ByteBuf switched = stamp(9000, 3_000_000, PHONE_B);
        advanceMillis(20);
        ByteBuf following = stamp(9001, 3_000_160, PHONE_B);

        assertEquals(OUR_SSRC, RtpHeader.ssrc(switched));
        assertEquals(5002, RtpHeader.sequence(switched));
        assertEquals(1_000_160 + 4000, RtpHeader.timestamp(switched), "500 ms at 8 kHz later");
        assertTrue(RtpHeader.marker(switched));
        assertEquals(5003, RtpHeader.sequence(following));
        assertEquals(1_000_160 + 4000 + 160, RtpHeader.timestamp(following));
        assertFalse(RtpHeader.marker(following));
    }

    @Test
    void aNewSourceRightAfterTheLastPacketStillAdvancesOneFrame() {
        stamp(100, 16_000, PHONE_A);
        ByteBuf switched = stamp(7, 99, PHONE_B);
        assertEquals(1_000_160, RtpHeader.timestamp(switched));
        assertEquals(5001, RtpHeader.sequence(switched));
    }

    @Test
    void theFormerSourceComingBackIsReBasedAgain() {
        stamp(100, 16_000, PHONE_A);
        stamp(9000, 3_000_000, PHONE_B);
        ByteBuf back = stamp(101, 16_160, PHONE_A);
        assertEquals(5002, RtpHeader.sequence(back));
        assertTrue(RtpHeader.marker(back));
    }

    @Test
    void aLatePacketKeepsItsPlaceWithoutPullingTheStreamBack() {
        stamp(100, 16_000, PHONE_A);
        stamp(102, 16_320, PHONE_A);
        ByteBuf late = stamp(101, 16_160, PHONE_A);
        assertEquals(5001, RtpHeader.sequence(late));
        ByteBuf switched = stamp(1, 1, PHONE_B);
        assertEquals(5003, RtpHeader.sequence(switched), "continues after the highest sent, not the late one");
    }

    @Test
    void randomStreamsDifferInSsrc() {
        assertTrue(OutboundStream.random().ssrc() != OutboundStream.random().ssrc()
                || OutboundStream.random().ssrc() != OutboundStream.random().ssrc());
    }
}
