package io.outdial.media.dtmf;

import io.netty.buffer.ByteBuf;
import io.outdial.media.rtp.RtpHeader;

/**
 * Writes one RFC 4733 telephone-event packet: the 12-byte RTP header (no CSRC, no extension) and the 4-byte event
 * payload (section 2.3): event code, end bit, reserved bit, volume in -dBm0, duration in timestamp units.
 * Sequence number and SSRC are left for the endpoint's outbound stream to stamp.
 */
public final class TelephoneEventPacket {

    /** Header and payload. */
    public static final int LENGTH = RtpHeader.FIXED_LENGTH + 4;
    /** The largest duration one packet can carry (RFC 4733 section 2.5.2.3 splits longer events). */
    public static final int MAX_DURATION = 0xFFFF;

    private static final int END_BIT = 0x80;

    private TelephoneEventPacket() {
    }

    /**
     * Overwrites {@code out} with one event packet.
     *
     * @param marker    true on the first packet of an event only
     * @param timestamp the timestamp of the event's start, the same on every packet of the event
     * @param volume    0..63, the power level as -dBm0
     * @param duration  samples from the event's start to the end of what this packet reports, 0..65535
     */
    public static void write(ByteBuf out, int payloadType, boolean marker, int timestamp, int eventCode,
                             boolean end, int volume, int duration) {
        if (duration < 0 || duration > MAX_DURATION) {
            throw new IllegalArgumentException("event duration out of range: " + duration);
        }
        out.clear();
        out.writeByte(RtpHeader.VERSION << 6);
        out.writeByte((marker ? 0x80 : 0) | (payloadType & 0x7F));
        out.writeShort(0); // sequence: stamped by the outbound stream
        out.writeInt(timestamp);
        out.writeInt(0); // SSRC: stamped by the outbound stream
        out.writeByte(eventCode);
        out.writeByte((end ? END_BIT : 0) | (volume & 0x3F));
        out.writeShort(duration);
    }

    /** The event code of a telephone-event packet. */
    public static int eventCode(ByteBuf packet) {
        return packet.getUnsignedByte(packet.readerIndex() + RtpHeader.payloadOffset(packet));
    }

    /** Whether a telephone-event packet has its end bit set. */
    public static boolean isEnd(ByteBuf packet) {
        return (packet.getUnsignedByte(packet.readerIndex() + RtpHeader.payloadOffset(packet) + 1) & END_BIT) != 0;
    }

    /** The duration field of a telephone-event packet. */
    public static int duration(ByteBuf packet) {
        return packet.getUnsignedShort(packet.readerIndex() + RtpHeader.payloadOffset(packet) + 2);
    }
}
