package io.outdial.dialer.preview;

import io.outdial.dialer.call.CallOutcome;
import io.outdial.dialer.call.Conference;
import io.outdial.dialer.call.Consultation;
import io.outdial.dialer.call.SideCalls;
import io.outdial.dialer.call.Transfer;
import io.outdial.dialer.call.TransferableCall;
import io.outdial.dialer.call.TwoLegCall;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.FailureResults;
import io.outdial.media.MediaEngine;
import io.outdial.media.player.MediaClip;
import io.outdial.sip.DialRequest;
import io.outdial.sip.LegEvent;
import io.outdial.sip.SipUserAgent;
import io.outdial.core.exec.CallExecutor;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One preview call, placed when the agent presses Call: the agent's phone first, then the contact through the
 * trunk, bridged when the contact answers. Once bridged the agent may hold, transfer or conference the contact
 * ({@link SideCalls}). The agent-first script over the {@link TwoLegCall} skeleton (legs, result, side calls); where
 * the call stands is its {@link PreviewCallPhase}. Runs on its own serial executor; the observer hears of milestones
 * there.
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
    private final DialRequest agentRequest;
    private final DialRequest contactRequest;
    private final Observer observer;

    /** The legs, the result decided and the side calls (hold, transfer, conference, consultation). */
    private final TwoLegCall legs;
    private PreviewCallPhase phase = PreviewCallPhase.CALLING_AGENT;
    private String agentFailure;

    public PreviewCall(String id, CallExecutor executor, SipUserAgent userAgent, DialRequest agentRequest,
                       DialRequest contactRequest, Observer observer, MediaEngine media, MediaClip holdMusic) {
        this.id = java.util.Objects.requireNonNull(id);
        this.executor = executor;
        this.agentRequest = agentRequest;
        this.contactRequest = contactRequest;
        this.observer = observer;
        this.legs = new TwoLegCall(id, executor, userAgent, media, holdMusic, new TwoLegCall.Script(
                () -> phase == PreviewCallPhase.CONNECTED, this::onAgentEvent, this::failedHere, this::release));
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
        executor.execute(legs.guarded(() -> legs.dialAgent(agentRequest, this::onAgentEvent)));
    }

    /** Hangs up whatever is up (campaign unloaded, gateway stopping). */
    @Override
    public void drop() {
        executor.execute(() -> {
            if (phase != PreviewCallPhase.FINISHED) {
                legs.sides().abort();
                release(phase == PreviewCallPhase.CONNECTED ? CallResult.ANSWER : CallResult.DROPPED);
                legs.hangUpBoth();
            }
        });
    }

    private void failedHere(RuntimeException e) {
        LOG.error("preview call {}: failed in the gateway, hanging up", id, e);
        legs.sides().abort();
        release(CallResult.SYSTEM_ERROR);
        legs.hangUpBoth();
        finishIfBothGone();
    }

    private void onAgentEvent(LegEvent event) {
        if (legs.sideCallsTook(event, held -> observer.heldFromPhone(this, held))) {
            return;
        }
        SideCalls sides = legs.sides();
        if (event instanceof LegEvent.Answered) {
            if (phase != PreviewCallPhase.CALLING_AGENT) {
                legs.agent().hangup();
                return;
            }
            phase = phase.moveTo(PreviewCallPhase.DIALING_CONTACT);
            legs.dialContact(contactRequest, this::onContactEvent);
            observer.contactDialing(this);
        } else if (event instanceof LegEvent.Failed failed) {
            legs.agentFailed(true);
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
            legs.hangUpContact();
            finishIfBothGone();
        }
    }

    private void onContactEvent(LegEvent event) {
        if (event instanceof LegEvent.Answered) {
            if (phase != PreviewCallPhase.DIALING_CONTACT) {
                legs.contact().hangup();
                return;
            }
            phase = phase.moveTo(PreviewCallPhase.CONNECTED);
            legs.bridge();
            observer.connected(this);
        } else if (event instanceof LegEvent.Failed failed) {
            release(failed.kind() == LegEvent.FailureKind.CANCELLED ? CallResult.NO_ANSWER : FailureResults.of(failed));
            legs.agent().hangup();
            finishIfBothGone();
        } else if (event instanceof LegEvent.Ended) {
            legs.sides().abort();
            release(CallResult.ANSWER);
            legs.agent().hangup();
            finishIfBothGone();
        }
    }

    @Override
    public io.outdial.media.StreamStats agentMedia() {
        return legs.agentMedia();
    }

    @Override
    public SideCalls sides() {
        return legs.sides();
    }

    /** Keeps the first result decided and moves towards the end. */
    private void release(CallResult decided) {
        legs.decide(decided);
        if (phase != PreviewCallPhase.RELEASING && phase != PreviewCallPhase.FINISHED) {
            phase = phase.moveTo(PreviewCallPhase.RELEASING);
        }
    }

    private void finishIfBothGone() {
        if (phase == PreviewCallPhase.FINISHED || !legs.bothGone()) {
            return;
        }
        phase = phase.moveTo(PreviewCallPhase.FINISHED);
        observer.finished(this, legs.outcome(legs.contact() != null));
    }
}
