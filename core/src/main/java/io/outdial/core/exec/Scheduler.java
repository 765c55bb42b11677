package io.outdial.core.exec;

import java.time.Duration;
import java.time.Instant;

/** Time and timers, injected so that timeouts and pacing run in virtual time under test. */
public interface Scheduler {

    /** Now, by this scheduler's clock. */
    Instant now();

    /** Runs {@code task} once after {@code delay} (on a timer thread: hand real work to an executor). */
    Cancellable schedule(Duration delay, Runnable task);
}
