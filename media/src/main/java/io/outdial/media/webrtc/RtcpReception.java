package io.outdial.media.webrtc;

import io.netty.buffer.ByteBuf;
import io.outdial.media.srtp.SrtcpReceiver;
import io.outdial.media.srtp.SrtpReceiver;

import java.util.Objects;

/**
 * A browser leg's incoming RTCP (rtcp-mux): each SRTCP packet authenticated and decrypted with the keys DTLS-SRTP
 * agreed, then the compound packet's sender and receiver reports read (RFC 3550 6.4.1, 6.4.2) and their report
 * blocks (fraction lost, cumulative number lost, interarrival jitter) told to {@link ReceptionReports}. Other RTCP
 * (SDES, BYE, feedback) is skipped. A packet that fails the tag, replays, or does not parse is dropped whole and
 * counted. No allocation per packet. Confined to the endpoint's event loop.
 */
final class RtcpReception {
    private static final int SENDER_REPORT = 200;
    private static final int RECEIVER_REPORT = 201;
    private static final int BLOCK = 24;
    private static final int SENDER_INFO = 20;
    private static final int STREAMS = 4;

    private final SrtcpReceiver receiver;
    private final double clockRate;
    private final ReceptionReports reports;
    private long refused;
    private long readReports;
    /**
     * The streams last reported on and the highest cumulative loss told for each: the session's endpoint sends the
     * browser one stream after another (a relayed contact, music, a conference), and a report may name two.
     */
    private final int[] sources = new int[STREAMS];
    private final long[] highestLost = new long[STREAMS];
    private final long[] lastUse = new long[STREAMS];

    RtcpReception(SrtcpReceiver receiver, int clockRate, ReceptionReports reports) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.clockRate = clockRate;
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    /** One SRTCP packet from the browser's selected address, between reader and writer index (decrypted in place). */
    void receive(ByteBuf packet) {
        SrtpReceiver.Verdict verdict = receiver.unprotect(packet);
        if (verdict == SrtpReceiver.Verdict.OK && !wellFormed(packet)) {
            verdict = SrtpReceiver.Verdict.MALFORMED;
        }
        if (verdict != SrtpReceiver.Verdict.OK) {
            refused++;
            reports.dropped(verdict);
            return;
        }
        int end = packet.writerIndex();
        for (int at = packet.readerIndex(); at < end; at += length(packet, at)) {
            int type = packet.getUnsignedByte(at + 1);
            if (type == SENDER_REPORT || type == RECEIVER_REPORT) {
                int blocks = at + (type == SENDER_REPORT ? 8 + SENDER_INFO : 8);
                int count = packet.getUnsignedByte(at) & 0x1F;
                for (int i = 0; i < count; i++) {
                    block(packet, blocks + i * BLOCK);
                }
            }
        }
    }

    /** Every packet of the compound is version 2 and fits, and every report's blocks fit in its packet. */
    private static boolean wellFormed(ByteBuf packet) {
        int end = packet.writerIndex();
        int at = packet.readerIndex();
        if (at == end) {
            return false;
        }
        while (at < end) {
            if (end - at < 4 || packet.getUnsignedByte(at) >> 6 != 2) {
                return false;
            }
            int length = length(packet, at);
            int type = packet.getUnsignedByte(at + 1);
            int count = packet.getUnsignedByte(at) & 0x1F;
            int needed = type == SENDER_REPORT ? 8 + SENDER_INFO + count * BLOCK
                    : type == RECEIVER_REPORT ? 8 + count * BLOCK : 4;
            if (length > end - at || needed > length) {
                return false;
            }
            at += length;
        }
        return true;
    }

    /** The RTCP packet's length in bytes: its length field counts 32-bit words minus one. */
    private static int length(ByteBuf packet, int at) {
        return (packet.getUnsignedShort(at + 2) + 1) * 4;
    }

    private void block(ByteBuf packet, int at) {
        int source = packet.getInt(at);
        double fraction = packet.getUnsignedByte(at + 4) / 256.0;
        long cumulative = packet.getMedium(at + 5); // signed 24 bits: duplicates may make it negative
        double jitter = packet.getUnsignedInt(at + 12) / clockRate;
        readReports++;
        int slot = slot(source);
        long newlyLost = 0;
        if (lastUse[slot] == 0 || sources[slot] != source) {
            sources[slot] = source; // a stream not reported on before (or forgotten): all it lost is new
            highestLost[slot] = Math.max(cumulative, 0);
            newlyLost = highestLost[slot];
        } else if (cumulative > highestLost[slot]) {
            newlyLost = cumulative - highestLost[slot];
            highestLost[slot] = cumulative;
        }
        lastUse[slot] = readReports;
        reports.report(fraction, newlyLost, jitter);
    }

    /** The slot of {@code source}, else the least recently used one. */
    private int slot(int source) {
        int oldest = 0;
        for (int i = 0; i < STREAMS; i++) {
            if (lastUse[i] != 0 && sources[i] == source) {
                return i;
            }
            if (lastUse[i] < lastUse[oldest]) {
                oldest = i;
            }
        }
        return oldest;
    }

    /** RTCP packets dropped: unauthenticated, replayed or malformed. */
    long refused() {
        return refused;
    }

    /** Report blocks read. */
    long reports() {
        return readReports;
    }
}
