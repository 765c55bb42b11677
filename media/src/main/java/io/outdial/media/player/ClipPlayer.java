package io.outdial.media.player;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;

/**
 * Plays a {@link MediaClip} to one {@link FrameSink}, once or looped, one frame every 20 ms.
 *
 * <p>Frame n is due at start + n * 20 ms, computed from the start time, never from the previous timer: late timers
 * do not add up, so the stream never drifts however long it plays. A timer that fires late sends every frame due by
 * then (the receiver's jitter buffer absorbs that), up to {@value #MAX_BURST} at once; after a longer stall the
 * missed frames are skipped, since a burst of old audio helps no one. The first frame goes out on the first timer,
 * scheduled at once by {@link #start()}.
 *
 * <p>Thread model: every frame is sent on the clock's thread; {@link #start()} and {@link #stop()} may be called from
 * any thread.
 */
public final class ClipPlayer {

    /** Whether a clip plays once or over and over. */
    public enum Mode { ONCE, LOOP }

    static final long FRAME_NANOS = 20_000_000L;
    static final int MAX_BURST = 5;

    private static final Logger log = LoggerFactory.getLogger(ClipPlayer.class);

    private final MediaClip clip;
    private final FrameSink sink;
    private final PlayoutClock clock;
    private final Mode mode;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    private volatile boolean stopped;
    private boolean started;
    private long startNanos;
    /** Number of the next frame to send, counted from the start (not wrapped at the clip's end). */
    private long next;
    private long skipped;

    public ClipPlayer(MediaClip clip, FrameSink sink, PlayoutClock clock, Mode mode) {
        this.clip = clip;
        this.sink = sink;
        this.clock = clock;
        this.mode = mode;
    }

    /** Starts playing; returns a future completed when a ONCE clip has been sent in full, or on {@link #stop()}. */
    public synchronized CompletableFuture<Void> start() {
        if (started) {
            throw new IllegalStateException("a player plays once; make another");
        }
        started = true;
        startNanos = clock.nanoTime();
        clock.schedule(this::tick, 0);
        return finished;
    }

    /** Stops sending; the frame being sent, if any, is the last. */
    public void stop() {
        stopped = true;
        finished.complete(null);
    }

    /** Frames not sent because the timer stalled for more than {@value #MAX_BURST} frames. */
    public long framesSkipped() {
        return skipped;
    }

    private void tick() {
        if (stopped) {
            return;
        }
        long now = clock.nanoTime();
        long due = (now - startNanos) / FRAME_NANOS; // the latest frame whose time has come
        if (due - next >= MAX_BURST) {
            long skip = due - next - MAX_BURST + 1;
            skipped += skip;
            next += skip;
            log.debug("{}: timer late by {} ms, skipped {} frames", clip.name(), (now - startNanos) / 1_000_000
                    - next * 20, skip);
        }
        while (next <= due) {
            if (mode == Mode.ONCE && next >= clip.frameCount()) {
                stopped = true;
                finished.complete(null);
                return;
            }
            sink.onFrame(clip.frame((int) (next % clip.frameCount())));
            next++;
            if (stopped) {
                return;
            }
        }
        // after a ONCE clip's last frame this tick finds nothing more to send and finishes, 20 ms later, when the
        // listener has heard it
        clock.schedule(this::tick, startNanos + next * FRAME_NANOS - now);
    }
}
