package io.outdial.media.mix;

import io.netty.buffer.ByteBuf;
import io.outdial.media.Codec;
import io.outdial.media.codec.G711;

/**
 * A small conference mixer for up to {@value #MAX_PARTICIPANTS} parties of one call. What each participant sends is
 * decoded from G.711 into 20 ms frames queued in its own slot (a short ring absorbs jitter); on every {@link #tick()}
 * (one per 20 ms of media time, from the caller's clock) each participant is handed the sum, clipped to 16 bits, of
 * the OTHER participants' current frames, encoded in its own codec. Nobody hears itself. Like a relay, a
 * participant is sent nothing in a tick where none of the others sent a frame.
 *
 * <p>Every buffer is allocated up front: receiving and mixing allocate nothing. Packets may arrive on other threads
 * than the ticks; the mixer's monitor guards its slots (short, non-blocking critical sections).
 */
public final class ConferenceMixer {

    public static final int MAX_PARTICIPANTS = 3;
    static final int SAMPLES = Codec.SAMPLES_PER_FRAME;
    /** Frames a participant may be ahead of the ticks before its oldest is dropped. */
    static final int RING = 4;

    /** Where a participant's mix goes; the payload array is reused after the call returns. */
    @FunctionalInterface
    public interface Output {
        void onMixedFrame(byte[] payload, int length);
    }

    private final Codec[] codecs = new Codec[MAX_PARTICIPANTS];
    private final Output[] outputs = new Output[MAX_PARTICIPANTS];
    /** Frames being assembled from packets, one per participant. */
    private final short[][] assembling = new short[MAX_PARTICIPANTS][SAMPLES];
    private final int[] assembled = new int[MAX_PARTICIPANTS];
    /** Whole frames waiting for a tick: a ring per participant. */
    private final short[][][] ring = new short[MAX_PARTICIPANTS][RING][SAMPLES];
    private final int[] ringStart = new int[MAX_PARTICIPANTS];
    private final int[] ringCount = new int[MAX_PARTICIPANTS];
    /** This tick's frame of each participant (silence when none came). */
    private final short[][] current = new short[MAX_PARTICIPANTS][SAMPLES];
    private final boolean[] hasCurrent = new boolean[MAX_PARTICIPANTS];
    private final int[] sum = new int[SAMPLES];
    private final short[] mixed = new short[SAMPLES];
    private final byte[] encoded = new byte[SAMPLES];
    private long framesDropped;

    /**
     * Adds a participant that sends and wants {@code codec}; returns its slot.
     *
     * @throws IllegalStateException when {@value #MAX_PARTICIPANTS} already take part
     */
    public synchronized int join(Codec codec, Output output) {
        for (int slot = 0; slot < MAX_PARTICIPANTS; slot++) {
            if (outputs[slot] == null) {
                codecs[slot] = codec;
                outputs[slot] = output;
                assembled[slot] = 0;
                ringCount[slot] = 0;
                return slot;
            }
        }
        throw new IllegalStateException("a conference takes at most " + MAX_PARTICIPANTS + " participants");
    }

    /** Removes a participant: it is neither heard nor sent anything from now on. */
    public synchronized void leave(int slot) {
        outputs[slot] = null;
        codecs[slot] = null;
        ringCount[slot] = 0;
        assembled[slot] = 0;
    }

    /** Participants taking part. */
    public synchronized int participants() {
        int n = 0;
        for (Output o : outputs) {
            n += o == null ? 0 : 1;
        }
        return n;
    }

    /** Frames dropped because a participant ran more than {@value #RING} frames ahead of the ticks. */
    public synchronized long framesDropped() {
        return framesDropped;
    }

    /** Takes {@code length} G.711 codes of {@code slot}'s codec from {@code payload} at {@code index}. */
    public synchronized void received(int slot, ByteBuf payload, int index, int length) {
        Codec codec = codecs[slot];
        if (codec == null) {
            return;
        }
        short[] frame = assembling[slot];
        boolean ulaw = codec == Codec.PCMU;
        for (int i = 0; i < length; i++) {
            byte code = payload.getByte(index + i);
            frame[assembled[slot]++] = ulaw ? G711.ulawToLinear(code) : G711.alawToLinear(code);
            if (assembled[slot] == SAMPLES) {
                assembled[slot] = 0;
                queue(slot, frame);
            }
        }
    }

    private void queue(int slot, short[] frame) {
        if (ringCount[slot] == RING) {
            ringStart[slot] = (ringStart[slot] + 1) % RING; // the oldest goes: the mix stays current
            ringCount[slot]--;
            framesDropped++;
        }
        int at = (ringStart[slot] + ringCount[slot]) % RING;
        System.arraycopy(frame, 0, ring[slot][at], 0, SAMPLES);
        ringCount[slot]++;
    }

    /** One 20 ms step: each participant is sent the others' current frames, summed and clipped. */
    public synchronized void tick() {
        for (int slot = 0; slot < MAX_PARTICIPANTS; slot++) {
            hasCurrent[slot] = outputs[slot] != null && ringCount[slot] > 0;
            if (hasCurrent[slot]) {
                System.arraycopy(ring[slot][ringStart[slot]], 0, current[slot], 0, SAMPLES);
                ringStart[slot] = (ringStart[slot] + 1) % RING;
                ringCount[slot]--;
            }
        }
        for (int slot = 0; slot < MAX_PARTICIPANTS; slot++) {
            if (outputs[slot] == null) {
                continue;
            }
            java.util.Arrays.fill(sum, 0);
            boolean heard = false;
            for (int other = 0; other < MAX_PARTICIPANTS; other++) {
                if (other == slot || !hasCurrent[other]) {
                    continue;
                }
                heard = true;
                short[] frame = current[other];
                for (int i = 0; i < SAMPLES; i++) {
                    sum[i] += frame[i];
                }
            }
            if (!heard) {
                continue;
            }
            for (int i = 0; i < SAMPLES; i++) {
                mixed[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum[i]));
            }
            G711.encode(codecs[slot], mixed, 0, encoded, 0, SAMPLES);
            outputs[slot].onMixedFrame(encoded, SAMPLES);
        }
    }
}
