package io.outdial.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Reads and rewrites the RTP header (RFC 3550, section 5.1) in place on a ByteBuf holding one packet from its reader
 * index to its writer index. Nothing here allocates: the relay calls it for every packet.
 */
public final class RtpHeader {

    /** Length of the fixed header, before CSRCs and the extension. */
    public static final int FIXED_LENGTH = 12;
    public static final int VERSION = 2;

    private static final int PADDING_BIT = 0x20;
    private static final int EXTENSION_BIT = 0x10;
    private static final int MARKER_BIT = 0x80;

    private RtpHeader() {
    }

    /**
     * Offset of the payload from the reader index (after CSRCs and the header extension), or -1 when the packet is
     * not well-formed RTP: shorter than its header, another version, or padding that does not fit.
     */
    public static int payloadOffset(ByteBuf packet) {
        int length = packet.readableBytes();
        if (length < FIXED_LENGTH) {
            return -1;
        }
        int start = packet.readerIndex();
        int first = packet.getUnsignedByte(start);
        if (first >> 6 != VERSION) {
            return -1;
        }
        int offset = FIXED_LENGTH + 4 * (first & 0x0F);
        if ((first & EXTENSION_BIT) != 0) {
            // 16 bits defined by profile, then the extension length in 32-bit words, excluding this 4-byte head
            if (offset + 4 > length) {
                return -1;
            }
            offset += 4 + 4 * packet.getUnsignedShort(start + offset + 2);
        }
        if (offset > length) {
            return -1;
        }
        if ((first & PADDING_BIT) != 0) {
            int padding = packet.getUnsignedByte(start + length - 1);
            if (padding == 0 || offset + padding > length) {
                return -1;
            }
        }
        return offset;
    }

    /** Whether the packet is well-formed RTP version 2 (see {@link #payloadOffset}). */
    public static boolean isValid(ByteBuf packet) {
        return payloadOffset(packet) >= 0;
    }

    /** Payload length without padding, for a packet whose {@link #payloadOffset} is {@code payloadOffset}. */
    public static int payloadLength(ByteBuf packet, int payloadOffset) {
        int length = packet.readableBytes() - payloadOffset;
        if ((packet.getUnsignedByte(packet.readerIndex()) & PADDING_BIT) != 0) {
            length -= packet.getUnsignedByte(packet.writerIndex() - 1);
        }
        return length;
    }

    public static int csrcCount(ByteBuf packet) {
        return packet.getUnsignedByte(packet.readerIndex()) & 0x0F;
    }

    public static boolean hasExtension(ByteBuf packet) {
        return (packet.getUnsignedByte(packet.readerIndex()) & EXTENSION_BIT) != 0;
    }

    public static boolean marker(ByteBuf packet) {
        return (packet.getUnsignedByte(packet.readerIndex() + 1) & MARKER_BIT) != 0;
    }

    public static void setMarker(ByteBuf packet, boolean marker) {
        int index = packet.readerIndex() + 1;
        int second = packet.getUnsignedByte(index);
        packet.setByte(index, marker ? second | MARKER_BIT : second & ~MARKER_BIT);
    }

    public static int payloadType(ByteBuf packet) {
        return packet.getUnsignedByte(packet.readerIndex() + 1) & 0x7F;
    }

    /** Sets the payload type, keeping the marker bit that shares its byte. */
    public static void setPayloadType(ByteBuf packet, int payloadType) {
        int index = packet.readerIndex() + 1;
        packet.setByte(index, (packet.getUnsignedByte(index) & MARKER_BIT) | (payloadType & 0x7F));
    }

    /** The sequence number, 0..65535. */
    public static int sequence(ByteBuf packet) {
        return packet.getUnsignedShort(packet.readerIndex() + 2);
    }

    public static void setSequence(ByteBuf packet, int sequence) {
        packet.setShort(packet.readerIndex() + 2, sequence);
    }

    /** The timestamp as the 32 bits it is on the wire; compare with wrap-around arithmetic. */
    public static int timestamp(ByteBuf packet) {
        return packet.getInt(packet.readerIndex() + 4);
    }

    public static void setTimestamp(ByteBuf packet, int timestamp) {
        packet.setInt(packet.readerIndex() + 4, timestamp);
    }

    public static int ssrc(ByteBuf packet) {
        return packet.getInt(packet.readerIndex() + 8);
    }

    public static void setSsrc(ByteBuf packet, int ssrc) {
        packet.setInt(packet.readerIndex() + 8, ssrc);
    }
}
