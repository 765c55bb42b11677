package io.outdial.dialer.call;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Cancellable;
import io.outdial.sip.LegListener;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What every call does with its steps on its serial executor, however many legs it has: each step and each leg event
 * guarded against our own failures (a bug, a refused bridge, no RTP port), which go to the call's {@code failedHere}
 * instead of the executor's log, so that the call is hung up instead of stranded; and the reaper, which finishes a
 * call whose legs all vanished unnoticed. {@link TwoLegCall} (two legs) and {@link EngagingCall} (the agent's leg
 * alone) are built on it, each leg a {@link CallLeg}. Call's executor only.
 */
final class CallSteps {
    private final CallExecutor executor;
    private final Consumer<RuntimeException> failedHere;
    private Cancellable reapTimer = () -> { };

    CallSteps(CallExecutor executor, Consumer<RuntimeException> failedHere) {
        this.executor = Objects.requireNonNull(executor);
        this.failedHere = Objects.requireNonNull(failedHere);
    }

    CallExecutor executor() {
        return executor;
    }

    /** The call's own failure, as if a guarded step had thrown it. */
    void failed(RuntimeException e) {
        failedHere.accept(e);
    }

    /** {@code step}, with our own failure in it handed to the call's {@code failedHere}. */
    Runnable guarded(Runnable step) {
        return () -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                failedHere.accept(e);
            }
        };
    }

    /** {@code listener}, with our own failure in it handed to the call's {@code failedHere}. */
    LegListener guarded(LegListener listener) {
        return event -> {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                failedHere.accept(e);
            }
        };
    }

    /**
     * The reaper: from now on looks every {@code every} whether the call's legs are {@code gone} while the call is not
     * {@code finished} (an event it never acted on, a path nobody foresaw), which would hold its record, its agent and
     * the calls-in-progress gauge for ever; then {@code reap} finishes it, once. Looks until the call is finished, it
     * reaped, or {@link #stopReaping}.
     */
    void reapEvery(Duration every, BooleanSupplier finished, BooleanSupplier gone, Runnable reap) {
        reapTimer = executor.schedule(every, () -> {
            if (finished.getAsBoolean()) {
                return;
            }
            if (gone.getAsBoolean()) {
                reap.run();
                return;
            }
            reapEvery(every, finished, gone, reap);
        });
    }

    void stopReaping() {
        reapTimer.cancel();
    }
}
