package io.outdial.sip.ua.guard;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;

/** RFC 3261 8.1.1 / 20: the headers every request and response must carry before anything may look at them. */
final class MandatoryHeaders {
    private MandatoryHeaders() {
    }

    /** A plain reason phrase naming what {@code message} lacks, or null if it has every mandatory header. */
    static String missing(SIPMessage message) {
        if (message.getTopmostVia() == null) {
            return "Missing Via header";
        }
        if (message.getFrom() == null) {
            return "Missing From header";
        }
        if (message.getTo() == null) {
            return "Missing To header";
        }
        if (message.getCallId() == null) {
            return "Missing Call-ID header";
        }
        if (message.getCSeq() == null) {
            return "Missing CSeq header";
        }
        if (message instanceof SIPRequest request) {
            if (request.getRequestLine() == null || request.getMethod() == null) {
                return "Missing request line";
            }
            if (!request.getMethod().equalsIgnoreCase(request.getCSeq().getMethod())) {
                return "CSeq method does not match the request method";
            }
        }
        return null;
    }

    /**
     * A plain reason phrase for a parse failure of the header named {@code headerName} (hostile text: used only if
     * it looks like a header name) or of class {@code headerClass}; e.g. "Malformed Via header".
     */
    static String malformed(Class<?> headerClass, String headerName) {
        if (headerClass != null) {
            String simple = headerClass.getSimpleName();
            return switch (simple) {
                case "RequestLine" -> "Malformed request line";
                case "StatusLine" -> "Malformed status line";
                case "CallID" -> "Malformed Call-ID header";
                case "ContentLength" -> "Malformed Content-Length header";
                default -> simple.matches("[A-Za-z]{1,32}") ? "Malformed " + simple + " header" : "Malformed header";
            };
        }
        if (headerName != null) {
            int colon = headerName.indexOf(':');
            String name = (colon < 0 ? headerName : headerName.substring(0, colon)).strip();
            if (name.matches("[A-Za-z][A-Za-z0-9-]{0,31}")) {
                return "Malformed " + name + " header";
            }
        }
        return "Malformed message";
    }
}
