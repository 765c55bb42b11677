package io.outdial.media.record;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes every recording of a gateway: a fixed pool of PCM chunks shared by all recorders (the memory recordings
 * may hold is {@code chunks} x {@value #CHUNK_BYTES} bytes, whatever the number of calls) and the worker pool their
 * files are written on. Recorders take a chunk without waiting ({@link #take()} gives null when none is free) and
 * the writer gives it back once written.
 */
public final class RecordingWriter {

    /** Stereo frames per chunk: one second of audio. */
    public static final int CHUNK_FRAMES = 50;
    /** One 20 ms stereo frame: 160 samples x 2 channels x 16 bits. */
    public static final int FRAME_BYTES = 160 * 2 * 2;
    public static final int CHUNK_BYTES = CHUNK_FRAMES * FRAME_BYTES;

    private final ArrayBlockingQueue<byte[]> free;
    private final Executor workers;
    private final int chunks;
    private final AtomicLong failures = new AtomicLong();

    /**
     * @param chunks  chunks in the pool (each {@value #CHUNK_BYTES} bytes); at least 2 per recording running at once
     *                lets one fill while the other is written
     * @param workers where files are opened, written and closed (blocking I/O: never an event loop)
     */
    public RecordingWriter(int chunks, Executor workers) {
        if (chunks < 2) {
            throw new IllegalArgumentException("a recording writer needs at least 2 chunks, got " + chunks);
        }
        this.chunks = chunks;
        this.workers = workers;
        this.free = new ArrayBlockingQueue<>(chunks);
        for (int i = 0; i < chunks; i++) {
            free.add(new byte[CHUNK_BYTES]);
        }
    }

    /**
     * Starts a WAV file at {@code file}: audio goes to {@code file + ".part"} and is moved to {@code file} when the
     * output closes, so a file under its final name is always whole. {@code onFailure} hears of the first failure,
     * on a worker thread.
     */
    public RecordingOutput open(Path file, java.util.function.Consumer<Throwable> onFailure) {
        return new RecordingOutput(file, this, workers, onFailure);
    }

    /** A free chunk, or null when every chunk is in use (never waits). */
    byte[] take() {
        return free.poll();
    }

    void give(byte[] chunk) {
        free.offer(chunk);
    }

    void failed() {
        failures.incrementAndGet();
    }

    /** Chunks free now (the rest are being filled or written). */
    public int freeChunks() {
        return free.size();
    }

    public int chunks() {
        return chunks;
    }

    /** Recordings whose file could not be written, since start. */
    public long failures() {
        return failures.get();
    }
}
