package io.outdial.media.srtp;

import io.netty.buffer.ByteBuf;

/**
 * Protects the RTP packets we send on one stream (RFC 3711 3.3): encrypts the payload in place and appends the
 * tag. Keeps the roll-over counter of our sequence numbers. One per outbound stream, used on one thread.
 */
public final class SrtpSender {
    private final SessionCipher cipher;
    private final int tagLength;
    private int ssrc;
    private int lastSequence = -1;
    private int rolloverCounter;

    SrtpSender(SrtpSuite suite, byte[] material) {
        this.cipher = new SessionCipher(material);
        this.tagLength = suite.tagLength();
    }

    /** Bytes {@link #protect} adds to a packet. */
    public int overhead() {
        return tagLength;
    }

    /**
     * Turns the RTP packet between reader and writer index into SRTP. The buffer must have {@link #overhead()}
     * bytes of room after its writer index (pooled packet buffers have), else it grows.
     *
     * @return false (packet untouched) if it is not well-formed RTP
     */
    public boolean protect(ByteBuf packet) {
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        int header = SessionCipher.headerLength(packet, start, length);
        if (header < 0) {
            return false;
        }
        int packetSsrc = packet.getInt(start + 8);
        int sequence = packet.getUnsignedShort(start + 2);
        if (packetSsrc != ssrc || lastSequence < 0) {
            ssrc = packetSsrc;
            rolloverCounter = 0;
        } else if (sequence < lastSequence && lastSequence - sequence > 0x8000) {
            rolloverCounter++;
        }
        lastSequence = sequence;
        long index = ((long) rolloverCounter << 16) | sequence;
        cipher.crypt(packet, start + header, length - header, ssrc, index);
        byte[] tag = cipher.tag(packet, start, length, rolloverCounter);
        packet.ensureWritable(tagLength);
        packet.writeBytes(tag, 0, tagLength);
        return true;
    }
}
