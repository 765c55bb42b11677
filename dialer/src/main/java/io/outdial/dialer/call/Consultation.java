package io.outdial.dialer.call;

import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consultation (attended transfer) of a bridged call: the contact is put on hold (hold music), the consulted
 * party (another agent's phone or an outside number) is dialed, and when it answers the consulting agent and the
 * target talk through a two-party mix while the contact waits. Then the agent completes the transfer (the contact
 * goes to the target, the agent's leg is released), completes a conference (all three mixed, a {@link Conference}
 * carries on), or cancels (the target is released, the agent talks with the contact again); the target hanging up
 * or never answering also brings the agent back to the contact. The agent hanging up while talking to the target
 * completes the transfer. Runs on the call's executor; the call lends it its legs through {@link Legs}.
 */
public final class Consultation {
    private static final Logger LOG = LoggerFactory.getLogger(Consultation.class);

    /** What the consultation reports, on the call's executor; hand it off without blocking. */
    public interface Listener {
        void targetRinging(Consultation consultation);

        /** The target answered: agent and target talk, the contact is on hold. */
        void established(Consultation consultation);

        /** The target never answered ({@code result}: "486 Busy Here", "no answer"...): the agent is back. */
        void failed(Consultation consultation, String result);

        /** Cancelled ({@code byTarget} false) or the target hung up (true): the agent is back with the contact. */
        void ended(Consultation consultation, boolean byTarget);

        /** The contact is bridged to the target and the consulting agent's leg is being released. */
        void transferred(Consultation consultation);

        /** The call ended (or was dropped) during the consultation; the call's own end follows. */
        void aborted(Consultation consultation);
    }

    /** What the call lends a consultation. */
    interface Legs {
        /** Unties the contact from the agent and plays it the hold music. */
        void holdContact();

        /** Dials the target; its events reach {@link Consultation#onTargetEvent} until the transfer hands it over. */
        Leg dialTarget(DialRequest target);

        /** Agent and answered target hear each other. */
        void talk(Leg target);

        /** Stops the agent-target mix and the hold music; contact and agent are bridged again. */
        void backToContact();

        /** Stops the agent-target mix, bridges the contact to the target and releases the agent's leg. */
        void handOver(Leg target);

        /** Stops the agent-target mix (the call is ending, or a conference takes over). */
        void stopTalk();
    }

    private final String callId;
    private final DialRequest target;
    private final Legs legs;
    private final Listener listener;
    private ConsultPhase phase = ConsultPhase.DIALING_TARGET;
    /** Volatile only so that {@link #targetMedia()} may be read from another thread. */
    private volatile Leg targetLeg;

    Consultation(String callId, DialRequest target, Legs legs, Listener listener) {
        this.callId = callId;
        this.target = target;
        this.legs = legs;
        this.listener = listener;
    }

    /** The Request-URI dialed. */
    public String target() {
        return target.requestUri();
    }

    DialRequest targetRequest() {
        return target;
    }

    Leg targetLeg() {
        return targetLeg;
    }

    public ConsultPhase phase() {
        return phase;
    }

    /** The RTP counters of the target's leg (no media before it is dialed); any thread. */
    public io.outdial.media.StreamStats targetMedia() {
        return CallOutcome.mediaOf(targetLeg);
    }

    void start() {
        LOG.info("call {}: consulting {}", callId, target.requestUri());
        legs.holdContact();
        targetLeg = legs.dialTarget(target);
    }

    /** An event of the target's leg while it is not the call's agent. Call's executor only. */
    void onTargetEvent(LegEvent event) {
        if (!phase.inProgress()) {
            if (event instanceof LegEvent.Answered) {
                event.leg().hangup(); // answered after a cancel or an abort: nobody is there for it
            }
            return;
        }
        if (event instanceof LegEvent.Ringing || event instanceof LegEvent.EarlyMedia) {
            if (phase == ConsultPhase.DIALING_TARGET) {
                phase = phase.moveTo(ConsultPhase.TARGET_RINGING);
                listener.targetRinging(this);
            }
        } else if (event instanceof LegEvent.Answered) {
            phase = phase.moveTo(ConsultPhase.TALKING);
            LOG.info("call {}: consulted {} answered, talking with the agent", callId, target.requestUri());
            legs.talk(targetLeg);
            listener.established(this);
        } else if (event instanceof LegEvent.Failed failed) {
            phase = phase.moveTo(ConsultPhase.FAILED);
            legs.backToContact();
            listener.failed(this, Transfer.describe(failed));
        } else if (event instanceof LegEvent.Ended && phase == ConsultPhase.TALKING) {
            phase = phase.moveTo(ConsultPhase.ENDED);
            LOG.info("call {}: consulted {} hung up, the agent is back with the contact", callId,
                    target.requestUri());
            legs.backToContact();
            listener.ended(this, true);
        }
    }

    /** CancelConsult: the target is released and the agent gets the contact back. False if none is under way. */
    boolean cancel() {
        if (!phase.inProgress()) {
            return false;
        }
        phase = phase.moveTo(ConsultPhase.ENDED);
        LOG.info("call {}: consultation of {} cancelled", callId, target.requestUri());
        targetLeg.hangup();
        legs.backToContact();
        listener.ended(this, false);
        return true;
    }

    /** CompleteTransfer: the contact goes to the target. False unless agent and target are talking. */
    boolean completeTransfer() {
        if (phase != ConsultPhase.TALKING) {
            return false;
        }
        phase = phase.moveTo(ConsultPhase.TRANSFERRED);
        LOG.info("call {}: consultation completed as a transfer to {}", callId, target.requestUri());
        legs.handOver(targetLeg);
        listener.transferred(this);
        return true;
    }

    /** CompleteConference: the caller mixes all three next. False unless agent and target are talking. */
    boolean conferenced() {
        if (phase != ConsultPhase.TALKING) {
            return false;
        }
        phase = phase.moveTo(ConsultPhase.CONFERENCED);
        legs.stopTalk();
        return true;
    }

    /**
     * The consulting agent's leg ended: while talking to the target this completes the transfer (returns true);
     * otherwise the call ends as usual (false).
     */
    boolean agentLeft() {
        return completeTransfer();
    }

    /** The call is ending or was dropped: the target is hung up. Call's executor only. */
    void abort() {
        if (!phase.inProgress()) {
            return;
        }
        phase = phase.moveTo(ConsultPhase.ABORTED);
        legs.stopTalk();
        if (targetLeg != null) {
            targetLeg.hangup();
        }
        listener.aborted(this);
    }
}
