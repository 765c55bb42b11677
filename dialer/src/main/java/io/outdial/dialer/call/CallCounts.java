package io.outdial.dialer.call;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The paced modes' calls in progress, counted in one place: progressive and predictive contact calls, and engaged
 * agents' calls (assured connection, ASM: one per engaged agent, whose contacts ride on it). {@link #idle()} is the
 * one question whether any of them is still up (shutdown drains them). Owned by the registry
 * ({@link Assignments#calls()}). The counts may be read from any thread; the rest is dialer executor only.
 */
public final class CallCounts {
    private final Map<PacedMode, Integer> byMode = new EnumMap<>(PacedMode.class);
    private final IdleWaiters waiters = new IdleWaiters();
    /** Written on the dialer executor only. */
    private volatile int total;

    /** A call of {@code mode} was placed. */
    void started(PacedMode mode) {
        byMode.merge(mode, 1, Integer::sum);
        total++;
    }

    /** A call of {@code mode} is over; the last one completes every {@link #idle()} waiting. */
    void ended(PacedMode mode) {
        int left = byMode.merge(mode, -1, Integer::sum);
        if (left < 0) {
            throw new IllegalStateException("more " + mode + " calls ended than started");
        }
        total--;
        if (total == 0) {
            waiters.idle();
        }
    }

    /** Calls of every paced mode between dial and hang-up; safe from any thread. */
    public int inProgress() {
        return total;
    }

    /** Calls of {@code mode} between dial and hang-up. Dialer only. */
    public int inProgress(PacedMode mode) {
        return byMode.getOrDefault(mode, 0);
    }

    /** Completes when no call of any paced mode is left (at once if none is up). Dialer only. */
    public CompletableFuture<Void> idle() {
        return waiters.await(total == 0);
    }
}
