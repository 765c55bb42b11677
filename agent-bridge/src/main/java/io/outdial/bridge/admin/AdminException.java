package io.outdial.bridge.admin;

/** A refused admin request, with the HTTP status to answer (400, 404, 409, ...). */
public class AdminException extends RuntimeException {
    private final int status;

    public AdminException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
