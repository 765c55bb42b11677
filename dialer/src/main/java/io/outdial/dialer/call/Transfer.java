package io.outdial.dialer.call;

import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One blind transfer of a connected campaign call: the contact is put on hold (hold music), the target (another
 * agent's phone, or an outside number through the trunk) is dialed, and when it answers the contact is bridged to it
 * and the transferring agent's leg is released. A target that fails puts the contact back with the agent. The
 * transferring agent may hang up once the transfer is under way: the contact keeps hearing the hold music and the
 * target still rings; if the target then fails, nobody is left and the contact is released with the failure's call
 * result. Runs on the call's executor; the call lends it its legs through {@link Legs}.
 */
public final class Transfer {
    private static final Logger LOG = LoggerFactory.getLogger(Transfer.class);

    /** What the transfer reports, on the call's executor; hand it off without blocking. */
    public interface Listener {
        /** The target's phone rings. */
        void targetRinging(Transfer transfer);

        /** The target answered and talks to the contact; the transferring agent's leg is being released. */
        void completed(Transfer transfer);

        /**
         * The target failed ({@code result}: "486 Busy Here", "no answer"...); the contact is back with the agent,
         * or released when the agent had hung up ({@link #agentGone()}).
         */
        void failed(Transfer transfer, String result);

        /** The call ended (or was dropped) before the target answered; the call's own end follows. */
        default void aborted(Transfer transfer) {
        }
    }

    /** What the call lends a transfer. */
    interface Legs {
        /**
         * Unties the contact from the agent (the agent's hanging up no longer ends the contact's leg) and plays the
         * hold music to the contact.
         */
        void holdContact();

        /** Dials the target; its events reach {@link Transfer#onTargetEvent} until it is handed the contact. */
        Leg dialTarget(DialRequest target);

        /** Bridges the contact to the answered target and releases the transferring agent's leg. */
        void handOver(Leg target);

        /** Stops the hold music and bridges the contact back to the agent. */
        void restore();

        /** The agent is gone and so is the target: the contact is hung up with {@code result}. */
        void releaseContact(io.outdial.dialer.record.CallResult result);
    }

    private final String callId;
    private final DialRequest target;
    private final Legs legs;
    private final Listener listener;
    private TransferPhase phase = TransferPhase.DIALING_TARGET;
    private Leg targetLeg;
    private boolean agentGone;

    Transfer(String callId, DialRequest target, Legs legs, Listener listener) {
        this.callId = callId;
        this.target = target;
        this.legs = legs;
        this.listener = listener;
    }

    /** The Request-URI dialed. */
    public String target() {
        return target.requestUri();
    }

    public TransferPhase phase() {
        return phase;
    }

    /** True once the transferring agent hung up during the transfer. */
    public boolean agentGone() {
        return agentGone;
    }

    /**
     * The transferring agent's leg ended. Returns true while the transfer is under way: it carries on without the
     * agent. Call's executor only.
     */
    boolean agentLeft() {
        if (!phase.inProgress()) {
            return false;
        }
        LOG.info("call {}: the transferring agent hung up; the transfer to {} carries on", callId,
                target.requestUri());
        agentGone = true;
        return true;
    }

    /** Holds the contact and dials the target. Call's executor only. */
    void start() {
        LOG.info("call {}: transferring to {}", callId, target.requestUri());
        legs.holdContact();
        targetLeg = legs.dialTarget(target);
    }

    /** An event of the target's leg while it is not yet the call's agent. Call's executor only. */
    void onTargetEvent(LegEvent event) {
        if (!phase.inProgress()) {
            if (event instanceof LegEvent.Answered) {
                event.leg().hangup(); // answered after an abort: nobody is there for it
            }
            return;
        }
        if (event instanceof LegEvent.Ringing || event instanceof LegEvent.EarlyMedia) {
            if (phase == TransferPhase.DIALING_TARGET) {
                phase = phase.moveTo(TransferPhase.TARGET_RINGING);
                listener.targetRinging(this);
            }
        } else if (event instanceof LegEvent.Answered) {
            phase = phase.moveTo(TransferPhase.COMPLETED);
            LOG.info("call {}: transfer target {} answered, handing over the contact", callId, target.requestUri());
            legs.handOver(targetLeg);
            listener.completed(this);
        } else if (event instanceof LegEvent.Failed failed && agentGone) {
            phase = phase.moveTo(TransferPhase.CONTACT_RELEASED);
            String result = describe(failed);
            LOG.info("call {}: transfer target {} failed ({}) and the agent is gone: contact released", callId,
                    target.requestUri(), result);
            listener.failed(this, result);
            legs.releaseContact(io.outdial.dialer.record.FailureResults.of(failed));
        } else if (event instanceof LegEvent.Failed failed) {
            phase = phase.moveTo(TransferPhase.RESTORED);
            String result = describe(failed);
            LOG.info("call {}: transfer target {} failed ({}), contact back with the agent", callId,
                    target.requestUri(), result);
            legs.restore();
            listener.failed(this, result);
        }
    }

    /** The call is ending or was dropped: a target still being dialed is hung up. Call's executor only. */
    void abort() {
        if (!phase.inProgress()) {
            return;
        }
        phase = phase.moveTo(TransferPhase.ABORTED);
        if (targetLeg != null) {
            targetLeg.hangup();
        }
        listener.aborted(this);
    }

    static String describe(LegEvent.Failed failed) {
        return switch (failed.kind()) {
            case RING_TIMEOUT -> "no answer";
            case NO_RESPONSE -> "no response (" + failed.status() + ")";
            case MEDIA_MISMATCH -> "no common codec";
            case CANCELLED -> "cancelled";
            case REJECTED -> failed.status() + " " + failed.reason();
        };
    }
}
