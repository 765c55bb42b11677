package io.outdial.bridge.auth;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that check passwords against bcrypt hashes, so event loops and the dialer's executor never wait on
 * one. The queue is bounded: a flood of logins is refused as busy instead of piling up.
 */
public final class PasswordChecks implements AutoCloseable {
    /** Checks waiting at most; more are refused with {@link Busy}. */
    static final int QUEUE = 1024;

    /** Thrown (in the future) when too many checks are already waiting. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too many logins at once: try again in a moment");
        }
    }

    private final Executor pool;

    private PasswordChecks(Executor pool) {
        this.pool = pool;
    }

    /** Checks on the calling thread: for unit tests, where an event loop may wait. */
    public static PasswordChecks onCallingThread() {
        return new PasswordChecks(Runnable::run);
    }

    public PasswordChecks(int threads) {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "outdial-password-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Whether {@code password} matches {@code hash} (null: an unknown account, checked as long), later. */
    public CompletableFuture<Boolean> matches(String password, String hash) {
        try {
            return CompletableFuture.supplyAsync(() -> PasswordHashes.matches(password, hash), pool);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new Busy());
        }
    }

    @Override
    public void close() {
        if (pool instanceof ThreadPoolExecutor threads) {
            threads.shutdownNow();
        }
    }
}
