package io.outdial.core.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed worker pools whose hand-off never parks the caller: the pool that runs every {@link CallExecutor}, and the
 * database pool calls hand their queries to. The caller is a SIP callback, a media event loop or a call's executor,
 * so the queue is the lock-free
 * {@link LinkedTransferQueue} rather than the {@code LinkedBlockingQueue} of {@code Executors.newFixedThreadPool},
 * whose {@code offer} takes a lock that parks under contention; and every thread is started up front, so
 * {@code execute} never takes the pool's own lock to add one.
 */
public final class WorkerPools {
    private WorkerPools() {
    }

    /** A pool of {@code threads} daemon threads named {@code prefix-N}, all started. */
    public static ExecutorService start(int threads, String prefix) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedTransferQueue<>(), r -> {
                    Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.prestartAllCoreThreads();
        return pool;
    }
}
