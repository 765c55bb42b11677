package io.outdial.core.exec;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A scheduler whose clock only moves when told to: tests advance it and due timers run on the calling thread.
 * Not thread-safe by design; drive it from one test thread.
 */
public final class VirtualScheduler implements Scheduler {
    private record Timer(Instant due, long seq, Runnable task, boolean[] cancelled) { }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> {
        int c = a.due.compareTo(b.due);
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    });
    private Instant now;
    private long seq;

    public VirtualScheduler(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        timers.add(new Timer(now.plus(delay.isNegative() ? Duration.ZERO : delay), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Moves the clock forward by {@code step}, running every timer that falls due on the way, in order. */
    public void advance(Duration step) {
        Instant target = now().plus(step);
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.peek();
                if (next == null || next.due.isAfter(target)) {
                    now = target;
                    return;
                }
                timers.poll();
                now = next.due;
            }
            if (!next.cancelled[0]) {
                next.task.run();
            }
        }
    }

    /** Timers not yet fired or cancelled. */
    public synchronized int pending() {
        return (int) timers.stream().filter(t -> !t.cancelled[0]).count();
    }
}
