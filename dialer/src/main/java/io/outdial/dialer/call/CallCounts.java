package io.outdial.dialer.call;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Every mode's calls in progress, counted in one place: the paced modes' (progressive and predictive contact calls,
 * and engaged agents' calls: assured connection, ASM, one per engaged agent, whose contacts ride on it) by mode, and
 * the preview desk's (preview and push preview calls, registered with {@link Assignments#addPreview}) apart, so
 * {@link #inProgress()} stays the paced modes' figure. {@link #idle()} is the one question whether any call of any
 * mode is still up (shutdown drains them). Owned by the registry ({@link Assignments#calls()}). The counts may be read
 * from any thread; the rest is dialer executor only.
 */
public final class CallCounts {
    private final Map<PacedMode, Integer> byMode = new EnumMap<>(PacedMode.class);
    private final IdleWaiters waiters = new IdleWaiters();
    /** Written on the dialer executor only. */
    private volatile int total;
    /** The preview desk's calls (preview, push preview) up; written on the dialer executor only. */
    private volatile int previews;

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
        wakeIfIdle();
    }

    /** A preview desk's call (preview, push preview) was placed. */
    void previewStarted() {
        previews++;
    }

    /** A preview desk's call is over; the last call of any mode completes every {@link #idle()} waiting. */
    void previewEnded() {
        if (previews == 0) {
            throw new IllegalStateException("more preview calls ended than started");
        }
        previews--;
        wakeIfIdle();
    }

    private void wakeIfIdle() {
        if (total == 0 && previews == 0) {
            waiters.idle();
        }
    }

    /** Calls of every paced mode between dial and hang-up (not the preview desk's); safe from any thread. */
    public int inProgress() {
        return total;
    }

    /** Calls of {@code mode} between dial and hang-up. Dialer only. */
    public int inProgress(PacedMode mode) {
        return byMode.getOrDefault(mode, 0);
    }

    /** The preview desk's calls (preview, push preview) between dial and hang-up; safe from any thread. */
    public int previews() {
        return previews;
    }

    /**
     * Completes when no call of any mode is left, paced or the preview desk's (at once if none is up). Dialer only.
     */
    public CompletableFuture<Void> idle() {
        return waiters.await(total == 0 && previews == 0);
    }
}
