package io.outdial.media.player;

import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A {@link PlayoutClock} in virtual time: timers run when {@link #advanceTo} passes their time, each late by a
 * random lateness up to {@code maxLatenessNanos}, as a busy event loop's timers are.
 */
public final class VirtualClock implements PlayoutClock {

    private record Timer(long at, long order, Runnable task) {
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private final SplittableRandom random = new SplittableRandom(11);
    private final long maxLatenessNanos;
    private long now = 1_000_000_000L;
    private long order;

    public VirtualClock(long maxLatenessNanos) {
        this.maxLatenessNanos = maxLatenessNanos;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
        long lateness = maxLatenessNanos == 0 ? 0 : random.nextLong(maxLatenessNanos + 1);
        timers.add(new Timer(now + Math.max(0, delayNanos) + lateness, order++, task));
    }

    public void advanceTo(long time) {
        while (!timers.isEmpty() && timers.peek().at <= time) {
            Timer t = timers.poll();
            now = Math.max(now, t.at);
            t.task.run();
        }
        now = Math.max(now, time);
    }

    public void advanceBy(long nanos) {
        advanceTo(now + nanos);
    }

    /** Moves time on without running timers: the event loop was stuck. */
    void stall(long nanos) {
        now += nanos;
    }
}
