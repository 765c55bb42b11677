package io.outdial.media.record;

import io.netty.buffer.ByteBuf;
import io.outdial.media.Codec;
import io.outdial.media.Recording;
import io.outdial.media.RtpPeer;
import io.outdial.media.codec.G711;
import io.outdial.media.player.PlayoutClock;
import io.outdial.media.rtp.RtpHeader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Records one endpoint in stereo: the audio it receives from its peer (a contact) on the left channel and the audio
 * it sends to the peer (the agent, a transfer target, a conference's mix) on the right. Packets are decoded into a
 * short ring per side; a clock tick every 20 ms of media time takes one frame of each side (silence when none came,
 * or while paused or muted) and interleaves it into a chunk of the writer's pool, which goes to the writer when
 * full. Ticks keep the two channels in step with each other and the file in step with the call.
 *
 * <p>Everything but the {@link Recording} methods runs on the endpoint's event loop; those hop there.
 */
public final class StereoRecorder implements PacketMonitor, Recording {

    static final int SAMPLES = Codec.SAMPLES_PER_FRAME;
    /** Frames a side may run ahead of the ticks (jitter) before its oldest is dropped. */
    static final int RING = 8;
    static final long FRAME_NANOS = 20_000_000L;
    private static final int RECEIVED = 0;
    private static final int SENT = 1;

    private final Supplier<RtpPeer> peer;
    private final PlayoutClock clock;
    private final Executor loop;
    private final RecordingOutput output;
    private final java.util.function.Consumer<PacketMonitor> detach;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<RecordingSummary> summary = new CompletableFuture<>();
    /** The tick as one object, so that scheduling it allocates no lambda every 20 ms. */
    private final Runnable tickTask = this::tick;

    private final short[][] assembling = new short[2][SAMPLES];
    private final int[] assembled = new int[2];
    private final short[][][] ring = new short[2][RING][SAMPLES];
    private final int[] ringStart = new int[2];
    private final int[] ringCount = new int[2];
    private final short[][] current = new short[2][SAMPLES];
    private byte[] chunk;
    private int chunkFrames;
    private long frames;
    private long framesLost;
    private long startNanos;
    private long ticks;
    private boolean paused;
    private boolean muted;
    private boolean stopped;

    /**
     * @param peer   the endpoint's negotiated peer: packets of its audio payload type are recorded, in its codec
     * @param loop   the endpoint's event loop, where packets, ticks and commands run
     * @param detach removes this recorder from the endpoint, when it stops
     */
    StereoRecorder(Supplier<RtpPeer> peer, PlayoutClock clock, Executor loop, RecordingOutput output,
                   java.util.function.Consumer<PacketMonitor> detach) {
        this.peer = peer;
        this.clock = clock;
        this.loop = loop;
        this.output = output;
        this.detach = detach;
    }

    /** Starts the ticks; call once the recorder monitors its endpoint. */
    public static StereoRecorder start(Supplier<RtpPeer> peer, PlayoutClock clock, Executor loop,
                                       RecordingOutput output, java.util.function.Consumer<PacketMonitor> detach) {
        StereoRecorder recorder = new StereoRecorder(peer, clock, loop, output, detach);
        recorder.onLoop(() -> {
            recorder.startNanos = clock.nanoTime();
            recorder.scheduleTick();
        });
        return recorder;
    }

    @Override
    public void received(ByteBuf packet) {
        take(RECEIVED, packet);
    }

    @Override
    public void sent(ByteBuf packet) {
        take(SENT, packet);
    }

    @Override
    public void pause() {
        onLoop(() -> paused = true);
    }

    @Override
    public void resume() {
        onLoop(() -> paused = false);
    }

    @Override
    public void mute(boolean on) {
        onLoop(() -> muted = on);
    }

    @Override
    public CompletableFuture<RecordingSummary> stop() {
        if (stopping.compareAndSet(false, true)) {
            onLoop(this::finish);
        }
        return summary;
    }

    private void take(int side, ByteBuf packet) {
        RtpPeer negotiated = peer.get();
        if (stopped || negotiated == null || RtpHeader.payloadType(packet) != negotiated.payloadType()) {
            return; // telephone-events, comfort noise and the like are not audio to record
        }
        int offset = RtpHeader.payloadOffset(packet);
        int length = RtpHeader.payloadLength(packet, offset);
        int index = packet.readerIndex() + offset;
        boolean ulaw = negotiated.codec() == Codec.PCMU;
        short[] frame = assembling[side];
        for (int i = 0; i < length; i++) {
            byte code = packet.getByte(index + i);
            frame[assembled[side]++] = ulaw ? G711.ulawToLinear(code) : G711.alawToLinear(code);
            if (assembled[side] == SAMPLES) {
                assembled[side] = 0;
                queue(side, frame);
            }
        }
    }

    private void queue(int side, short[] frame) {
        if (ringCount[side] == RING) {
            ringStart[side] = (ringStart[side] + 1) % RING;
            ringCount[side]--;
        }
        System.arraycopy(frame, 0, ring[side][(ringStart[side] + ringCount[side]) % RING], 0, SAMPLES);
        ringCount[side]++;
    }

    private void tick() {
        if (stopped) {
            return;
        }
        boolean silent = paused || muted;
        for (int side = 0; side < 2; side++) {
            if (ringCount[side] > 0) {
                short[] next = ring[side][ringStart[side]];
                ringStart[side] = (ringStart[side] + 1) % RING;
                ringCount[side]--;
                if (silent) {
                    java.util.Arrays.fill(current[side], (short) 0);
                } else {
                    System.arraycopy(next, 0, current[side], 0, SAMPLES);
                }
            } else {
                java.util.Arrays.fill(current[side], (short) 0);
            }
        }
        writeFrame();
        ticks++;
        scheduleTick();
    }

    private void writeFrame() {
        if (chunk == null) {
            chunk = output.takeChunk();
            if (chunk == null) {
                framesLost++;
                return;
            }
        }
        int at = chunkFrames * RecordingWriter.FRAME_BYTES;
        short[] left = current[RECEIVED];
        short[] right = current[SENT];
        for (int i = 0; i < SAMPLES; i++) {
            chunk[at++] = (byte) left[i];
            chunk[at++] = (byte) (left[i] >> 8);
            chunk[at++] = (byte) right[i];
            chunk[at++] = (byte) (right[i] >> 8);
        }
        frames++;
        if (++chunkFrames == RecordingWriter.CHUNK_FRAMES) {
            output.write(chunk, RecordingWriter.CHUNK_BYTES);
            chunk = null;
            chunkFrames = 0;
        }
    }

    private void scheduleTick() {
        long due = startNanos + (ticks + 1) * FRAME_NANOS;
        try {
            clock.schedule(tickTask, due - clock.nanoTime());
        } catch (RejectedExecutionException e) {
            // the engine is shutting down: the recording ends with what it has
            onLoop(this::finish);
        }
    }

    private void finish() {
        if (stopped) {
            return;
        }
        stopped = true;
        detach.accept(this);
        if (chunk != null) {
            output.write(chunk, chunkFrames * RecordingWriter.FRAME_BYTES);
            chunk = null;
        }
        output.close().thenAccept(failure -> summary.complete(new RecordingSummary(frames, framesLost, failure)));
    }

    private void onLoop(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    /** Frames written so far (event loop; for tests). */
    long frames() {
        return frames;
    }
}
