package io.outdial.dialer.preview;

import io.outdial.dialer.call.CallOutcome;
import io.outdial.dialer.call.Conference;
import io.outdial.dialer.call.Consultation;
import io.outdial.dialer.call.SideCalls;
import io.outdial.dialer.call.Transfer;
import io.outdial.dialer.call.TransferableCall;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.FailureResults;
import io.outdial.media.MediaEngine;
import io.outdial.media.player.MediaClip;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegListener;
import io.outdial.sip.SipUserAgent;
import io.outdial.core.exec.CallExecutor;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One preview call, placed when the agent presses Call: the agent's phone first, then the contact through the
 * trunk, bridged when the contact answers. Once bridged the agent may hold, transfer or conference the contact
 * ({@link SideCalls}). Runs on its own serial executor; the observer hears of milestones there.
 */
public final class PreviewCall implements TransferableCall {
    private static final Logger LOG = LoggerFactory.getLogger(PreviewCall.class);

    /** Milestones of a preview call, reported on the call's executor. */
    public interface Observer {
        /** The agent answered and the contact is being dialed. */
        void contactDialing(PreviewCall call);

        /** Agent and contact are bridged. */
        void connected(PreviewCall call);

        /** The agent held ({@code held}) or retrieved the contact from the phone; the contact hears hold music. */
        default void heldFromPhone(PreviewCall call, boolean held) {
        }

        /**
         * Both legs are gone. Called exactly once. {@code outcome.attempted()} is false when the contact was never
         * dialed (the agent's phone failed): the record is still the agent's to call or decline.
         */
        void finished(PreviewCall call, CallOutcome outcome);
    }

    private final String id;
    private final CallExecutor executor;
    private final SipUserAgent userAgent;
    private final DialRequest agentRequest;
    private final DialRequest contactRequest;
    private final Observer observer;

    private final SideCalls sides;
    private PreviewCallPhase phase = PreviewCallPhase.CALLING_AGENT;
    /** Volatile only so that {@link #agentMedia()} may be read from another thread. */
    private volatile Leg agent;
    private Leg contact;
    private CallResult result;
    private boolean agentFailed;
    private boolean connected;
    private String agentFailure;

    public PreviewCall(String id, CallExecutor executor, SipUserAgent userAgent, DialRequest agentRequest,
                       DialRequest contactRequest, Observer observer, MediaEngine media, MediaClip holdMusic) {
        this.id = Objects.requireNonNull(id);
        this.executor = executor;
        this.userAgent = userAgent;
        this.agentRequest = agentRequest;
        this.contactRequest = contactRequest;
        this.observer = observer;
        this.sides = new SideCalls(id, executor, userAgent, new Lent(), media, holdMusic);
    }

    @Override
    public String id() {
        return id;
    }

    /** Why the agent's phone failed ("486 Busy Here"), or null. Read after {@link Observer#finished}. */
    public String agentFailure() {
        return agentFailure;
    }

    /** Calls the agent's phone. */
    public void start() {
        executor.execute(guarded(() -> agent = userAgent.dial(agentRequest, executor, guarded(this::onAgentEvent))));
    }

    /** Hangs up whatever is up (campaign unloaded, gateway stopping). */
    @Override
    public void drop() {
        executor.execute(() -> {
            if (phase != PreviewCallPhase.FINISHED) {
                sides.abort();
                release(phase == PreviewCallPhase.CONNECTED ? CallResult.ANSWER : CallResult.DROPPED);
                hangUpBoth();
            }
        });
    }

