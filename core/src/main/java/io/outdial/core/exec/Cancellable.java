package io.outdial.core.exec;

/** A pending timer. */
@FunctionalInterface
public interface Cancellable {
    /** Stops the timer if it has not fired yet. Idempotent. */
    void cancel();
}
