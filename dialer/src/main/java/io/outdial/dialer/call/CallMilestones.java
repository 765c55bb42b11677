package io.outdial.dialer.call;

import io.outdial.core.exec.CallExecutor;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.media.detect.AmdOutcome;
import io.outdial.media.detect.Detection;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The one observer of every paced mode's calls: progressive and predictive contact calls ({@link #contactCalls}) and
 * engaged agents' lines with their contacts ({@link #engagingCalls}). Each milestone is taken on the call's executor
 * (with the time it happened), hopped to the dialer executor in the order the call reported it, and there the call's
 * {@link PacedCall} is found in {@link Assignments} (a contact call's state, or an engaged agent's line; nothing is
 * done once it is gone) and the policy that placed it is asked ({@link PacedCall#policy}): {@link ModePolicy#answered}
 * and {@link ModePolicy#ended}, and the mode-own {@link ModePolicy#contactGone}, {@link ModePolicy#machine},
 * {@link ModePolicy#lineEngaged}, {@link ModePolicy#lineEnded}. What is the same in every mode is done here once: a
 * hold from the phone goes to the desktop ({@link PhoneHolds}), a detection to the metrics and its verdict to the
 * contact's interaction, a reaped call to the metrics (on the call's executor, as it happens).
 */
final class CallMilestones {
    private final CallExecutor dialer;
    private final DialerMetrics metrics;
    private final Assignments assignments;
    private final CampaignCall.Observer contactCalls = new ContactCalls();
    private final EngagingCall.Observer engagingCalls = new EngagingCalls();

    CallMilestones(CallExecutor dialer, DialerMetrics metrics, Assignments assignments) {
        this.dialer = dialer;
        this.metrics = metrics;
        this.assignments = assignments;
    }

    /** The observer of every progressive and predictive contact call (their state in the registry is a paced call). */
    CampaignCall.Observer contactCalls() {
        return contactCalls;
    }

    /** The observer of every engaged agent's call (its line in the registry is a paced call). */
    EngagingCall.Observer engagingCalls() {
        return engagingCalls;
    }

    /** On the dialer executor: {@code step} with the contact call's paced call, if it is still registered. */
    private void onCall(CampaignCall call, Consumer<PacedCall> step) {
        dialer.execute(() -> assignments.stateOf(call.id(), PacedCall.class).ifPresent(step));
    }

    /** On the dialer executor: {@code step} with the engaged agent's line, if it is still registered. */
    private void onLine(EngagingCall call, Consumer<PacedCall> step) {
        dialer.execute(() -> assignments.lineOf(call.id(), PacedCall.class).ifPresent(step));
    }

    /** The dialer's clock, read on the call's executor when the milestone happens. */
    private Instant now() {
        return dialer.scheduler().now();
    }

    private static void held(PacedCall p, boolean held) {
        PhoneHolds.report(p.agent(), p.shown(), held);
    }

    /** Every detection is counted; a verdict is told to its contact's interaction, and a machine to the policy. */
    private void detected(PacedCall p, CampaignCall contact, Detection detection) {
        metrics.detected(p.campaign().name(), detection);
        if (!(detection instanceof Detection.AmdDecision verdict)) {
            return;
        }
        Interaction ix = p.interactionOf(contact);
        if (ix == null) {
            return;
        }
        ix.detected(verdict);
        if (verdict.outcome() == AmdOutcome.MACHINE) {
            p.policy().machine(p, contact);
        }
    }

    /** A progressive or predictive contact call: the call is its own paced call. */
    private final class ContactCalls implements CampaignCall.Observer {
        @Override
        public void contactAnswered(CampaignCall call) {
            Instant at = now();
            onCall(call, p -> p.policy().answered(p, call, ContactAnswer.PICKED_UP, at));
        }

        @Override
        public void contactCleared(CampaignCall call, Detection.AmdDecision decision) {
            Instant at = now();
            onCall(call, p -> p.policy().answered(p, call, ContactAnswer.CLEARED, at));
        }

        @Override
        public void agentRinging(CampaignCall call) {
            Instant at = now();
            onCall(call, p -> p.policy().answered(p, call, ContactAnswer.AGENT_RINGING, at));
        }

        @Override
        public void connected(CampaignCall call) {
            Instant at = now();
            onCall(call, p -> p.policy().answered(p, call, ContactAnswer.BRIDGED, at));
        }

        @Override
        public void heldFromPhone(CampaignCall call, boolean held) {
            onCall(call, p -> held(p, held));
        }

        @Override
        public void detected(CampaignCall call, Detection detection) {
            onCall(call, p -> CallMilestones.this.detected(p, call, detection));
        }

        @Override
        public void reaped(CampaignCall call) {
            metrics.reaped();
        }

        @Override
        public void contactGone(CampaignCall call) {
            Instant at = now();
            onCall(call, p -> p.policy().contactGone(p, at));
        }

        @Override
        public void finished(CampaignCall call, CallOutcome outcome) {
            onCall(call, p -> p.policy().ended(p, call, outcome));
        }
    }

    /** An engaged agent's call: its line is the paced call, its contacts' milestones are relayed by it. */
    private final class EngagingCalls implements EngagingCall.Observer {
        @Override
        public void engaged(EngagingCall call) {
            onLine(call, p -> p.policy().lineEngaged(p));
        }

        @Override
        public void contactAnswered(EngagingCall call, CampaignCall contact) {
            Instant at = now();
            onLine(call, p -> p.policy().answered(p, contact, ContactAnswer.PICKED_UP, at));
        }

        @Override
        public void contactCleared(EngagingCall call, CampaignCall contact, Detection.AmdDecision decision) {
            Instant at = now();
            onLine(call, p -> p.policy().answered(p, contact, ContactAnswer.CLEARED, at));
        }

        @Override
        public void contactConnected(EngagingCall call, CampaignCall contact) {
            Instant at = now();
            onLine(call, p -> p.policy().answered(p, contact, ContactAnswer.BRIDGED, at));
        }

        @Override
        public void heldFromPhone(EngagingCall call, CampaignCall contact, boolean held) {
            onLine(call, p -> held(p, held));
        }

        @Override
        public void detected(EngagingCall call, CampaignCall contact, Detection detection) {
            onLine(call, p -> CallMilestones.this.detected(p, contact, detection));
        }

        @Override
        public void contactFinished(EngagingCall call, CampaignCall contact, CallOutcome outcome) {
            onLine(call, p -> p.policy().ended(p, contact, outcome));
        }

        @Override
        public void finished(EngagingCall call, EngagingCall.End end) {
            onLine(call, p -> p.policy().lineEnded(p, end));
        }
    }
}
