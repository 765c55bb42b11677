package io.outdial.bridge.cti;

/** A refused CTI request; {@code code} is a stable machine-readable reason sent in the error event. */
public class CtiException extends RuntimeException {
    private final String code;

    public CtiException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
