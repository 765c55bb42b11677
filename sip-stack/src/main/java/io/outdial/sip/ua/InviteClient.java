package io.outdial.sip.ua;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Cancellable;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.RtpPeer;
import io.outdial.sip.DialRequest;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegEvent.FailureKind;
import io.outdial.sip.LegState;
import io.outdial.sip.sdp.SdpException;
import io.outdial.sip.sdp.SdpOffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The INVITE client transaction of one {@link OutboundLeg} until the dialog stands (RFC 3261 13.2): our SDP offer,
 * the provisional responses (early media, reliable 18x through {@link ReliableProvisionals}), the 2xx and its ACK
 * (the answer), rejections (with the trunk's digest challenge and the session timer's 422 answered by a new INVITE),
 * the ring timeout, and the CANCEL with its races against the final response ({@link CancelRule}). It moves the
 * leg's state and reports through the leg; every method runs on the leg's call executor.
 */
final class InviteClient {
    private static final Logger LOG = LoggerFactory.getLogger(InviteClient.class);

    /** 64*T1: how long we wait for the final response after CANCEL before giving the far end up. */
    private static final Duration CANCEL_GUARD = Duration.ofSeconds(32);
    private static final Cancellable NO_TIMER = () -> { };
    private static final int SESSION_INTERVAL_TOO_SMALL = 422;

    private final LegContext ctx;
    private final OutboundLeg leg;
    private final LegSignalling signalling;
    private final TrunkChallenges challenges;
    private final DialRequest request;
    private final CallExecutor executor;
    private final CallIdHeader callIdHeader;
    private final ReliableProvisionals reliable;
    private final SessionRefresher sessionTimer;
    private volatile Instant sent;

    // Touched only on the call's executor.
    private SdpOffer offer;
    private RtpEndpoint endpoint;
    private ClientTransaction inviteTx;
    private Dialog dialog;
    private Request ack;
    private boolean provisionalSeen;
    private FailureKind cancelKind;
    private boolean cancelTried;
    private boolean hangupRequested;
    private Cancellable ringTimer = NO_TIMER;
    private Cancellable cancelGuard = NO_TIMER;

    InviteClient(LegContext ctx, OutboundLeg leg, LegSignalling signalling, DialRequest request,
            CallExecutor executor, CallIdHeader callIdHeader, SessionRefresher sessionTimer) {
        this.ctx = ctx;
        this.leg = leg;
        this.signalling = signalling;
        this.challenges = new TrunkChallenges(request.credentials(), ctx.messages());
        this.request = request;
        this.executor = executor;
        this.callIdHeader = callIdHeader;
        this.reliable = new ReliableProvisionals(request.session().reliableProvisional(), ctx, leg);
        this.sessionTimer = sessionTimer;
    }

    /** When the INVITE went out; null before. */
    Instant sent() {
        return sent;
    }

    /** The dialog the INVITE created (the early one until answered); null before the INVITE. */
    Dialog dialog() {
        return dialog;
    }

    /** Our offer, also what we answer re-INVITEs and UPDATEs with; null before the INVITE. */
    SdpOffer offer() {
        return offer;
    }

