package io.outdial.sip.call;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serial executor of one call (an actor): tasks run one at a time, in submission order, on a shared worker
 * pool. Every state change of a call and its legs happens here, so call state needs no locks.
 */
public final class CallExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(CallExecutor.class);

    private final String name;
    private final Executor workers;
    private final Scheduler scheduler;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    public CallExecutor(String name, Executor workers, Scheduler scheduler) {
        this.name = Objects.requireNonNull(name);
        this.workers = Objects.requireNonNull(workers);
        this.scheduler = Objects.requireNonNull(scheduler);
    }

    public String name() {
        return name;
    }

    /** The clock and timer source for this call; timers it fires run on this executor. */
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task);
        boolean start;
        synchronized (queue) {
            queue.add(task);
            start = !running;
            running = true;
        }
        if (start) {
            workers.execute(this::drain);
        }
    }

    /** Runs {@code task} on this executor after {@code delay}; cancelling it after it started has no effect. */
    public Cancellable schedule(java.time.Duration delay, Runnable task) {
        return scheduler.schedule(delay, () -> execute(task));
    }

    private void drain() {
        // Run a bounded batch, then yield the worker so one busy call cannot starve the others.
        for (int i = 0; i < 64; i++) {
            Runnable next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                LOG.error("task failed on call executor {}", name, e);
            }
        }
        workers.execute(this::drain);
    }
}
