package io.outdial.bridge.cti;

/** A desktop message that is no valid command; carries the {@code requestId} when one could be read. */
public final class InvalidCommandException extends CtiException {
    private final String requestId;

    public InvalidCommandException(String requestId, String code, String message) {
        super(code, message);
        this.requestId = requestId;
    }

    /** The message's requestId, or null if it had none or could not be read. */
    public String requestId() {
        return requestId;
    }

    /** The error event answering the message. */
    public CtiEvent.Error toError() {
        return new CtiEvent.Error(requestId, code(), getMessage());
    }
}
