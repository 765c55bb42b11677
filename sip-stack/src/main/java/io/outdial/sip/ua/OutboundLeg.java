package io.outdial.sip.ua;

import io.outdial.media.RtpEndpoint;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegEvent.EndReason;
import io.outdial.sip.LegEvent.FailureKind;
import io.outdial.sip.LegListener;
import io.outdial.sip.LegState;
import io.outdial.core.exec.Cancellable;
import io.outdial.core.exec.CallExecutor;
import io.outdial.sip.sdp.SdpOffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * Setting the dialog up (the INVITE, its provisionals, answer, rejections and CANCEL) is {@link InviteClient}'s; the
 * leg keeps its state, the answered call's life (in-dialog requests, session timer, RTP inactivity, DTMF), the BYE
 * and the end.
 */
final class OutboundLeg implements Leg {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundLeg.class);

    private static final Cancellable NO_TIMER = () -> { };

    private final LegContext ctx;
    private final LegSignalling signalling;
    private TrunkChallenges byeChallenges;
    private final DialRequest request;
    private final CallExecutor executor;
    private final LegListener listener;
    private final String callId;
    private volatile LegState state = LegState.CALLING;
    private volatile RtpEndpoint endpoint;

    // Touched only on the call's executor.
    private ClientTransaction byeTx;
    private EndReason endReason;
    private final List<Runnable> terminationHooks = new ArrayList<>();
    private final List<java.util.function.Consumer<DtmfInfoBody>> dtmfInfoHooks = new ArrayList<>();
    private boolean released;
    private MediaWatch mediaWatch;
    private Cancellable mediaTimer = NO_TIMER;
    private final LegDtmf dtmf;
    private final SessionRefresher sessionTimer;
    private final InviteClient invite;
    private final FarEndHold farEndHold = new FarEndHold();

    OutboundLeg(LegContext ctx, DialRequest request, CallExecutor executor, LegListener listener) {
        this.ctx = ctx;
        this.signalling = new LegSignalling(ctx, this);
        this.request = request;
        this.executor = executor;
        this.listener = listener;
        CallIdHeader callIdHeader = ctx.provider().getNewCallId();
        this.callId = callIdHeader.getCallId();
        this.sessionTimer = new SessionRefresher(ctx, signalling, this, request.session().sessionTimer(),
                this::byeChallenges);
        this.invite = new InviteClient(ctx, this, signalling, request, executor, callIdHeader, sessionTimer);
        this.dtmf = new LegDtmf(ctx, executor, this, () -> state == LegState.ANSWERED ? invite.dialog() : null);
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
        return invite.sent();
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

    /** Runs {@code hook} with each DTMF digit the far end sends in a SIP INFO (on this leg's executor). */
    void whenDtmfInfo(java.util.function.Consumer<DtmfInfoBody> hook) {
        dtmfInfoHooks.add(hook);
    }

    void dtmfInfoReceived(DtmfInfoBody digit) {
        LOG.debug("{}: DTMF {} received in INFO", this, digit.digit());
        dtmfInfoHooks.forEach(h -> h.accept(digit));
    }

    /** Runs {@code hook} on the executor once the leg is terminal (at once if it already is). */
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
        invite.send(ep);
    }

    private void hangupNow() {
        invite.hangupRequested();
        switch (state) {
            case CALLING, TRYING, RINGING, EARLY_MEDIA -> invite.hangupEarly();
            case ANSWERED -> startBye(EndReason.LOCAL_HANGUP);
            default -> {
                // Already ending or over: hangup is idempotent.
            }
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
            case Request.INVITE -> invite.onResponse(event, status, cseq.getSeqNumber());
            case Request.BYE -> {
                if (status >= 200 && event.getClientTransaction() == byeTx) {
                    if (byeChallenges().isChallenge(status) && event.getDialog() != null) {
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

    /** The INVITE was answered ({@code ok} on {@code answered}) and the media connected: the call stands. */
    void answered(Response ok, Dialog answered) {
        moveTo(LegState.ANSWERED);
        sessionTimer.answered(ok, answered);
        watchMedia();
        emit(new LegEvent.Answered(this));
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
            sendBye(invite.dialog());
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
        if (invite.onTimeout(tx)) {
            return;
        }
        if (tx == byeTx) {
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
        if (!sendBye(invite.dialog())) {
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

    /** Sends BYE in {@code d}; false if it could not be sent. */
    boolean sendBye(Dialog d) {
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
        return invite.offer();
    }

    void fail(FailureKind kind, int status, String reason) {
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
        invite.stop();
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
        Dialog dialog = invite.dialog();
        if (dialog != null) {
            dialog.delete();
        }
        ctx.registry().remove(this);
    }

    void moveTo(LegState next) {
        state = state.moveTo(next);
    }

    void emit(LegEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.error("listener of {} failed on {}", this, event, e);
        }
    }
}
