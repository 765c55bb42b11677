package io.outdial.media.webrtc;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few threads DTLS handshakes block on (BouncyCastle's DTLS API is blocking): shared by every browser leg of
 * the gateway, so there is no thread per stream, and bounded in threads and queue, so a burst of logins waits
 * rather than grows the pool. A handshake takes a few round trips; the pool is busy only while agents connect.
 */
public final class WebRtcHandshakes implements Executor, AutoCloseable {
    private final ThreadPoolExecutor pool;

    /** @param threads handshakes run at once; @param queue handshakes waiting beyond those */
    public WebRtcHandshakes(int threads, int queue) {
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "outdial-dtls-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** @throws RejectedExecutionException when the queue is full or the pool is closed */
    @Override
    public void execute(Runnable command) {
        pool.execute(command);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
