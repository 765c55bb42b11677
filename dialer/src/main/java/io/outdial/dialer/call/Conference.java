package io.outdial.dialer.call;

import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One conference of a connected campaign call: the contact is put on hold, the target (another agent's phone or an
 * outside number) is dialed, and when it answers contact, agent and target hear each other through a three-party
 * mixer. The agent leaving releases only the agent's leg (contact and target talk on, bridged); the target leaving
 * brings back contact and agent. A target that fails puts the contact back with the agent. Runs on the call's
 * executor; the call lends it its legs through {@link Legs}.
 */
public final class Conference {
    private static final Logger LOG = LoggerFactory.getLogger(Conference.class);

    /** What the conference reports, on the call's executor; hand it off without blocking. */
    public interface Listener {
        void targetRinging(Conference conference);

        /** The target answered: all three hear each other. */
        void joined(Conference conference);

        /** The target failed ({@code result}: "486 Busy Here", "no answer"...); the contact is back with the agent. */
        void failed(Conference conference, String result);

        /** The agent's leg is released: contact and target talk on (the call now belongs to the target). */
        void agentLeft(Conference conference);

        /** The target's leg ended: contact and agent talk on. */
        void targetLeft(Conference conference);

        /** The call ended (or was dropped) before or during the conference; the call's own end follows. */
        void aborted(Conference conference);
    }

    /** What the call lends a conference. */
    interface Legs {
        /** Stops the relay to the agent and plays the hold music to the contact. */
        void holdContact();

        /** Dials the target; its events reach {@link Conference#onTargetEvent} while it is not the call's agent. */
        Leg dialTarget(DialRequest target);

        /** Unties contact and agent and mixes them with the answered target. */
        void mix(Leg target);

        /** Stops the mix, bridges the contact to the target and releases the agent's leg. */
        void releaseAgent(Leg target);

        /** Stops the mix and bridges the contact back to the agent (the target's leg is gone or going). */
        void backToAgent();

        /** Stops the hold music and bridges the contact back to the agent (the target never answered). */
        void restore();

        /** Stops the mix, if any (the call is ending). */
        void stopMix();
    }

    private final String callId;
    private final DialRequest target;
    private final Legs legs;
    private final Listener listener;
    private ConferencePhase phase = ConferencePhase.DIALING_TARGET;
    /** Volatile only so that {@link #targetMedia()} may be read from another thread. */
    private volatile Leg targetLeg;

    Conference(String callId, DialRequest target, Legs legs, Listener listener) {
        this.callId = callId;
        this.target = target;
        this.legs = legs;
        this.listener = listener;
    }

    /**
     * A conference whose target already answered (a consultation completed as a conference): it starts mixing.
     * The caller mixes the three ({@link Legs#mix}) and reports {@link Listener#joined}.
     */
    Conference(String callId, DialRequest target, Legs legs, Listener listener, Leg answeredTarget) {
        this(callId, target, legs, listener);
        this.phase = ConferencePhase.MIXING;
        this.targetLeg = answeredTarget;
    }

    Leg targetLeg() {
        return targetLeg;
    }

    Listener listener() {
        return listener;
    }

    /** The Request-URI dialed. */
    public String target() {
        return target.requestUri();
    }

    /** The RTP counters of the target's leg (no media before it is dialed). */
    public io.outdial.media.StreamStats targetMedia() {
        return CallOutcome.mediaOf(targetLeg);
    }

    public ConferencePhase phase() {
        return phase;
    }

    void start() {
        LOG.info("call {}: conferencing {}", callId, target.requestUri());
        legs.holdContact();
        targetLeg = legs.dialTarget(target);
    }

    /** An event of the target's leg while it is not the call's agent. Call's executor only. */
    void onTargetEvent(LegEvent event) {
        if (!phase.inProgress()) {
            if (event instanceof LegEvent.Answered) {
                event.leg().hangup();
            }
            return;
        }
        if (event instanceof LegEvent.Ringing || event instanceof LegEvent.EarlyMedia) {
            if (phase == ConferencePhase.DIALING_TARGET) {
                phase = phase.moveTo(ConferencePhase.TARGET_RINGING);
                listener.targetRinging(this);
            }
        } else if (event instanceof LegEvent.Answered) {
            phase = phase.moveTo(ConferencePhase.MIXING);
            LOG.info("call {}: conference target {} answered, mixing three parties", callId, target.requestUri());
            legs.mix(targetLeg);
            listener.joined(this);
        } else if (event instanceof LegEvent.Failed failed) {
            phase = phase.moveTo(ConferencePhase.RESTORED);
            legs.restore();
            listener.failed(this, Transfer.describe(failed));
        } else if (event instanceof LegEvent.Ended && phase == ConferencePhase.MIXING) {
            phase = phase.moveTo(ConferencePhase.TARGET_LEFT);
            LOG.info("call {}: conference target {} left", callId, target.requestUri());
            legs.backToAgent();
            listener.targetLeft(this);
        }
    }

    /** The agent leaves (LeaveConference, End, or its phone hung up): only its leg goes. Call's executor only. */
    boolean agentLeaves() {
        if (phase != ConferencePhase.MIXING) {
            return false;
        }
        phase = phase.moveTo(ConferencePhase.AGENT_LEFT);
        LOG.info("call {}: the agent left the conference; contact and {} talk on", callId, target.requestUri());
        legs.releaseAgent(targetLeg);
        listener.agentLeft(this);
        return true;
    }

    /** The target is asked to leave (its agent's End): its leg is hung up and the agent gets the contact back. */
    boolean targetLeaves() {
        if (phase != ConferencePhase.MIXING) {
            return false;
        }
        targetLeg.hangup(); // its Ended brings the contact back to the agent
        return true;
    }

    /** The call is ending or was dropped: the target is hung up and the mix stops. Call's executor only. */
    void abort() {
        if (!phase.inProgress()) {
            return;
        }
        phase = phase.moveTo(ConferencePhase.ABORTED);
        legs.stopMix();
        if (targetLeg != null) {
            targetLeg.hangup();
        }
        listener.aborted(this);
    }
}
