package io.outdial.core.exec;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serial executor of one call (an actor): tasks run one at a time, in submission order, on a shared worker
 * pool. Every state change of a call and its legs happens here, so call state needs no locks. The hand-off takes no
 * lock either: tasks go into a lock-free queue and one compare-and-set decides who schedules the drain, so a SIP
 * callback or an event loop that enqueues never waits for a worker.
 */
public final class CallExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(CallExecutor.class);
    /** Tasks run per turn on a worker before it is yielded, so one busy call cannot starve the others. */
    static final int BATCH = 64;

    private final String name;
    private final Executor workers;
    private final Scheduler scheduler;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    /** True from the moment a drain is handed to the workers until that drain finds the queue empty. */
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Scheduler timers = new Scheduler() {
        @Override
        public java.time.Instant now() {
            return scheduler.now();
        }

        @Override
        public Cancellable schedule(java.time.Duration delay, Runnable task) {
            return CallExecutor.this.schedule(delay, task);
        }
    };

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
        queue.add(Objects.requireNonNull(task));
        if (scheduled.compareAndSet(false, true)) {
            workers.execute(this::drain);
        }
    }

    /** Runs {@code task} on this executor after {@code delay}; cancelling it after it started has no effect. */
    public Cancellable schedule(java.time.Duration delay, Runnable task) {
        return scheduler.schedule(delay, () -> execute(task));
    }

    /**
     * This executor's clock as a {@link Scheduler} whose timers run on this executor: for a part that must schedule
     * its own timers (a countdown, a logout delay) and may only touch its state here.
     */
    public Scheduler timers() {
        return timers;
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            Runnable next = queue.poll();
            if (next == null) {
                scheduled.set(false);
                // A task added between the poll and the set found the flag still true and did not schedule: take the
                // turn back if nobody else has.
                if (queue.isEmpty() || !scheduled.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.error("task failed on call executor {}", name, e);
            } catch (Error e) {
                // Not swallowed: the worker's thread sees it. The call's other tasks still run, on the next turn.
                LOG.error("task failed with an error on call executor {}", name, e);
                workers.execute(this::drain);
                throw e;
            }
        }
        workers.execute(this::drain);
    }
}
