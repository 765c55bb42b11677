package io.outdial.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;

/** Builds RTP packets byte by byte for tests, independently of {@link RtpHeader}. */
public final class TestPacket {

    private int payloadType;
    private boolean marker;
    private int sequence;
    private int timestamp;
    private int ssrc;
    private int[] csrcs = new int[0];
    private int[] extensionWords;
    private int paddingBytes;
    private byte[] payload = new byte[0];

    public static TestPacket rtp(int payloadType, int sequence, int timestamp, int ssrc) {
        TestPacket p = new TestPacket();
        p.payloadType = payloadType;
        p.sequence = sequence;
        p.timestamp = timestamp;
        p.ssrc = ssrc;
        return p;
    }

    public TestPacket marker(boolean value) {
        marker = value;
        return this;
    }

    public TestPacket csrcs(int... values) {
        csrcs = values;
        return this;
    }

    /** A header extension with this many 32-bit words of content. */
    public TestPacket extension(int... words) {
        extensionWords = words;
        return this;
    }

    public TestPacket padding(int bytes) {
        paddingBytes = bytes;
        return this;
    }

    public TestPacket payload(byte... bytes) {
        payload = bytes;
        return this;
    }

    /** Header length: fixed part, CSRCs and extension. */
    public int headerLength() {
        return 12 + 4 * csrcs.length + (extensionWords == null ? 0 : 4 + 4 * extensionWords.length);
    }

    public byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(headerLength() + payload.length + paddingBytes);
        int first = 0x80 | csrcs.length;
        if (paddingBytes > 0) {
            first |= 0x20;
        }
        if (extensionWords != null) {
            first |= 0x10;
        }
        b.put((byte) first);
        b.put((byte) ((marker ? 0x80 : 0) | payloadType));
        b.putShort((short) sequence);
        b.putInt(timestamp);
        b.putInt(ssrc);
        for (int csrc : csrcs) {
            b.putInt(csrc);
        }
        if (extensionWords != null) {
            b.putShort((short) 0xBEDE);
            b.putShort((short) extensionWords.length);
            for (int w : extensionWords) {
                b.putInt(w);
            }
        }
        b.put(payload);
        for (int i = 0; i < paddingBytes; i++) {
            b.put((byte) (i == paddingBytes - 1 ? paddingBytes : 0));
        }
        return b.array();
    }

    /** The packet in a heap buffer preceded by some unrelated bytes, so that the reader index is not zero. */
    public ByteBuf buffer() {
        byte[] bytes = bytes();
        ByteBuf buf = Unpooled.buffer(bytes.length + 5);
        buf.writeBytes(new byte[] {9, 9, 9, 9, 9});
        buf.writeBytes(bytes);
        buf.readerIndex(5);
        return buf;
    }

    public static byte[] payloadOf(int length, int seed) {
        byte[] p = new byte[length];
        for (int i = 0; i < length; i++) {
            p[i] = (byte) (seed + i * 7);
        }
        return p;
    }
}
