package io.outdial.bridge.admin;

/**
 * A byte range that selects nothing of the content (416 Range Not Satisfiable); the answer names the content's
 * length ({@code Content-Range: bytes *}{@code /length}) when it is known.
 */
public final class RangeNotSatisfiable extends AdminException {
    private final long length;

    /** @param length the content's length in bytes, or -1 when unknown (a malformed Range header) */
    public RangeNotSatisfiable(String message, long length) {
        super(416, message);
        this.length = length;
    }

    /** The content's length, or -1 when unknown. */
    public long length() {
        return length;
    }
}
