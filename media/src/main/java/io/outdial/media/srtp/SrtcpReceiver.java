package io.outdial.media.srtp;

import io.netty.buffer.ByteBuf;

/**
 * Checks and decrypts the SRTCP packets of one far end (RFC 3711 3.4): the compound RTCP packet's first 8 bytes (the
 * first header and the sender's SSRC) stay clear, the rest is encrypted when the E flag is set, and the packet ends
 * with E flag and 31-bit SRTCP index, then the tag over everything before it. Refuses forged or damaged packets (the
 * tag, compared in constant time) and replays (a 64-packet window on the index), and leaves plain compound RTCP
 * between reader and writer index. The same SessionCipher as SRTP under SRTCP's labels; no allocation per packet. A
 * new sender SSRC starts a fresh window. One per far end, used on one thread.
 */
public final class SrtcpReceiver {
    private static final int WINDOW = 64;
    /** The clear part: the first RTCP header (4 bytes) and the sender's SSRC. */
    private static final int CLEAR = 8;
    private static final int INDEX_LENGTH = 4;

    private final SessionCipher cipher;
    private final int tagLength;
    private int ssrc;
    private boolean started;
    private long highestIndex;
    private long window;

    /** @param tagLength bytes of tag each SRTCP packet carries (10 with DTLS-SRTP's SRTP_AES128_CM_HMAC_SHA1_80) */
    SrtcpReceiver(byte[] material, int tagLength) {
        this.cipher = SessionCipher.forRtcp(material);
        this.tagLength = tagLength;
    }

    /** Checks and decrypts {@code packet} in place; on anything but {@link SrtpReceiver.Verdict#OK} it is to be dropped. */
    public SrtpReceiver.Verdict unprotect(ByteBuf packet) {
        int start = packet.readerIndex();
        int authenticated = packet.readableBytes() - tagLength; // header, payload, E flag and index
        int indexAt = start + authenticated - INDEX_LENGTH;
        if (authenticated < CLEAR + INDEX_LENGTH || packet.getUnsignedByte(start) >> 6 != 2) {
            return SrtpReceiver.Verdict.MALFORMED;
        }
        int packetSsrc = packet.getInt(start + 4);
        int word = packet.getInt(indexAt);
        boolean encrypted = word < 0;
        long index = word & 0x7FFF_FFFFL;
        boolean fresh = !started || packetSsrc != ssrc;
        if (!fresh && isReplay(index)) {
            return SrtpReceiver.Verdict.REPLAYED;
        }
        byte[] expected = cipher.tag(packet, start, authenticated);
        int diff = 0;
        for (int i = 0; i < tagLength; i++) {
            diff |= expected[i] ^ packet.getByte(start + authenticated + i);
        }
        if (diff != 0) {
            return SrtpReceiver.Verdict.FORGED;
        }
        if (encrypted) {
            cipher.crypt(packet, start + CLEAR, indexAt - start - CLEAR, packetSsrc, index);
        }
        packet.writerIndex(indexAt);
        if (fresh) {
            started = true;
            ssrc = packetSsrc;
            highestIndex = index;
            window = 1;
        } else {
            accept(index);
        }
        return SrtpReceiver.Verdict.OK;
    }

    private boolean isReplay(long index) {
        if (index > highestIndex) {
            return false;
        }
        long behind = highestIndex - index;
        return behind >= WINDOW || (window & (1L << behind)) != 0;
    }

    private void accept(long index) {
        if (index > highestIndex) {
            long ahead = index - highestIndex;
            window = ahead >= WINDOW ? 1 : (window << ahead) | 1;
            highestIndex = index;
        } else {
            window |= 1L << (highestIndex - index);
        }
    }
}
