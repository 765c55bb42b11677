package io.outdial.sip.ua;

import io.outdial.sip.ua.logging.Refusal;
import io.outdial.sip.ua.logging.RefusalSummary;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Answers requests that belong to none of our legs. Trunks ping us with OPTIONS; inbound calls are refused with 403
 * because the gateway only dials out; REGISTER goes to the built-in registrar; requests for dialogs we do not know
 * get 481.
 */
final class OutOfDialogRequests {
    /** The reason phrase of our 403 to inbound INVITEs. */
    static final String INBOUND_REFUSED = "Forbidden (outbound-only gateway: inbound calls are not accepted)";

    private final SipMessages messages;
    private final RegisterRequests registrar;

    OutOfDialogRequests(SipMessages messages, RegisterRequests registrar) {
        this.messages = messages;
        this.registrar = registrar;
    }

    /** {@code st} is null only for ACK. Runs on a worker thread, never on a SIP listener thread. */
    void handle(Request request, ServerTransaction st) {
        if (st == null) {
            return;
        }
        String method = request.getMethod();
        switch (method) {
            case Request.OPTIONS -> respond(request, st, Response.OK, null);
            case Request.INVITE -> respond(request, st, Response.FORBIDDEN, INBOUND_REFUSED);
            case Request.BYE, Request.CANCEL, Request.INFO, Request.UPDATE, Request.PRACK, Request.NOTIFY ->
                    respond(request, st, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            case Request.REGISTER -> registrar.handle(request, st);
            case Request.SUBSCRIBE, Request.MESSAGE, Request.PUBLISH, Request.REFER ->
                    respond(request, st, Response.METHOD_NOT_ALLOWED, null);
            default -> respond(request, st, Response.NOT_IMPLEMENTED, null);
        }
    }

    private void respond(Request request, ServerTransaction st, int status, String reason) {
        try {
            messages.respond(st, request, status, reason, null);
        } catch (Exception e) {
            RefusalSummary.report(Refusal.UNANSWERED,
                    "out-of-dialog " + request.getMethod() + " with " + status + ": " + e);
        }
    }
}
