package io.outdial.sip.ua.guard;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    /** Header names (long and compact form, lower case) that a message may carry once only (RFC 3261 7.3.1, 20). */
    private static final Map<String, String> SINGLE = Map.ofEntries(
            Map.entry("call-id", "Call-ID"), Map.entry("i", "Call-ID"),
            Map.entry("cseq", "CSeq"), Map.entry("from", "From"), Map.entry("f", "From"),
            Map.entry("to", "To"), Map.entry("t", "To"),
            Map.entry("max-forwards", "Max-Forwards"),
            Map.entry("content-length", "Content-Length"), Map.entry("l", "Content-Length"));

    /**
     * A plain reason phrase if the header section of {@code raw} carries one of Call-ID, CSeq, From, To, Max-Forwards
     * or Content-Length twice (JAIN-SIP's parser keeps one of them silently), else null. Reads the raw bytes once,
     * up to the first empty line.
     */
    static String duplicated(byte[] raw) {
        Set<String> seen = new HashSet<>();
        int lineStart = 0;
        boolean firstLine = true;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '\n') {
                continue;
            }
            int end = i > lineStart && raw[i - 1] == '\r' ? i - 1 : i;
            if (end == lineStart) {
                return null; // the end of the headers
            }
            if (!firstLine && raw[lineStart] != ' ' && raw[lineStart] != '\t') {
                int colon = -1;
                for (int j = lineStart; j < end && j - lineStart < 40; j++) {
                    if (raw[j] == ':') {
                        colon = j;
                        break;
                    }
                }
                if (colon > lineStart) {
                    String name = new String(raw, lineStart, colon - lineStart, StandardCharsets.ISO_8859_1)
                            .strip().toLowerCase(Locale.ROOT);
                    String canonical = SINGLE.get(name);
                    if (canonical != null && !seen.add(canonical)) {
                        return "Duplicate " + canonical + " header";
                    }
                }
            }
            firstLine = false;
            lineStart = i + 1;
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
