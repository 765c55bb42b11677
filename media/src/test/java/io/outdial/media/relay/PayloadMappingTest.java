package io.outdial.media.relay;

import io.netty.buffer.ByteBuf;
import io.outdial.media.Codec;
import io.outdial.media.RtpPeer;
import io.outdial.media.codec.G711;
import io.outdial.media.rtp.RtpHeader;
import io.outdial.media.rtp.TestPacket;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static io.outdial.media.rtp.TestPacket.rtp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayloadMappingTest {

    private static final InetSocketAddress ANYWHERE = new InetSocketAddress("127.0.0.1", 40000);
    private static final RtpPeer PCMU_PHONE = new RtpPeer(ANYWHERE, Codec.PCMU, 0, 101);
    private static final RtpPeer PCMA_PHONE = new RtpPeer(ANYWHERE, Codec.PCMA, 8, 96);
    private static final RtpPeer PCMU_DYNAMIC_NO_DTMF = new RtpPeer(ANYWHERE, Codec.PCMU, 0, -1);

    private final byte[] scratch = new byte[2048];

    @Test
    void pcmuAudioBecomesPcmaWithTheOtherSidesPayloadType() {
        byte[] payload = TestPacket.payloadOf(160, 3);
        ByteBuf p = rtp(0, 10, 20, 30).marker(true).payload(payload).buffer();
        assertTrue(PayloadMapping.between(PCMU_PHONE, PCMA_PHONE).apply(p, scratch));
        assertEquals(8, RtpHeader.payloadType(p));
        assertTrue(RtpHeader.marker(p), "the marker shares the byte and must survive");
        assertArrayEquals(transcoded(payload, Codec.PCMU), payloadOf(p));
    }

    @Test
    void pcmaAudioBecomesPcmu() {
        byte[] payload = TestPacket.payloadOf(160, 77);
        ByteBuf p = rtp(8, 10, 20, 30).payload(payload).buffer();
        assertTrue(PayloadMapping.between(PCMA_PHONE, PCMU_PHONE).apply(p, scratch));
        assertEquals(0, RtpHeader.payloadType(p));
        assertArrayEquals(transcoded(payload, Codec.PCMA), payloadOf(p));
    }

    @Test
    void onlyThePayloadIsTranscodedNeverCsrcsExtensionOrPadding() {
        byte[] payload = TestPacket.payloadOf(160, 5);
        TestPacket packet = rtp(0, 10, 20, 30).csrcs(0x11111111, 0x22222222).extension(0x33333333)
                .payload(payload).padding(3);
        ByteBuf p = packet.buffer();
        assertTrue(PayloadMapping.between(PCMU_PHONE, PCMA_PHONE).apply(p, scratch));

        byte[] expected = rtp(8, 10, 20, 30).csrcs(0x11111111, 0x22222222).extension(0x33333333)
                .payload(transcoded(payload, Codec.PCMU)).padding(3).bytes();
        byte[] actual = new byte[expected.length];
        p.getBytes(p.readerIndex(), actual);
        assertArrayEquals(expected, actual);
    }

    @Test
    void sameCodecOnBothSidesIsOnlyRelabelled() {
        RtpPeer dynamicPcmu = new RtpPeer(ANYWHERE, Codec.PCMU, 112, 101);
        byte[] payload = TestPacket.payloadOf(160, 9);
        ByteBuf p = rtp(0, 10, 20, 30).payload(payload).buffer();
        PayloadMapping mapping = PayloadMapping.between(PCMU_PHONE, dynamicPcmu);
        assertFalse(mapping.transcodes());
        assertTrue(mapping.apply(p, scratch));
        assertEquals(112, RtpHeader.payloadType(p));
        assertArrayEquals(payload, payloadOf(p));
    }

    @Test
    void telephoneEventsKeepTheirPayloadAndTakeTheOtherSidesEventType() {
        byte[] event = {5, (byte) 0x8A, 0x03, 0x20}; // digit 5, end, volume 10, duration 800
        ByteBuf p = rtp(101, 10, 20, 30).marker(true).payload(event).buffer();
        assertTrue(PayloadMapping.between(PCMU_PHONE, PCMA_PHONE).apply(p, scratch));
        assertEquals(96, RtpHeader.payloadType(p));
        assertArrayEquals(event, payloadOf(p), "events are not audio: never transcoded");
    }

    @Test
    void telephoneEventsAreDroppedWhenTheOtherSideNegotiatedNone() {
        ByteBuf p = rtp(101, 10, 20, 30).payload(new byte[4]).buffer();
        assertFalse(PayloadMapping.between(PCMU_PHONE, PCMU_DYNAMIC_NO_DTMF).apply(p, scratch));
    }

    @Test
    void payloadTypesNotNegotiatedAreDropped() {
        PayloadMapping mapping = PayloadMapping.between(PCMU_PHONE, PCMA_PHONE);
        assertFalse(mapping.apply(rtp(8, 1, 2, 3).payload(new byte[160]).buffer(), scratch), "PCMA from a PCMU phone");
        assertFalse(mapping.apply(rtp(13, 1, 2, 3).payload(new byte[1]).buffer(), scratch), "comfort noise");
        assertFalse(PayloadMapping.between(PCMU_DYNAMIC_NO_DTMF, PCMA_PHONE)
                .apply(rtp(101, 1, 2, 3).payload(new byte[4]).buffer(), scratch), "an event nobody negotiated");
    }

    @Test
    void aPayloadLargerThanTheScratchSpaceIsStillTranscoded() {
        byte[] payload = TestPacket.payloadOf(300, 1);
        ByteBuf p = rtp(0, 10, 20, 30).payload(payload).buffer();
        assertTrue(PayloadMapping.between(PCMU_PHONE, PCMA_PHONE).apply(p, new byte[16]));
        assertArrayEquals(transcoded(payload, Codec.PCMU), payloadOf(p));
    }

    private static byte[] transcoded(byte[] payload, Codec from) {
        byte[] out = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            out[i] = from == Codec.PCMU ? G711.ulawToAlaw(payload[i]) : G711.alawToUlaw(payload[i]);
        }
        return out;
    }

    private static byte[] payloadOf(ByteBuf p) {
        int offset = RtpHeader.payloadOffset(p);
        byte[] out = new byte[RtpHeader.payloadLength(p, offset)];
        p.getBytes(p.readerIndex() + offset, out);
        return out;
    }
}
