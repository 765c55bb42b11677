package io.outdial.sip.ua;

import io.outdial.sip.SipTraffic;
import io.outdial.sip.ua.logging.Refusal;
import io.outdial.sip.ua.logging.RefusalSummary;
import java.util.concurrent.Executor;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.Transaction;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAIN-SIP listener. It only finds the leg an event belongs to (by Call-ID) and hands the event to that leg's
 * call executor, or hands out-of-dialog requests to a worker; it never blocks a stack thread.
 */
final class SipDispatcher implements SipListener {
    private static final Logger LOG = LoggerFactory.getLogger(SipDispatcher.class);

    private final SipProvider provider;
    private final LegRegistry legs;
    private final OutOfDialogRequests outOfDialog;
    private final Executor workers;
    private final SipTraffic traffic;
    private final OutOfDialogGate gate;
    private final OutOfDialogClients clients;

    SipDispatcher(SipProvider provider, LegRegistry legs, OutOfDialogRequests outOfDialog, OutOfDialogGate gate,
                  OutOfDialogClients clients, Executor workers, SipTraffic traffic) {
        this.clients = clients;
        this.gate = gate;
        this.traffic = traffic;
        this.provider = provider;
        this.legs = legs;
        this.outOfDialog = outOfDialog;
        this.workers = workers;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        traffic.request(SipTraffic.Direction.RECEIVED, request.getMethod());
        ServerTransaction st = event.getServerTransaction();
        if (st == null && legs.find(callId(request)) == null && gate.screen(event)) {
            return; // over its source's rate limit, or refused statelessly: no server transaction
        }
        if (st == null && !request.getMethod().equals(Request.ACK)) {
            // With automatic dialog support off nothing creates it for us. Creating it here, at once, makes the
            // stack absorb retransmissions of this request while the call executor is busy.
            try {
                st = provider.getNewServerTransaction(request);
            } catch (TransactionAlreadyExistsException e) {
                LOG.trace("retransmission of {} absorbed", request.getMethod());
                return;
            } catch (Exception e) {
                RefusalSummary.report(Refusal.UNANSWERED,
                        "no server transaction for " + request.getMethod() + ": " + e);
                return;
            }
        }
        ServerTransaction tx = st;
        OutboundLeg leg = legs.find(callId(request));
        if (leg != null) {
            leg.executor().execute(() -> leg.onRequest(request, tx));
        } else {
            workers.execute(() -> outOfDialog.handle(request, tx));
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        traffic.response(SipTraffic.Direction.RECEIVED, event.getResponse().getStatusCode());
        OutboundLeg leg = legs.find(callId(event.getResponse()));
        OutOfDialogClients.Client client;
        if (leg != null) {
            leg.executor().execute(() -> leg.onResponse(event));
        } else if ((client = clients.find(callId(event.getResponse()))) != null) {
            client.executor().execute(() -> client.onResponse(event));
        } else {
            LOG.debug("response {} for no known leg dropped", event.getResponse().getStatusCode());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        Transaction tx = event.isServerTransaction() ? event.getServerTransaction() : event.getClientTransaction();
        if (tx == null) {
            return;
        }
        OutboundLeg leg = legs.find(callId(tx.getRequest()));
        OutOfDialogClients.Client client;
        if (leg != null) {
            leg.executor().execute(() -> leg.onTimeout(event));
        } else if ((client = clients.find(callId(tx.getRequest()))) != null) {
            client.executor().execute(() -> client.onTimeout(event));
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        // The transaction concerned also times out, which is what fails or ends its leg.
        // Counted, not logged one by one: a forged Via makes one per request.
        RefusalSummary.report(Refusal.TRANSPORT_ERROR,
                event.getHost() + ":" + event.getPort() + "/" + event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // Nothing held per transaction.
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // Legs release their dialogs themselves.
    }

    private static String callId(Message message) {
        CallIdHeader header = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
        return header == null ? null : header.getCallId();
    }
}
