package io.outdial.media.srtp;

import io.netty.buffer.ByteBuf;

/**
 * Checks and decrypts the SRTP packets of one incoming stream (RFC 3711 3.3): estimates the packet index from the
 * sequence number and roll-over counter (3.3.1), refuses replays (a 64-packet window, 3.3.2) and forged or damaged
 * packets (the tag, compared in constant time), and leaves plain RTP between reader and writer index. A new SSRC
 * (the far end restarted its stream) starts a fresh index. One per incoming stream, used on one thread.
 */
public final class SrtpReceiver {
    private static final int WINDOW = 64;

    private final SessionCipher cipher;
    private final int tagLength;
    private int ssrc;
    private boolean started;
    private int rolloverCounter;
    private int highestSequence;
    private long highestIndex;
    private long window;

    SrtpReceiver(SrtpSuite suite, byte[] material) {
        this.cipher = new SessionCipher(material);
        this.tagLength = suite.tagLength();
    }

    /** Why a packet was refused; {@link #OK} when it was turned into RTP. */
    public enum Verdict { OK, MALFORMED, REPLAYED, FORGED }

    /** Checks and decrypts {@code packet} in place; on anything but {@link Verdict#OK} it is to be dropped. */
    public Verdict unprotect(ByteBuf packet) {
        int start = packet.readerIndex();
        int length = packet.readableBytes() - tagLength;
        int header = length < 0 ? -1 : SessionCipher.headerLength(packet, start, length);
        if (header < 0) {
            return Verdict.MALFORMED;
        }
        int packetSsrc = packet.getInt(start + 8);
        int sequence = packet.getUnsignedShort(start + 2);
        boolean fresh = !started || packetSsrc != ssrc;
        int guessedRoc = fresh ? 0 : estimateRoc(sequence);
        long index = ((long) guessedRoc << 16) | sequence;
        if (guessedRoc < 0 || !fresh && isReplay(index)) {
            // (a negative ROC: from before the first packet we took, so older than the window)
            return Verdict.REPLAYED;
        }
        byte[] expected = cipher.tag(packet, start, length, guessedRoc);
        int diff = 0;
        for (int i = 0; i < tagLength; i++) {
            diff |= expected[i] ^ packet.getByte(start + length + i);
        }
        if (diff != 0) {
            return Verdict.FORGED;
        }
        cipher.crypt(packet, start + header, length - header, packetSsrc, index);
        packet.writerIndex(start + length);
        if (fresh) {
            started = true;
            ssrc = packetSsrc;
            rolloverCounter = 0;
            highestSequence = sequence;
            highestIndex = index;
            window = 1;
        } else {
            accept(index, guessedRoc, sequence);
        }
        return Verdict.OK;
    }

    /** RFC 3711 3.3.1: the ROC that puts {@code sequence} nearest the highest sequence number seen. */
    private int estimateRoc(int sequence) {
        if (highestSequence < 0x8000) {
            return sequence - highestSequence > 0x8000 ? rolloverCounter - 1 : rolloverCounter;
        }
        return highestSequence - 0x8000 > sequence ? rolloverCounter + 1 : rolloverCounter;
    }

    private boolean isReplay(long index) {
        if (index > highestIndex) {
            return false;
        }
        long behind = highestIndex - index;
        return behind >= WINDOW || (window & (1L << behind)) != 0;
    }

    private void accept(long index, int roc, int sequence) {
        if (index > highestIndex) {
            long ahead = index - highestIndex;
            window = ahead >= WINDOW ? 1 : (window << ahead) | 1;
            highestIndex = index;
            rolloverCounter = roc;
            highestSequence = sequence;
        } else {
            window |= 1L << (highestIndex - index);
        }
    }
}
