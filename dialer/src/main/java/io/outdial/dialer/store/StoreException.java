package io.outdial.dialer.store;

/** The calling-list database failed (connection lost, constraint broken): not a caller's mistake. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
