package io.outdial.core.exec;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The wall-clock scheduler: one timer thread for the whole gateway; tasks must only enqueue work.
 *
 * <p>A hashed wheel with 10 ms ticks (Netty's {@link HashedWheelTimer}): scheduling and cancelling go through
 * lock-free queues, so a call executor that arms a ring timer never parks, which a
 * {@code ScheduledThreadPoolExecutor} (one lock shared with its timer thread) cannot promise. Call timers (ring
 * timeouts, the connect window, countdowns) need tens of milliseconds of precision, not better; RTP pacing does not
 * use this scheduler.
 */
public final class SystemScheduler implements Scheduler, AutoCloseable {
    private final HashedWheelTimer timer;

    public SystemScheduler() {
        this.timer = new HashedWheelTimer(r -> {
            Thread t = new Thread(r, "outdial-timer");
            t.setDaemon(true);
            return t;
        }, 10, TimeUnit.MILLISECONDS, 512);
        // Start now: the first newTimeout would otherwise wait on a latch for the timer thread to come up.
        timer.start();
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Timeout t = timer.newTimeout(ignored -> task.run(), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return t::cancel;
    }

    @Override
    public void close() {
        timer.stop();
    }
}
