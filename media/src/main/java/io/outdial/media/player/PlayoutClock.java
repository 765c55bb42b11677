package io.outdial.media.player;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The time and timers a {@link ClipPlayer} runs on: in production a scheduled executor (a Netty event loop is one),
 * in tests a virtual clock, so that pacing is proved over minutes of audio in milliseconds of test.
 */
public interface PlayoutClock {

    /** Monotonic time in nanoseconds. */
    long nanoTime();

    /** Runs {@code task} once, {@code delayNanos} from now (at once if not positive), on the clock's thread. */
    void schedule(Runnable task, long delayNanos);

    /** A clock backed by {@link System#nanoTime()} and {@code executor}'s timers. */
    static PlayoutClock of(ScheduledExecutorService executor) {
        return new PlayoutClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void schedule(Runnable task, long delayNanos) {
                executor.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            }
        };
    }
}
