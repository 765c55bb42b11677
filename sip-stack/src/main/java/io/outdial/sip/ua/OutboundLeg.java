package io.outdial.sip.ua;

import io.outdial.media.RtpEndpoint;
import io.outdial.media.RtpPeer;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegEvent.EndReason;
import io.outdial.sip.LegEvent.FailureKind;
import io.outdial.sip.LegListener;
import io.outdial.sip.LegState;
import io.outdial.core.exec.Cancellable;
import io.outdial.core.exec.CallExecutor;
import io.outdial.sip.sdp.SdpException;
import io.outdial.sip.sdp.SdpOffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outbound INVITE dialog and its RTP endpoint: the UAC state machine of RFC 3261 as {@link LegState} moves,
 * reported as {@link LegEvent}s. Every method but {@link #hangup()} and the getters runs on the call's executor.
 */
final class OutboundLeg implements Leg {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundLeg.class);

    /** 64*T1: how long we wait for the final response after CANCEL before giving the far end up. */
    private static final Duration CANCEL_GUARD = Duration.ofSeconds(32);
    private static final Cancellable NO_TIMER = () -> { };
    private static final int SESSION_INTERVAL_TOO_SMALL = 422;

    private final LegContext ctx;
    private final LegSignalling signalling;
    private final TrunkChallenges challenges;
    private TrunkChallenges byeChallenges;
    private final DialRequest request;
    private final CallExecutor executor;
    private final LegListener listener;
    private final CallIdHeader callIdHeader;
    private final String callId;
    private volatile LegState state = LegState.CALLING;
    private volatile RtpEndpoint endpoint;
    private volatile java.time.Instant inviteSent;

    // Touched only on the call's executor.
    private SdpOffer offer;
    private ClientTransaction inviteTx;
    private Dialog dialog;
    private Request ack;
    private boolean provisionalSeen;
    private FailureKind cancelKind;
    private boolean cancelTried;
    private boolean hangupRequested;
    private Cancellable ringTimer = NO_TIMER;
    private Cancellable cancelGuard = NO_TIMER;
    private ClientTransaction byeTx;
    private EndReason endReason;
    private final List<Runnable> terminationHooks = new ArrayList<>();
    private final List<java.util.function.Consumer<DtmfInfoBody>> dtmfInfoHooks = new ArrayList<>();
    private boolean released;
    private MediaWatch mediaWatch;
    private Cancellable mediaTimer = NO_TIMER;
    private final LegDtmf dtmf;
    private final ReliableProvisionals reliable;
    private final SessionRefresher sessionTimer;
    private final FarEndHold farEndHold = new FarEndHold();

    OutboundLeg(LegContext ctx, DialRequest request, CallExecutor executor, LegListener listener) {
        this.ctx = ctx;
        this.signalling = new LegSignalling(ctx, this);
        this.challenges = new TrunkChallenges(request.credentials(), ctx.messages());
        this.request = request;
        this.executor = executor;
        this.listener = listener;
        this.callIdHeader = ctx.provider().getNewCallId();
        this.callId = callIdHeader.getCallId();
        this.dtmf = new LegDtmf(ctx, executor, this, () -> state == LegState.ANSWERED ? dialog : null);
        this.reliable = new ReliableProvisionals(request.session().reliableProvisional(), ctx, this);
        this.sessionTimer = new SessionRefresher(ctx, signalling, this, request.session().sessionTimer(),
                this::byeChallenges);
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public String target() {
        return request.requestUri();
    }

    @Override
    public LegState state() {
        return state;
    }

    @Override
    public CallExecutor executor() {
        return executor;
    }

    @Override
    public RtpEndpoint media() {
        return endpoint;
    }

    @Override
    public java.time.Instant inviteSent() {
        return inviteSent;
    }

    @Override
    public void hangup() {
        executor.execute(this::hangupNow);
    }

    @Override
    public CompletableFuture<Void> sendDtmf(String digits, Duration perDigit) {
        return dtmf.send(digits, perDigit);
    }

    @Override
    public String toString() {
        return "leg " + callId + " to " + request.requestUri() + " (" + state + ")";
    }

    /** Opens the RTP endpoint, then sends the INVITE from the call's executor. Called once, by the user agent. */
    void start() {
        try {
            ctx.media().openEndpoint().whenComplete((ep, error) -> executor.execute(() -> onEndpoint(ep, error)));
        } catch (RuntimeException e) {
            executor.execute(() -> onEndpoint(null, e));
        }
    }

    /** Runs {@code hook} on the executor once the leg is terminal (at once if it already is). */
    /** Runs {@code hook} with each DTMF digit the far end sends in a SIP INFO (on this leg's executor). */
    void whenDtmfInfo(java.util.function.Consumer<DtmfInfoBody> hook) {
        dtmfInfoHooks.add(hook);
    }

    void dtmfInfoReceived(DtmfInfoBody digit) {
        LOG.debug("{}: DTMF {} received in INFO", this, digit.digit());
        dtmfInfoHooks.forEach(h -> h.accept(digit));
    }

    void whenTerminated(Runnable hook) {
        if (state.isTerminal()) {
            hook.run();
        } else {
            terminationHooks.add(hook);
        }
    }

    private void onEndpoint(RtpEndpoint ep, Throwable error) {
        if (error != null) {
            fail(FailureKind.NO_RESPONSE, Response.SERVICE_UNAVAILABLE, "no RTP endpoint: " + error.getMessage());
            return;
        }
        if (state.isTerminal()) {
            ep.close();
            return;
        }
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
            inviteSent = executor.scheduler().now();
            ringTimer = executor.schedule(request.ringTimeout(), this::onRingTimeout);
        } catch (Exception e) {
            java.util.Optional<String> tls = SendFailures.tlsRefusal(e);
            if (tls.isPresent()) {
                LOG.warn("INVITE to {} not sent: {}", request.requestUri(), tls.get());
            } else {
                LOG.info("INVITE to {} not sent: {}", request.requestUri(), e.toString());
            }
            fail(FailureKind.NO_RESPONSE, Response.SERVICE_UNAVAILABLE,
                    "INVITE not sent: " + tls.orElse(e.getMessage()));
        }
    }

    private void hangupNow() {
        hangupRequested = true;
        switch (state) {
            case CALLING, TRYING, RINGING, EARLY_MEDIA -> {
                if (inviteTx == null) {
                    fail(FailureKind.CANCELLED, Response.REQUEST_TERMINATED, "hung up before the INVITE was sent");
                } else {
                    startCancel(FailureKind.CANCELLED);
                }
            }
            case ANSWERED -> startBye(EndReason.LOCAL_HANGUP);
            default -> {
                // Already ending or over: hangup is idempotent.
            }
        }
    }

    private void onRingTimeout() {
        if (isEarly()) {
            startCancel(FailureKind.RING_TIMEOUT);
        }
    }

    private boolean isEarly() {
        return state == LegState.CALLING || state == LegState.TRYING || state == LegState.RINGING
                || state == LegState.EARLY_MEDIA;
    }

    private void startCancel(FailureKind kind) {
        cancelKind = kind;
        ringTimer.cancel();
        moveTo(LegState.ENDING);
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
            LOG.debug("{}: no CANCEL (already tried: {}, INVITE transaction {})", this, cancelTried,
                    inviteTx.getState());
            return;
        }
        cancelTried = true;
        signalling.cancel(inviteTx);
    }

    private void onCancelGuard() {
        if (state == LegState.ENDING && ack == null) {
            LegSignalling.terminate(inviteTx);
            fail(cancelKind, Response.REQUEST_TIMEOUT, "no final response after CANCEL");
        }
    }

    void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        int status = response.getStatusCode();
        if (sessionTimer.handles(event)) {
            sessionTimer.onResponse(event);
            return;
        }
        switch (cseq.getMethod()) {
            case Request.INVITE -> {
                if (status < 200) {
                    onProvisional(event, status);
                } else if (status < 300) {
                    onAnswer(event, cseq.getSeqNumber());
                } else {
                    onRejected(response, status);
                }
            }
            case Request.BYE -> {
                if (status >= 200 && event.getClientTransaction() == byeTx) {
                    if (challenges.isChallenge(status) && event.getDialog() != null) {
                        // The trunk authenticates in-dialog requests too: the BYE again, with credentials.
                        byeTx = signalling.byeAnswering(event.getDialog(), response, byeChallenges());
                        if (byeTx != null) {
                            return;
                        }
                    }
                    onByeDone();
                }
            }
            case Request.INFO -> dtmf.onInfoResponse(event.getClientTransaction(), response);
            default -> {
                // The CANCEL's own 200 says nothing: the INVITE's 487 is what ends the leg.
            }
        }
    }

    private void onProvisional(ResponseEvent event, int status) {
        Response response = event.getResponse();
        if (state == LegState.ENDING && !cancelTried && ack == null) {
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
            if (state == LegState.CALLING) {
                moveTo(LegState.TRYING);
                emit(new LegEvent.Trying(this));
            }
            return;
        }
        ReliableProvisionals.Verdict verdict = reliable.onProvisional(response, dialogOf(event));
        if (verdict == ReliableProvisionals.Verdict.RETRANSMISSION
                || verdict == ReliableProvisionals.Verdict.OUT_OF_ORDER) {
            return;
        }
        RtpPeer early = AnswerMedia.early(offer, response, this);
        if (early != null && verdict == ReliableProvisionals.Verdict.NEW) {
            reliable.earlyAnswer(early);
        }
        if (early != null) {
            endpoint.connect(early);
            moveTo(LegState.EARLY_MEDIA);
            emit(new LegEvent.EarlyMedia(this, status));
        } else {
            moveTo(LegState.RINGING);
            emit(new LegEvent.Ringing(this, status));
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
            fail(FailureKind.NO_RESPONSE, Response.SERVER_INTERNAL_ERROR, "could not ACK the 2xx");
            return;
        }
        ringTimer.cancel();
        cancelGuard.cancel();
        if (CancelRule.keepsCrossingAnswer(state, cancelKind, hangupRequested)) {
            // Our ring timeout lost the race to the far end's answer and nobody asked us to hang up: the far end is
            // there (an agent who picked up at the last moment), so the call stands like any answered call.
            LOG.info("{}: answered as the ring timeout cancelled it; keeping the call", this);
            cancelKind = null;
        } else if (state == LegState.ENDING || state.isTerminal()) {
            // The 2xx crossed our CANCEL: the call exists now, so end it properly.
            sendBye(answered);
            fail(cancelKind != null ? cancelKind : FailureKind.CANCELLED, Response.REQUEST_TERMINATED,
                    "answered while being cancelled; sent BYE");
            return;
        }
        try {
            endpoint.connect(AnswerMedia.answered(offer, event.getResponse(), reliable.earlyAnswer(),
                    request.mediaFromSignalling(), this));
            moveTo(LegState.ANSWERED);
            sessionTimer.answered(event.getResponse(), answered);
            watchMedia();
            emit(new LegEvent.Answered(this));
        } catch (SdpException e) {
            sendBye(answered);
            fail(FailureKind.MEDIA_MISMATCH, Response.NOT_ACCEPTABLE_HERE, "unusable SDP answer: " + e.getMessage());
        }
    }

    private void watchMedia() {
        mediaWatch = new MediaWatch(ctx.rtpInactivity(), executor.scheduler().now());
        if (mediaWatch.enabled()) {
            mediaWatch.vanished(executor.scheduler().now(), endpoint.stats().packetsReceived());
            mediaTimer = executor.schedule(mediaWatch.checkEvery(), this::onMediaCheck);
        }
    }

    private void onMediaCheck() {
        if (state != LegState.ANSWERED) {
            return;
        }
        if (mediaWatch.vanished(executor.scheduler().now(), endpoint.stats().packetsReceived())) {
            LOG.info("{}: no RTP from the far end for {}, hanging up", this, ctx.rtpInactivity());
            // The far end is presumably gone, so its BYE may only time out (Timer F, 32 s): the leg ends now (the
            // call finishes, the port is freed) and stays in the registry until that BYE is done either way.
            mediaTimer.cancel();
            sendBye(dialog);
            end(EndReason.MEDIA_TIMEOUT);
            return;
        }
        mediaTimer = executor.schedule(mediaWatch.checkEvery(), this::onMediaCheck);
    }

    /** An in-dialog request arrived: the far end is there; {@code sends} is its new SDP's say, null if none. */
    void farEndSignalled(Boolean sends) {
        if (mediaWatch == null) {
            return;
        }
        if (sends != null) {
            mediaWatch.farEndSends(sends, executor.scheduler().now());
        } else {
            mediaWatch.signalled(executor.scheduler().now());
        }
    }

    private void onRejected(Response response, int status) {
        if (state.isTerminal()) {
            return;
        }
        if (isEarly() && status == SESSION_INTERVAL_TOO_SMALL && resent(sessionTimer.retryAfter422(
                inviteTx.getRequest(), response))) {
            return;
        }
        if (isEarly() && challenges.isChallenge(status)) {
            try {
                resend(challenges.answer(inviteTx.getRequest(), response));
                LOG.debug("{}: answered the trunk's {} challenge", this, status);
                return;
            } catch (TrunkChallenges.NotAnswered e) {
                LOG.warn("{}: {} not answered: {}", this, status, e.getMessage());
                fail(FailureKind.REJECTED, status, e.getMessage());
                return;
            } catch (Exception e) {
                LOG.warn("{}: could not resend the INVITE with credentials: {}", this, e.toString());
                fail(FailureKind.REJECTED, status, "could not answer the challenge: " + e.getMessage());
                return;
            }
        }
        FailureKind kind = state == LegState.ENDING ? cancelKind : FailureKind.REJECTED;
        fail(kind, status, response.getReasonPhrase());
    }

    /** {@link #resend}s {@code retry} if there is one; false if none, or it could not be sent (then logged). */
    private boolean resent(Request retry) {
        try {
            if (retry != null) {
                resend(retry);
            }
            return retry != null;
        } catch (Exception e) {
            LOG.warn("{}: could not resend the INVITE: {}", this, e.toString());
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

    /** The far end's hold state, from its re-INVITEs and UPDATEs. */
    FarEndHold farEndHold() {
        return farEndHold;
    }

    /** The far end held ({@code held}) or retrieved the answered call: its owner is told. */
    void heldByFarEnd(boolean held) {
        if (state == LegState.ANSWERED) {
            LOG.info("{}: {} by the far end", this, held ? "held" : "retrieved");
            emit(new LegEvent.HeldByFarEnd(this, held));
        }
    }

    /** The session timer ran out unrefreshed (RFC 4028 10): BYE. */
    void sessionExpired() {
        if (state == LegState.ANSWERED) {
            startBye(EndReason.SESSION_EXPIRED);
        }
    }

    /** Headers our 2xx to the far end's re-INVITE or UPDATE carries for session timers (its refresh restarts ours). */
    java.util.List<javax.sip.header.Header> sessionRefreshed(Request refresh) {
        return sessionTimer.onPeerRefresh(refresh);
    }

    /** True while an offer of ours (a refresh re-INVITE) is unanswered: the far end's offer now is glare. */
    boolean offerPending() {
        return sessionTimer.offerPending();
    }

    /** The Min-SE of our 422 when the far end's refresh asks for too short a session; empty if it is fine. */
    java.util.List<javax.sip.header.Header> sessionTooSmall(Request refresh) {
        return sessionTimer.tooSmall(refresh);
    }

    void onTimeout(TimeoutEvent event) {
        ClientTransaction tx = event.getClientTransaction();
        if (tx == null) {
            return;
        }
        if (tx == inviteTx && !state.isTerminal() && ack == null) {
            if (state == LegState.ENDING) {
                fail(cancelKind, Response.REQUEST_TIMEOUT, "no response to the INVITE");
            } else {
                fail(FailureKind.NO_RESPONSE, Response.REQUEST_TIMEOUT, "no response to the INVITE");
            }
        } else if (tx == byeTx) {
            endReason = EndReason.ERROR;
            onByeDone();
        } else if (!sessionTimer.onTimeout(tx)) {
            dtmf.onInfoTimeout(tx);
        }
    }

    private void startBye(EndReason reason) {
        endReason = reason;
        mediaTimer.cancel();
        moveTo(LegState.ENDING);
        if (!sendBye(dialog)) {
            end(EndReason.ERROR);
        }
    }

    /** Challenges to our in-dialog requests (BYE, session refreshes), counted apart from the INVITE's. */
    private TrunkChallenges byeChallenges() {
        if (byeChallenges == null) {
            byeChallenges = new TrunkChallenges(request.credentials(), ctx.messages());
        }
        return byeChallenges;
    }

    private boolean sendBye(Dialog d) {
        byeTx = signalling.bye(d);
        return byeTx != null;
    }

    private void onByeDone() {
        byeTx = null;
        if (state == LegState.ENDING) {
            end(endReason);
        } else if (state.isTerminal()) {
            release();
        }
    }

    /** An in-dialog request from the far end; {@code st} is null only for ACK. */
    void onRequest(Request req, ServerTransaction st) {
        new InDialogRequests(this, ctx.messages()).handle(req, st);
    }

    /** The far end hung up (BYE received and answered). */
    void onRemoteBye() {
        if (state == LegState.ANSWERED) {
            end(EndReason.REMOTE_HANGUP);
        }
    }

    /** True while a BYE of ours is outstanding (a crossing BYE then gets 200, not 481). */
    boolean byePending() {
        return byeTx != null;
    }

    /** Our offer, also what we answer re-INVITEs and UPDATEs with. */
    SdpOffer offer() {
        return offer;
    }

    private void fail(FailureKind kind, int status, String reason) {
        if (state.isTerminal()) {
            return;
        }
        moveTo(LegState.FAILED);
        emit(new LegEvent.Failed(this, status, reason, kind));
        onTerminal();
    }

    private void end(EndReason reason) {
        if (state.isTerminal()) {
            return;
        }
        moveTo(LegState.ENDED);
        emit(new LegEvent.Ended(this, reason));
        onTerminal();
    }

    private void onTerminal() {
        ringTimer.cancel();
        cancelGuard.cancel();
        mediaTimer.cancel();
        dtmf.legEnded();
        sessionTimer.stop();
        for (Runnable hook : terminationHooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                LOG.error("{}: termination hook failed", this, e);
            }
        }
        terminationHooks.clear();
        RtpEndpoint ep = endpoint;
        if (ep != null) {
            ep.close();
        }
        if (byeTx == null) {
            release();
        }
    }

    /** Lets go of the dialog and leaves the registry; transactions that saw a final response end on their own. */
    private void release() {
        if (released) {
            return;
        }
        released = true;
        if (dialog != null) {
            dialog.delete();
        }
        ctx.registry().remove(this);
    }

    private void moveTo(LegState next) {
        state = state.moveTo(next);
    }

    private void emit(LegEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.error("listener of {} failed on {}", this, event, e);
        }
    }
}
