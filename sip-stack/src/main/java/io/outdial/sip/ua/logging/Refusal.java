package io.outdial.sip.ua.logging;

/** Why an incoming SIP message was refused or dropped: the reasons the minute summary counts. */
public enum Refusal {
    /** The parser rejected the message (a bad request line, status line or mandatory header). */
    MALFORMED("malformed"),
    /** Parsed, but a mandatory header (Via, From, To, Call-ID, CSeq) is missing or CSeq names another method. */
    MISSING_HEADER("missing-header"),
    /** An out-of-dialog request over its source's rate limit, dropped unanswered. */
    RATE_LIMITED("rate-limited"),
    /** An out-of-dialog request refused statelessly (403, 405, 481, 501). */
    REFUSED("refused"),
    /** A request we could not answer (no server transaction, or the response failed to send). */
    UNANSWERED("unanswered"),
    /** A response we could not send (the stack's transport error: an unreachable or refusing address). */
    TRANSPORT_ERROR("transport-error"),
    /** A message JAIN-SIP reported as an error or a warning (stray, truncated, unexpected). */
    STACK_ERROR("stack-error");

    private final String label;

    Refusal(String label) {
        this.label = label;
    }

    /** The name in the summary line. */
    public String label() {
        return label;
    }
}
