package io.outdial.sip.testing;

import io.outdial.sip.LegEvent;
import io.outdial.sip.LegListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records a leg's events for a test, which then waits for them in order, each with a time limit. */
public final class LegEvents implements LegListener {
    private final LinkedBlockingQueue<LegEvent> queue = new LinkedBlockingQueue<>();
    private final List<LegEvent> seen = new ArrayList<>();

    @Override
    public void onEvent(LegEvent event) {
        queue.add(event);
    }

    /** The next event, or an AssertionError naming what came so far if none comes within {@code limit}. */
    public LegEvent next(Duration limit) throws InterruptedException {
        LegEvent e = queue.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
            throw new AssertionError("no leg event within " + limit + "; so far " + seen);
        }
        seen.add(e);
        return e;
    }

    /** Skips events until one of {@code type} comes, and returns it. */
    public <T extends LegEvent> T awaitType(Class<T> type, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            LegEvent e = next(Duration.ofNanos(Math.max(0, left)));
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
    }

    /** Waits for events until a terminal one (Failed or Ended), and returns every event seen, in order. */
    public List<LegEvent> untilTerminal(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (seen.isEmpty() || !isTerminal(seen.get(seen.size() - 1))) {
            next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        return List.copyOf(seen);
    }

    /** Events taken so far. */
    public List<LegEvent> seen() {
        return List.copyOf(seen);
    }

    /** The simple class names of the events taken so far, e.g. [Trying, Ringing, Answered]. */
    public List<String> names() {
        return seen.stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    private static boolean isTerminal(LegEvent e) {
        return e instanceof LegEvent.Failed || e instanceof LegEvent.Ended;
    }
}
