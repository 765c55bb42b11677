package io.outdial.media.rtp;

import io.netty.buffer.ByteBuf;
import io.outdial.media.Codec;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * The RTP stream one endpoint sends to its peer: our own SSRC, and sequence numbers and timestamps that stay
 * contiguous whatever feeds the stream (a relayed phone, later a player), so the peer sees one unbroken stream.
 *
 * <p>Each packet keeps its source's spacing: sequence number and timestamp are shifted by offsets fixed when a
 * source starts. A source is known by its SSRC; when it changes the offsets are re-based so that the stream goes on
 * from where it was, the timestamp advanced by the wall-clock time elapsed, and the marker bit tells the peer to
 * resynchronise its jitter buffer. Not thread-safe: one thread (the endpoint's event loop) stamps.
 */
public final class OutboundStream {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int ssrc;
    private final LongSupplier nanoClock;

    private boolean started;
    private int sourceSsrc;
    private int sequenceOffset;
    private int timestampOffset;
    private int lastSequence;
    private int lastTimestamp;
    private long lastSentNanos;
    /** Set by a telephone event: the next packet of any source re-bases, since the event took sequence numbers. */
    private boolean rebaseNext;

    /**
     * @param ssrc           our synchronisation source
     * @param firstSequence  sequence number of the first packet (RFC 3550 wants it random)
     * @param firstTimestamp timestamp of the first packet (random as well)
     * @param nanoClock      monotonic time in nanoseconds, to advance the timestamp across a change of source
     */
    public OutboundStream(int ssrc, int firstSequence, int firstTimestamp, LongSupplier nanoClock) {
        this.ssrc = ssrc;
        this.nanoClock = nanoClock;
        // the first packet re-bases onto the packet "before" it
        this.lastSequence = (firstSequence - 1) & 0xFFFF;
        this.lastTimestamp = firstTimestamp;
    }

    /** A stream with a random SSRC, first sequence number and first timestamp, timed by {@link System#nanoTime}. */
    public static OutboundStream random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new OutboundStream(random.nextInt(), random.nextInt(0x10000), random.nextInt(), System::nanoTime);
    }

    public int ssrc() {
        return ssrc;
    }

    /** Rewrites SSRC, sequence number and timestamp of a valid RTP packet in place (and the marker on a re-base). */
    public void stamp(ByteBuf packet) {
        int inSsrc = RtpHeader.ssrc(packet);
        int inSequence = RtpHeader.sequence(packet);
        int inTimestamp = RtpHeader.timestamp(packet);
        long now = nanoClock.getAsLong();
        if (!started || inSsrc != sourceSsrc || rebaseNext) {
            rebaseNext = false;
            int nextTimestamp = started ? lastTimestamp + samplesSinceLastPacket(now) : lastTimestamp;
            sequenceOffset = lastSequence + 1 - inSequence;
            timestampOffset = nextTimestamp - inTimestamp;
            sourceSsrc = inSsrc;
            started = true;
            RtpHeader.setMarker(packet, true);
        }
        int sequence = (inSequence + sequenceOffset) & 0xFFFF;
        int timestamp = inTimestamp + timestampOffset;
        RtpHeader.setSsrc(packet, ssrc);
        RtpHeader.setSequence(packet, sequence);
        RtpHeader.setTimestamp(packet, timestamp);
        // a late (reordered) packet must not pull the re-base point backwards
        if (((sequence - lastSequence) & 0xFFFF) < 0x8000) {
            lastSequence = sequence;
            lastTimestamp = timestamp;
        }
        lastSentNanos = now;
    }

    /**
     * The timestamp of a telephone event (RFC 4733) starting now: where the stream would go on from, as a new source
     * would. Every packet of that event carries it; see {@link #stampEvent} and {@link #endEvent}.
     */
    public int eventTimestamp() {
        return started ? lastTimestamp + samplesSinceLastPacket(nanoClock.getAsLong()) : lastTimestamp;
    }

    /**
     * Stamps our SSRC and the next sequence number on a telephone-event packet whose timestamp (from
     * {@link #eventTimestamp}) is already set, and makes whatever source comes next re-base after it.
     */
    public void stampEvent(ByteBuf packet) {
        int sequence = (lastSequence + 1) & 0xFFFF;
        RtpHeader.setSsrc(packet, ssrc);
        RtpHeader.setSequence(packet, sequence);
        lastSequence = sequence;
        lastSentNanos = nanoClock.getAsLong();
        started = true;
        rebaseNext = true;
    }

    /** Moves the stream's time past an event that started at {@code eventTimestamp} and lasted that many samples. */
    public void endEvent(int eventTimestamp, int durationSamples) {
        lastTimestamp = eventTimestamp + durationSamples;
        lastSentNanos = nanoClock.getAsLong();
    }

    private int samplesSinceLastPacket(long now) {
        long samples = (now - lastSentNanos) * Codec.CLOCK_RATE / NANOS_PER_SECOND;
        // at least one frame, so the new source never overlaps the audio of the last packet sent
        return (int) Math.max(samples, Codec.SAMPLES_PER_FRAME);
    }
}
