package io.outdial.dialer.store;

/**
 * A CSV upload that cannot be read as a calling list at all (not CSV, no header, no {@code contact_info} column,
 * broken quoting). Nothing of it was imported. Rows that are merely bad are reported in {@link ImportReport}.
 */
public final class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
