package io.outdial.sip.ua;

import gov.nist.javax.sip.RequestEventExt;
import io.outdial.sip.SipTraffic;
import io.outdial.sip.ua.guard.InputNote;
import io.outdial.sip.ua.guard.SourceLimiter;
import io.outdial.sip.ua.guard.StatelessRefusals;
import io.outdial.sip.ua.logging.Refusal;
import io.outdial.sip.ua.logging.RefusalSummary;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * What the dispatcher consults first for a request outside our legs, before any server transaction exists: a
 * request over its source's rate limit is dropped unanswered (counted); a request of another SIP version than 2.0
 * gets 505 (JAIN-SIP's parser rewrites the version to 2.0: {@link InputNote}); a request the gateway refuses anyway
 * (inbound INVITE 403, 405, 481, 501: {@link StatelessRefusals}) is answered on a worker, statelessly over UDP so
 * that a flood leaves no transaction behind. Over TCP the refusal is answered in a server transaction (a stateless
 * response would look for a new connection to the Via address instead of using the one the request came on); it
 * ends at once on a reliable transport (non-INVITE) or at the ACK (INVITE, RFC 3261 17.2.1 Timer I = 0).
 */
final class OutOfDialogGate {
    /** The default out-of-dialog requests per second and per source address, on average. */
    static final double RATE_PER_SOURCE = io.outdial.sip.SourceLimits.DEFAULTS.perSecond();
    /** The default out-of-dialog requests a source may send at once. */
    static final int BURST_PER_SOURCE = io.outdial.sip.SourceLimits.DEFAULTS.burst();

    private final SipProvider provider;
    private final SipMessages messages;
    private final Executor workers;
    private final SipTraffic traffic;
    private final SourceLimiter limiter;

    OutOfDialogGate(SipProvider provider, SipMessages messages, Executor workers, SipTraffic traffic,
                    io.outdial.sip.SourceLimits limits) {
        this.limiter = new SourceLimiter(limits.perSecond(), limits.burst(), limits.sources());
        this.provider = provider;
        this.messages = messages;
        this.workers = workers;
        this.traffic = traffic;
    }

    /** True if the request is dealt with here (dropped or refused statelessly); false: handle it statefully. */
    boolean screen(RequestEvent event) {
        Request request = event.getRequest();
        if (!limiter.tryAcquire(source(event), System.nanoTime())) {
            traffic.dropped(SipTraffic.Drop.RATE_LIMITED);
            RefusalSummary.report(Refusal.RATE_LIMITED, request.getMethod() + " from " + source(event));
            return true;
        }
        if (InputNote.of(request) == InputNote.UNSUPPORTED_VERSION && !request.getMethod().equals(Request.ACK)) {
            refuse(request, Response.VERSION_NOT_SUPPORTED, null);
            return true;
        }
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        int status = StatelessRefusals.statusFor(request.getMethod(), to != null && to.getTag() != null);
        if (status == StatelessRefusals.STATEFUL) {
            return false;
        }
        refuse(request, status, status == Response.FORBIDDEN ? OutOfDialogRequests.INBOUND_REFUSED : null);
        return true;
    }

    /** Answers {@code status} on a worker: statelessly over UDP, in a new server transaction over TCP. */
    private void refuse(Request request, int status, String reason) {
        try {
            if (overUdp(request)) {
                workers.execute(() -> refuseStatelessly(request, status, reason));
            } else {
                ServerTransaction st = provider.getNewServerTransaction(request);
                workers.execute(() -> {
                    try {
                        messages.respond(st, request, status, reason, null);
                        RefusalSummary.report(Refusal.REFUSED, request.getMethod() + " " + status);
                    } catch (Exception e) {
                        RefusalSummary.report(Refusal.UNANSWERED, status + " to " + request.getMethod() + ": " + e);
                    }
                });
            }
        } catch (RejectedExecutionException e) {
            RefusalSummary.report(Refusal.UNANSWERED, "workers refused " + request.getMethod());
        } catch (Exception e) {
            // TransactionAlreadyExists: a retransmission over TCP, which the existing transaction answers.
            RefusalSummary.report(Refusal.UNANSWERED, status + " to " + request.getMethod() + ": " + e);
        }
    }

    private void refuseStatelessly(Request request, int status, String reason) {
        try {
            messages.respondStatelessly(request, status, reason);
            RefusalSummary.report(Refusal.REFUSED, request.getMethod() + " " + status);
        } catch (Exception e) {
            RefusalSummary.report(Refusal.UNANSWERED, "stateless " + status + " to " + request.getMethod() + ": " + e);
        }
    }

    private static boolean overUdp(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via != null && "UDP".equalsIgnoreCase(via.getTransport());
    }

    private static String source(RequestEvent event) {
        if (event instanceof RequestEventExt ext && ext.getRemoteIpAddress() != null) {
            return ext.getRemoteIpAddress();
        }
        if (event.getRequest() instanceof gov.nist.javax.sip.message.SIPMessage m && m.getRemoteAddress() != null) {
            return m.getRemoteAddress().getHostAddress();
        }
        return "unknown";
    }
}
