package io.outdial.media.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One WAV file being written (8 kHz, 16-bit, stereo): its chunks are written in order, one task at a time, on the
 * writer's workers. After a failure the rest is dropped (chunks go back to the pool) and the close reports it.
 */
public final class RecordingOutput {

    static final int HEADER_BYTES = 44;

    private final Path file;
    private final Path partial;
    private final RecordingWriter writer;
    private final Executor workers;
    private final Consumer<Throwable> onFailure;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final CompletableFuture<Throwable> closed = new CompletableFuture<>();
    // confined to whichever worker drains (one at a time)
    private FileChannel channel;
    private long dataBytes;
    private Throwable failure;

    RecordingOutput(Path file, RecordingWriter writer, Executor workers, Consumer<Throwable> onFailure) {
        this.file = file;
        this.partial = file.resolveSibling(file.getFileName() + ".part");
        this.writer = writer;
        this.workers = workers;
        this.onFailure = onFailure;
        enqueue(this::openFile);
    }

    /** The file's final name. */
    public Path file() {
        return file;
    }

    /** A free chunk of the writer's pool, or null (see {@link RecordingWriter#take()}). */
    byte[] takeChunk() {
        return writer.take();
    }

    /** Writes {@code length} bytes of {@code chunk} (taken with {@link #takeChunk()}), then gives it back. */
    void write(byte[] chunk, int length) {
        enqueue(() -> {
            try {
                if (failure == null) {
                    ByteBuffer data = ByteBuffer.wrap(chunk, 0, length);
                    while (data.hasRemaining()) {
                        channel.write(data);
                    }
                    dataBytes += length;
                }
            } catch (IOException | RuntimeException e) {
                fail(e);
            } finally {
                writer.give(chunk);
            }
        });
    }

    /** Fills in the header, moves the file to its name; completes with the failure, or null when the file is whole. */
    CompletableFuture<Throwable> close() {
        enqueue(this::closeFile);
        return closed;
    }

    /**
     * Gives up the file without writing more (the recorder could not start): the partial file is deleted, nothing
     * takes the final name. Completes like {@link #close()}.
     */
    public CompletableFuture<Throwable> discard() {
        enqueue(() -> {
            try {
                if (channel != null) {
                    channel.close();
                }
                Files.deleteIfExists(partial);
            } catch (IOException | RuntimeException e) {
                failure = failure == null ? e : failure;
            }
            closed.complete(failure);
        });
        return closed;
    }

    private void openFile() {
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            channel.write(header(0));
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void closeFile() {
        try {
            if (channel != null) {
                if (failure == null) {
                    channel.write(header(dataBytes), 0);
                    channel.force(false);
                }
                channel.close();
            }
            if (failure == null) {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
        closed.complete(failure);
    }

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e;
            writer.failed();
            onFailure.accept(e);
        }
    }

    /** The canonical 44-byte header of a PCM WAV file holding {@code dataBytes} of audio. */
    static ByteBuffer header(long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (36 + dataBytes)).put(new byte[] {'W', 'A', 'V', 'E'});
        h.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(8000).putInt(8000 * 4).putShort((short) 4).putShort((short) 16);
        h.put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) dataBytes);
        return h.flip();
    }

    private void enqueue(Runnable task) {
        tasks.add(task);
        if (draining.compareAndSet(false, true)) {
            workers.execute(this::drain);
        }
    }

    private void drain() {
        Runnable next;
        while ((next = tasks.poll()) != null) {
            try {
                next.run();
            } catch (RuntimeException e) {
                fail(e);
            }
        }
        draining.set(false);
        if (!tasks.isEmpty() && draining.compareAndSet(false, true)) {
            workers.execute(this::drain);
        }
    }
}
