package io.outdial.sip.ua.guard;

import gov.nist.javax.sip.message.SIPMessage;
import java.nio.charset.StandardCharsets;

/**
 * What the guarded parser saw in a message's raw bytes that JAIN-SIP's parsed message no longer shows, attached as
 * the message's application data: the RI's parser rewrites any request line's SIP version to SIP/2.0.
 */
public enum InputNote {
    /** The request line names another SIP version than 2.0 (RFC 3261 answers 505). */
    UNSUPPORTED_VERSION;

    /** The note attached to {@code message}, or null. */
    public static InputNote of(Object message) {
        return message instanceof SIPMessage m && m.getApplicationData() instanceof InputNote note ? note : null;
    }

    /** True if {@code raw} is a request whose request line ends in a version other than SIP/2.0. */
    static boolean otherVersion(byte[] raw) {
        int end = 0;
        while (end < raw.length && end < 8192 && raw[end] != '\r' && raw[end] != '\n') {
            end++;
        }
        String line = new String(raw, 0, end, StandardCharsets.ISO_8859_1).strip();
        if (line.regionMatches(true, 0, "SIP/", 0, 4)) {
            return false; // a response
        }
        int space = line.lastIndexOf(' ');
        String version = space < 0 ? "" : line.substring(space + 1);
        return version.regionMatches(true, 0, "SIP/", 0, 4) && !version.equalsIgnoreCase("SIP/2.0");
    }
}
