package io.outdial.dialer.call;

import io.outdial.media.RtpEndpoint;
import io.outdial.sip.Bridge;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegEvent.EndReason;
import io.outdial.sip.LegEvent.FailureKind;
import io.outdial.sip.LegListener;
import io.outdial.sip.LegState;
import io.outdial.sip.SipUserAgent;
import io.outdial.core.exec.CallExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.List;

/** A leg whose events the test scripts. */
final class ScriptedLeg implements Leg {
    private final String target;
    private final LegListener listener;
    private LegState state = LegState.CALLING;
    Runnable onEnd = () -> { };
    /** DTMF asked of this leg, as "digits/durationMs", in order. */
    final List<String> dtmfSent = new ArrayList<>();
    boolean ignoreHangup;
    /** The leg's media: none unless a test gives it some (to be listened to, played to). */
    RtpEndpoint media;

    ScriptedLeg(String target, LegListener listener) {
        this.target = target;
        this.listener = listener;
    }

    void answer() {
        state = state.moveTo(LegState.ANSWERED);
        listener.onEvent(new LegEvent.Answered(this));
    }

    /** A 183 with SDP: the far end's audio before any answer. */
    void earlyMedia() {
        listener.onEvent(new LegEvent.EarlyMedia(this, 183));
    }

    void ring() {
        listener.onEvent(new LegEvent.Ringing(this, 180));
    }

    void fail(int status) {
        failWith(status, FailureKind.REJECTED);
    }

    void failWith(int status, FailureKind kind) {
        state = state.moveTo(LegState.FAILED);
        listener.onEvent(new LegEvent.Failed(this, status, "scripted", kind));
    }

    /** The leg ends and its event is lost on the way (nothing tells the call): what the reaper is for. */
    void vanish() {
        state = state.moveTo(state == LegState.ANSWERED ? LegState.ENDED : LegState.FAILED);
    }

    void end(EndReason reason) {
        state = state.moveTo(LegState.ENDED);
        listener.onEvent(new LegEvent.Ended(this, reason));
        onEnd.run();
    }

    @Override
    public String callId() {
        return target;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public LegState state() {
        return state;
    }

    @Override
    public CallExecutor executor() {
        return null;
    }

    @Override
    public RtpEndpoint media() {
        return media;
    }

    @Override
    public CompletableFuture<Void> sendDtmf(String digits, Duration perDigit) {
        if (state != LegState.ANSWERED) {
            return CompletableFuture.failedFuture(new IllegalStateException(this + " is not answered"));
        }
        dtmfSent.add(digits + "/" + perDigit.toMillis());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void hangup() {
        if (state.isTerminal()) {
            return;
        }
        if (ignoreHangup) {
            ignoreHangup = false;
            return;
        }
        if (state == LegState.ANSWERED) {
            end(EndReason.LOCAL_HANGUP);
        } else {
            failWith(487, FailureKind.CANCELLED);
        }
    }
}