    /** Builds the offer on {@code ep} and sends the INVITE; if it cannot be sent the leg fails. */
    void send(RtpEndpoint ep) {
        endpoint = ep;
        try {
            offer = SdpOffer.standard(ep.localAddress(), ctx.media().advertisedAddress(),
                    ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), request.srtp());
            Request invite = ctx.messages().invite(request, callIdHeader, offer.toSdp());
            ReliableProvisionals.advertise(request.session().reliableProvisional(), invite, ctx.messages().headers());
            sessionTimer.advertise(invite);
            inviteTx = ctx.provider().getNewClientTransaction(invite);
            dialog = ctx.provider().getNewDialog(inviteTx);
            inviteTx.sendRequest();
            sent = executor.scheduler().now();
            ringTimer = executor.schedule(request.ringTimeout(), this::onRingTimeout);
        } catch (Exception e) {
            Optional<String> tls = SendFailures.tlsRefusal(e);
            if (tls.isPresent()) {
                LOG.warn("INVITE to {} not sent: {}", request.requestUri(), tls.get());
            } else {
                LOG.info("INVITE to {} not sent: {}", request.requestUri(), e.toString());
            }
            leg.fail(FailureKind.NO_RESPONSE, Response.SERVICE_UNAVAILABLE,
                    "INVITE not sent: " + tls.orElse(e.getMessage()));
        }
    }

    /** Our owner asked to hang up: a 2xx crossing a ring-timeout CANCEL from now on is not kept. */
    void hangupRequested() {
        hangupRequested = true;
    }

    /** Hang-up of an early leg: CANCEL the INVITE, or fail at once if it was never sent. */
    void hangupEarly() {
        if (inviteTx == null) {
            leg.fail(FailureKind.CANCELLED, Response.REQUEST_TERMINATED, "hung up before the INVITE was sent");
        } else {
            startCancel(FailureKind.CANCELLED);
        }
    }

    private void onRingTimeout() {
        if (isEarly()) {
            startCancel(FailureKind.RING_TIMEOUT);
        }
    }

    private boolean isEarly() {
        LegState state = leg.state();
        return state == LegState.CALLING || state == LegState.TRYING || state == LegState.RINGING
                || state == LegState.EARLY_MEDIA;
    }

    private void startCancel(FailureKind kind) {
        cancelKind = kind;
        ringTimer.cancel();
        leg.moveTo(LegState.ENDING);
        // RFC 3261 9.1: no CANCEL before a provisional response; the first one (or Timer B) ends the wait.
        if (provisionalSeen) {
            sendCancel();
        }
        cancelGuard = executor.schedule(CANCEL_GUARD, this::onCancelGuard);
    }

    private void sendCancel() {
        // One CANCEL per INVITE, and only while the stack has no final response: a 2xx or a 4xx-6xx the stack has
        // already taken is on its way to this executor and ends the leg ("Could not find original tx to cancel",
        // then "Transaction already exists!" on a second try, were this race). If nothing is sent, the final
        // response or the guard timer still ends the leg.
        if (!CancelRule.mayCancel(cancelTried, inviteTx.getState())) {
            LOG.debug("{}: no CANCEL (already tried: {}, INVITE transaction {})", leg, cancelTried,
                    inviteTx.getState());
            return;
        }
        cancelTried = true;
        signalling.cancel(inviteTx);
    }

    private void onCancelGuard() {
        if (leg.state() == LegState.ENDING && ack == null) {
            LegSignalling.terminate(inviteTx);
            leg.fail(cancelKind, Response.REQUEST_TIMEOUT, "no final response after CANCEL");
        }
    }

    /** A response to the INVITE. */
    void onResponse(ResponseEvent event, int status, long cseq) {
        if (status < 200) {
            onProvisional(event, status);
        } else if (status < 300) {
            onAnswer(event, cseq);
        } else {
            onRejected(event.getResponse(), status);
        }
    }

    private void onProvisional(ResponseEvent event, int status) {
        Response response = event.getResponse();
        if (leg.state() == LegState.ENDING && !cancelTried && ack == null) {
            provisionalSeen = true;
            sendCancel();
            return;
        }
        if (!isEarly()) {
            // The stack's thread pool does not keep the order of one call's messages: a 180 may be handed over
            // after the 200 it preceded on the wire. A provisional after the answer (or the end) says nothing.
            return;
        }
        provisionalSeen = true;
        if (status == Response.TRYING) {
            if (leg.state() == LegState.CALLING) {
                leg.moveTo(LegState.TRYING);
                leg.emit(new LegEvent.Trying(leg));
            }
            return;
        }
        ReliableProvisionals.Verdict verdict = reliable.onProvisional(response, dialogOf(event));
        if (verdict == ReliableProvisionals.Verdict.RETRANSMISSION
                || verdict == ReliableProvisionals.Verdict.OUT_OF_ORDER) {
            return;
        }
        RtpPeer early = AnswerMedia.early(offer, response, leg);
        if (early != null && verdict == ReliableProvisionals.Verdict.NEW) {
            reliable.earlyAnswer(early);
        }
        if (early != null) {
            endpoint.connect(early);
            leg.moveTo(LegState.EARLY_MEDIA);
            leg.emit(new LegEvent.EarlyMedia(leg, status));
        } else {
            leg.moveTo(LegState.RINGING);
            leg.emit(new LegEvent.Ringing(leg, status));
        }
    }

    private Dialog dialogOf(ResponseEvent event) {
        return event.getDialog() != null ? event.getDialog() : dialog;
    }

    private void onAnswer(ResponseEvent event, long cseq) {
        Dialog answered = dialogOf(event);
        if (ack != null && ack.getHeader(CSeqHeader.NAME) instanceof CSeqHeader acked
                && acked.getSeqNumber() == cseq) {
            // A retransmitted 2xx: our ACK was lost. The RI passes it up without a transaction and, with automatic
            // dialog support off, does not re-ACK it itself; if we did not, the far end would end the call.
            signalling.reAck(answered, ack);
            return;
        }
        ack = signalling.ack(answered, cseq);
        if (ack == null) {
            leg.fail(FailureKind.NO_RESPONSE, Response.SERVER_INTERNAL_ERROR, "could not ACK the 2xx");
            return;
        }
        ringTimer.cancel();
        cancelGuard.cancel();
        LegState state = leg.state();
        if (CancelRule.keepsCrossingAnswer(state, cancelKind, hangupRequested)) {
            // Our ring timeout lost the race to the far end's answer and nobody asked us to hang up: the far end is
            // there (an agent who picked up at the last moment), so the call stands like any answered call.
            LOG.info("{}: answered as the ring timeout cancelled it; keeping the call", leg);
            cancelKind = null;
        } else if (state == LegState.ENDING || state.isTerminal()) {
            // The 2xx crossed our CANCEL: the call exists now, so end it properly.
            leg.sendBye(answered);
            leg.fail(cancelKind != null ? cancelKind : FailureKind.CANCELLED, Response.REQUEST_TERMINATED,
                    "answered while being cancelled; sent BYE");
            return;
        }
        try {
            endpoint.connect(AnswerMedia.answered(offer, event.getResponse(), reliable.earlyAnswer(),
                    request.mediaFromSignalling(), leg));
            leg.answered(event.getResponse(), answered);
        } catch (SdpException e) {
            leg.sendBye(answered);
            leg.fail(FailureKind.MEDIA_MISMATCH, Response.NOT_ACCEPTABLE_HERE,
                    "unusable SDP answer: " + e.getMessage());
        }
    }

    private void onRejected(Response response, int status) {
        if (leg.state().isTerminal()) {
            return;
        }
        if (isEarly() && status == SESSION_INTERVAL_TOO_SMALL && resent(sessionTimer.retryAfter422(
                inviteTx.getRequest(), response))) {
            return;
        }
        if (isEarly() && challenges.isChallenge(status)) {
            try {
                resend(challenges.answer(inviteTx.getRequest(), response));
                LOG.debug("{}: answered the trunk's {} challenge", leg, status);
                return;
            } catch (TrunkChallenges.NotAnswered e) {
                LOG.warn("{}: {} not answered: {}", leg, status, e.getMessage());
                leg.fail(FailureKind.REJECTED, status, e.getMessage());
                return;
            } catch (Exception e) {
                LOG.warn("{}: could not resend the INVITE with credentials: {}", leg, e.toString());
                leg.fail(FailureKind.REJECTED, status, "could not answer the challenge: " + e.getMessage());
                return;
            }
        }
        FailureKind kind = leg.state() == LegState.ENDING ? cancelKind : FailureKind.REJECTED;
        leg.fail(kind, status, response.getReasonPhrase());
    }

    /** {@link #resend}s {@code retry} if there is one; false if none, or it could not be sent (then logged). */
    private boolean resent(Request retry) {
        try {
            if (retry != null) {
                resend(retry);
            }
            return retry != null;
        } catch (Exception e) {
            LOG.warn("{}: could not resend the INVITE: {}", leg, e.toString());
            return false;
        }
    }

    /** Sends {@code retry} in place of the INVITE (after a challenge or a 422), on a new transaction and dialog. */
    private void resend(Request retry) throws Exception {
        inviteTx = ctx.provider().getNewClientTransaction(retry);
        dialog = ctx.provider().getNewDialog(inviteTx);
        provisionalSeen = false;
        inviteTx.sendRequest();
    }

    /** True if {@code tx} is our INVITE timing out unanswered (Timer B): the leg has failed. */
    boolean onTimeout(ClientTransaction tx) {
        LegState state = leg.state();
        if (tx != inviteTx || state.isTerminal() || ack != null) {
            return false;
        }
        if (state == LegState.ENDING) {
            leg.fail(cancelKind, Response.REQUEST_TIMEOUT, "no response to the INVITE");
        } else {
            leg.fail(FailureKind.NO_RESPONSE, Response.REQUEST_TIMEOUT, "no response to the INVITE");
        }
        return true;
    }

    /** The leg is over: its ring and CANCEL timers go. */
    void stop() {
        ringTimer.cancel();
        cancelGuard.cancel();
    }
}
