package io.outdial.sip.auth;

/** A challenge or credentials header that does not parse; the message says what is wrong, never the values. */
public final class DigestFormatException extends Exception {
    public DigestFormatException(String message) {
        super(message);
    }
}
