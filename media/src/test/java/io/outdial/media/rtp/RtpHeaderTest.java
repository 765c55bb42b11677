package io.outdial.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static io.outdial.media.rtp.TestPacket.rtp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtpHeaderTest {

    @Test
    void fieldsAreReadRelativeToTheReaderIndex() {
        ByteBuf p = rtp(8, 0xFFFE, 0xF000_0001, 0xCAFE_BABE).marker(true).payload(new byte[160]).buffer();
        assertEquals(8, RtpHeader.payloadType(p));
        assertTrue(RtpHeader.marker(p));
        assertEquals(0xFFFE, RtpHeader.sequence(p));
        assertEquals(0xF000_0001, RtpHeader.timestamp(p));
        assertEquals(0xCAFE_BABE, RtpHeader.ssrc(p));
        assertEquals(12, RtpHeader.payloadOffset(p));
        assertEquals(160, RtpHeader.payloadLength(p, 12));
    }

    @Test
    void payloadStartsAfterCsrcsAndTheHeaderExtension() {
        TestPacket packet = rtp(0, 1, 2, 3).csrcs(11, 22, 33).extension(0x01020304, 0x05060708).payload(new byte[20]);
        ByteBuf p = packet.buffer();
        assertEquals(3, RtpHeader.csrcCount(p));
        assertTrue(RtpHeader.hasExtension(p));
        assertEquals(12 + 12 + 4 + 8, RtpHeader.payloadOffset(p));
        assertEquals(packet.headerLength(), RtpHeader.payloadOffset(p));
        assertEquals(20, RtpHeader.payloadLength(p, RtpHeader.payloadOffset(p)));
    }

    @Test
    void paddingIsNotPayload() {
        ByteBuf p = rtp(0, 1, 2, 3).payload(new byte[160]).padding(4).buffer();
        assertEquals(160, RtpHeader.payloadLength(p, RtpHeader.payloadOffset(p)));
    }

    @Test
    void settingThePayloadTypeKeepsTheMarker() {
        ByteBuf p = rtp(0, 1, 2, 3).marker(true).buffer();
        RtpHeader.setPayloadType(p, 101);
        assertEquals(101, RtpHeader.payloadType(p));
        assertTrue(RtpHeader.marker(p));
        RtpHeader.setMarker(p, false);
        assertFalse(RtpHeader.marker(p));
        assertEquals(101, RtpHeader.payloadType(p));
    }

    @Test
    void settersWriteTheWireFields() {
        ByteBuf p = rtp(0, 1, 2, 3).buffer();
        RtpHeader.setSequence(p, 0xABCD);
        RtpHeader.setTimestamp(p, 0x8000_0000);
        RtpHeader.setSsrc(p, -1);
        byte[] expected = rtp(0, 0xABCD, 0x8000_0000, -1).bytes();
        byte[] actual = new byte[expected.length];
        p.getBytes(p.readerIndex(), actual);
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(actual));
    }

    @Test
    void malformedPacketsAreRejected() {
        assertFalse(RtpHeader.isValid(Unpooled.wrappedBuffer(new byte[11])), "shorter than the fixed header");
        byte[] versionOne = rtp(0, 1, 2, 3).bytes();
        versionOne[0] = (byte) (0x40 | (versionOne[0] & 0x3F));
        assertFalse(RtpHeader.isValid(Unpooled.wrappedBuffer(versionOne)), "version 1");
        byte[] stun = new byte[20];
        stun[1] = 0x01; // a STUN binding request starts with two zero bits
        assertFalse(RtpHeader.isValid(Unpooled.wrappedBuffer(stun)), "STUN");

        byte[] csrcsMissing = rtp(0, 1, 2, 3).csrcs(1, 2).bytes();
        assertFalse(RtpHeader.isValid(Unpooled.wrappedBuffer(csrcsMissing, 0, 16)), "CSRC list cut short");

        byte[] extensionTooLong = rtp(0, 1, 2, 3).extension(1).bytes();
        extensionTooLong[15] = 9; // claims nine words, has one
        assertFalse(RtpHeader.isValid(Unpooled.wrappedBuffer(extensionTooLong)), "extension overruns");
        assertFalse(RtpHeader.isValid(Unpooled.wrappedBuffer(rtp(0, 1, 2, 3).extension(1).bytes(), 0, 14)),
                "extension head cut short");

        byte[] badPadding = rtp(0, 1, 2, 3).payload(new byte[4]).padding(2).bytes();
        badPadding[badPadding.length - 1] = 0;
        assertFalse(RtpHeader.isValid(Unpooled.wrappedBuffer(badPadding)), "zero padding count");
        badPadding[badPadding.length - 1] = 7;
        assertFalse(RtpHeader.isValid(Unpooled.wrappedBuffer(badPadding)), "padding longer than the payload");

        assertTrue(RtpHeader.isValid(rtp(0, 1, 2, 3).buffer()), "an empty payload is still RTP");
    }
}
