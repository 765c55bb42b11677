package io.outdial.dialer.browserphone;

import io.outdial.core.exec.Continuations;
import io.outdial.core.exec.CallExecutor;
import io.outdial.media.MediaEngine;
import io.outdial.media.RtpEndpoint;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegListener;
import io.outdial.sip.LegState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One call's leg to an agent's browser phone: the nailed-up session's endpoint, "answered" at once (the page is
 * already connected, as an auto-answering phone would be), with the LegEvents a SIP phone's leg reports. Hanging up
 * ends this leg only; the session stays for the next call. The session lost ends it as the far end's BYE would.
 * State is read and written on the call's executor.
 */
final class BrowserLeg implements Leg {
    private final String callId;
    private final String target;
    private final CallExecutor executor;
    private final BrowserPhoneSession session;
    private final MediaEngine media;
    private final LegListener listener;
    private final Instant dialed;
    private final List<Runnable> whenTerminated = new ArrayList<>();
    private LegState state = LegState.CALLING;
    /** Set by {@link #hangup()} at once, so that an answer still queued is not reported (a CANCEL, not a BYE). */
    private volatile boolean hangupAsked;

    BrowserLeg(String callId, String target, CallExecutor executor, BrowserPhoneSession session, MediaEngine media,
               LegListener listener) {
        this.callId = callId;
        this.target = target;
        this.executor = executor;
        this.session = session;
        this.media = media;
        this.listener = listener;
        this.dialed = executor.scheduler().now();
    }

    /** Answers on the call's executor, after the dialer holds the leg (or fails: the phone is not connected). */
    void start() {
        session.attach(this);
        executor.execute(() -> {
            if (state != LegState.CALLING || hangupAsked) {
                return;
            }
            if (!session.connected()) {
                state = state.moveTo(LegState.FAILED);
                terminated();
                listener.onEvent(new LegEvent.Failed(this, 480, "the agent's browser phone is not connected",
                        LegEvent.FailureKind.REJECTED));
                return;
            }
            state = state.moveTo(LegState.ANSWERED);
            listener.onEvent(new LegEvent.Answered(this));
        });
    }

    /** Runs on the call's executor once this leg is terminal (a bridge hangs up the other side). */
    void whenTerminated(Runnable task) {
        whenTerminated.add(task);
    }

    /** The session is gone (any thread): an answered call ends as a remote hang-up. */
    void phoneLost() {
        executor.execute(() -> {
            if (state == LegState.ANSWERED) {
                state = state.moveTo(LegState.ENDED);
                terminated();
                listener.onEvent(new LegEvent.Ended(this, LegEvent.EndReason.REMOTE_HANGUP));
            } else if (state == LegState.CALLING) {
                state = state.moveTo(LegState.FAILED);
                terminated();
                listener.onEvent(new LegEvent.Failed(this, 480, "the agent's browser phone was lost",
                        LegEvent.FailureKind.REJECTED));
            }
        });
    }

    @Override
    public void hangup() {
        hangupAsked = true;
        executor.execute(() -> {
            if (state == LegState.ANSWERED) {
                state = state.moveTo(LegState.ENDED);
                terminated();
                listener.onEvent(new LegEvent.Ended(this, LegEvent.EndReason.LOCAL_HANGUP));
            } else if (state == LegState.CALLING) {
                state = state.moveTo(LegState.FAILED);
                terminated();
                listener.onEvent(new LegEvent.Failed(this, 487, "cancelled", LegEvent.FailureKind.CANCELLED));
            }
        });
    }

    private void terminated() {
        session.detach(this);
        whenTerminated.forEach(Runnable::run);
        whenTerminated.clear();
    }

    @Override
    public CompletableFuture<Void> sendDtmf(String digits, Duration perDigit) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        executor.execute(() -> {
            if (state != LegState.ANSWERED) {
                done.completeExceptionally(new IllegalStateException("the browser leg is not answered"));
                return;
            }
            media.sendDtmf(session.endpoint(), digits, (int) perDigit.toMillis()).whenComplete(
                    Continuations.logged("BrowserLeg.sendDtmf", (v, failure) ->
                    executor.execute(() -> {
                        if (failure != null) {
                            done.completeExceptionally(failure);
                        } else {
                            done.complete(null);
                        }
                    })));
        });
        return done;
    }

    @Override
    public String callId() {
        return callId;
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
        return executor;
    }

    @Override
    public RtpEndpoint media() {
        return session.endpoint();
    }

    @Override
    public Instant inviteSent() {
        return dialed;
    }

    @Override
    public String toString() {
        return "BrowserLeg[" + callId + " " + state + "]";
    }
}
