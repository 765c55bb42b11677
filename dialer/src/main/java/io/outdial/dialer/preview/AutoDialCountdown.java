package io.outdial.dialer.preview;

import io.outdial.core.exec.Cancellable;
import io.outdial.core.exec.Scheduler;
import java.time.Duration;
import java.util.Objects;

/**
 * The timed auto-dial of one preview record: dials when the countdown ends unless the agent Calls or Declines
 * first; PauseAutoDial holds it while the agent enters another number, ChangeNumber starts it again from the top.
 * Pure logic on a {@link Scheduler} (the dialer executor in the gateway, virtual time in tests).
 */
public final class AutoDialCountdown {
    private final Scheduler scheduler;
    private final Duration after;
    private final Runnable dial;
    private AutoDialState state;
    private Cancellable timer;

    public AutoDialCountdown(Scheduler scheduler, Duration after, Runnable dial) {
        this.scheduler = Objects.requireNonNull(scheduler);
        this.after = Objects.requireNonNull(after);
        this.dial = Objects.requireNonNull(dial);
    }

    /** Null before {@link #restart()}. */
    public AutoDialState state() {
        return state;
    }

    /** (Re)starts the full countdown: when the record is previewed, and after ChangeNumber. */
    public void restart() {
        state = state == null ? AutoDialState.COUNTING : state.moveTo(AutoDialState.COUNTING);
        cancelTimer();
        timer = scheduler.schedule(after, this::fire);
    }

    /** PauseAutoDial: returns why it cannot be paused, or null when paused (pausing twice is fine). */
    public String pause() {
        if (state == AutoDialState.PAUSED) {
            return null;
        }
        if (state != AutoDialState.COUNTING) {
            return "the auto-dial countdown is " + (state == null ? "not running" : state.name().toLowerCase());
        }
        state = state.moveTo(AutoDialState.PAUSED);
        cancelTimer();
        return null;
    }

    /** The agent Called or Declined, or the record was taken back (no-op once fired or cancelled). */
    public void cancel() {
        if (state == AutoDialState.COUNTING || state == AutoDialState.PAUSED) {
            state = state.moveTo(AutoDialState.CANCELLED);
            cancelTimer();
        }
    }

    /** The countdown announced with the preview: whole seconds, rounded up. */
    public int seconds() {
        return seconds(after);
    }

    private void fire() {
        if (state != AutoDialState.COUNTING) {
            return; // a timer that lost the race with the agent
        }
        timer = null;
        state = state.moveTo(AutoDialState.FIRED);
        dial.run();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private static int seconds(Duration d) {
        return (int) Math.max(0, (d.toMillis() + 999) / 1000);
    }
}
