package io.outdial.sip.call;

/** A pending timer. */
@FunctionalInterface
public interface Cancellable {
    /** Stops the timer if it has not fired yet. Idempotent. */
    void cancel();
}