    private Runnable guarded(Runnable step) {
        return () -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                failedHere(e);
            }
        };
    }

    private LegListener guarded(LegListener listener) {
        return event -> {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                failedHere(e);
            }
        };
    }

    private void failedHere(RuntimeException e) {
        LOG.error("preview call {}: failed in the gateway, hanging up", id, e);
        sides.abort();
        release(CallResult.SYSTEM_ERROR);
        hangUpBoth();
        finishIfBothGone();
    }

    private void onAgentEvent(LegEvent event) {
        if (sides.isReleasedAgent(event.leg())) {
            return; // the transferring agent's leg, released on purpose once the target took the contact
        }
        if (event instanceof LegEvent.HeldByFarEnd held) {
            if (sides.phoneHold(held.held())) {
                observer.heldFromPhone(this, held.held());
            }
            return;
        }
        if (event instanceof LegEvent.Answered) {
            if (phase != PreviewCallPhase.CALLING_AGENT) {
                agent.hangup();
                return;
            }
            phase = phase.moveTo(PreviewCallPhase.DIALING_CONTACT);
            contact = userAgent.dial(contactRequest, executor, guarded(this::onContactEvent));
            observer.contactDialing(this);
        } else if (event instanceof LegEvent.Failed failed) {
            agentFailed = true;
            agentFailure = failed.status() + " " + failed.reason();
            LOG.info("preview call {}: agent phone failed ({}), contact not dialed", id, agentFailure);
            release(CallResult.UNKNOWN);
            finishIfBothGone();
        } else if (event instanceof LegEvent.Ended) {
            if (sides.agentEnded()) {
                return; // the agent hung up its phone in a conference: contact and target talk on
            }
            sides.abort();
            // The agent hung up: before the contact answered it is the agent giving up on the ringing.
            release(phase == PreviewCallPhase.CONNECTED ? CallResult.ANSWER : CallResult.NO_ANSWER);
            if (contact != null) {
                contact.hangup();
            }
            finishIfBothGone();
        }
    }

    private void onContactEvent(LegEvent event) {
        if (event instanceof LegEvent.Answered) {
            if (phase != PreviewCallPhase.DIALING_CONTACT) {
                contact.hangup();
                return;
            }
            phase = phase.moveTo(PreviewCallPhase.CONNECTED);
            connected = true;
            sides.connected(userAgent.bridge(contact, agent));
            observer.connected(this);
        } else if (event instanceof LegEvent.Failed failed) {
            release(failed.kind() == LegEvent.FailureKind.CANCELLED ? CallResult.NO_ANSWER : FailureResults.of(failed));
            agent.hangup();
            finishIfBothGone();
        } else if (event instanceof LegEvent.Ended) {
            sides.abort();
            release(CallResult.ANSWER);
            agent.hangup();
            finishIfBothGone();
        }
    }

    @Override
    public io.outdial.media.StreamStats agentMedia() {
        return CallOutcome.mediaOf(agent);
    }

    @Override
    public SideCalls sides() {
        return sides;
    }

    /** What this call lends its side calls; call's executor only. */
    private final class Lent implements SideCalls.Host {
        @Override
        public Leg contact() {
            return contact;
        }

        @Override
        public Leg agent() {
            return agent;
        }

        @Override
        public void agentLeg(Leg leg) {
            agent = leg;
        }

        @Override
        public void agentEvent(LegEvent event) {
            guarded(PreviewCall.this::onAgentEvent).onEvent(event);
        }

        @Override
        public boolean bridged() {
            return phase == PreviewCallPhase.CONNECTED;
        }

        @Override
        public void failed(RuntimeException e) {
            failedHere(e);
        }

        @Override
        public void releaseContact(CallResult result) {
            release(result);
            contact.hangup();
        }
    }

    /** Keeps the first result decided and moves towards the end. */
    private void release(CallResult decided) {
        if (result == null) {
            result = decided;
        }
        if (phase != PreviewCallPhase.RELEASING && phase != PreviewCallPhase.FINISHED) {
            phase = phase.moveTo(PreviewCallPhase.RELEASING);
        }
    }

    private void hangUpBoth() {
        if (contact != null) {
            contact.hangup();
        }
        if (agent != null) {
            agent.hangup();
        }
    }

    private void finishIfBothGone() {
        boolean contactGone = contact == null || contact.state().isTerminal();
        boolean agentGone = agent == null || agent.state().isTerminal();
        if (phase == PreviewCallPhase.FINISHED || !contactGone || !agentGone) {
            return;
        }
        phase = phase.moveTo(PreviewCallPhase.FINISHED);
        boolean attempted = contact != null;
        CallOutcome outcome = new CallOutcome(attempted ? result : CallResult.UNKNOWN, attempted, connected,
                agentFailed, CallOutcome.mediaOf(contact), CallOutcome.mediaOf(agent));
        observer.finished(this, outcome);
    }
}
