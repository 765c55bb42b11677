package io.outdial.dialer.preview;

import io.outdial.dialer.config.PreviewSettings;
import io.outdial.core.exec.Cancellable;
import io.outdial.core.exec.Scheduler;
import java.time.Duration;

/**
 * One interaction preview in front of an agent: Accept, Reject, no answer within the accept timeout, or the
 * auto-answer countdown accepting on the agent's behalf. Pure logic on a {@link Scheduler} (the dialer executor in
 * the gateway, virtual time in tests); every method runs on the scheduler's executor.
 */
public final class InteractionOffer {

    /** How an offer ends; called once, on the scheduler's executor. */
    public interface Outcome {
        void accepted(InteractionOffer offer, boolean auto);

        /** REJECTED, TIMED_OUT or WITHDRAWN. */
        void returned(InteractionOffer offer, OfferState why);
    }

    private final Scheduler scheduler;
    private final PreviewSettings terms;
    private final Outcome outcome;
    private OfferState state = OfferState.OFFERED;
    private Cancellable timer;
    private boolean started;

    public InteractionOffer(Scheduler scheduler, PreviewSettings terms, Outcome outcome) {
        this.scheduler = scheduler;
        this.terms = terms;
        this.outcome = outcome;
    }

    /** Starts the clock: the auto-answer countdown if configured, otherwise the accept timeout. */
    public void start() {
        if (started) {
            throw new IllegalStateException("offer already started");
        }
        started = true;
        if (autoAnswering()) {
            timer = scheduler.schedule(terms.autoAnswer(), () -> end(OfferState.ACCEPTED, true));
        } else {
            timer = scheduler.schedule(terms.acceptTimeout(), () -> end(OfferState.TIMED_OUT, false));
        }
    }

    public OfferState state() {
        return state;
    }

    /** True when the auto-answer countdown runs instead of the accept timeout. */
    public boolean autoAnswering() {
        return terms.autoAnswer() != null;
    }

    /** Whether the agent may Reject now. */
    public boolean rejectAllowed() {
        return !autoAnswering() || terms.rejectDuringAutoAnswer();
    }

    /** Seconds the agent has to answer (the accept timeout), or null during an auto-answer countdown. */
    public Integer acceptTimeoutSeconds() {
        return autoAnswering() ? null : seconds(terms.acceptTimeout());
    }

    /** Seconds until the auto-answer, or null when there is none. */
    public Integer autoAnswerSeconds() {
        return autoAnswering() ? seconds(terms.autoAnswer()) : null;
    }

    /** True when a time-out also sets the agent's channel Not Ready. */
    public boolean autoReject() {
        return terms.autoReject();
    }

    /** The agent accepts. Returns the reason it may not, or null when accepted. */
    public String accept() {
        if (state != OfferState.OFFERED) {
            return "the interaction preview is already " + state.name().toLowerCase().replace('_', ' ');
        }
        end(OfferState.ACCEPTED, false);
        return null;
    }

    /** The agent rejects. Returns the reason it may not, or null when rejected. */
    public String reject() {
        if (state != OfferState.OFFERED) {
            return "the interaction preview is already " + state.name().toLowerCase().replace('_', ' ');
        }
        if (!rejectAllowed()) {
            return "Reject is not offered during the auto-answer countdown";
        }
        end(OfferState.REJECTED, false);
        return null;
    }

    /** The gateway takes the offer back (no-op once it has ended). */
    public void withdraw() {
        if (state == OfferState.OFFERED) {
            end(OfferState.WITHDRAWN, false);
        }
    }

    private void end(OfferState next, boolean auto) {
        if (state != OfferState.OFFERED) {
            return; // a timer that lost the race with the agent
        }
        state = state.moveTo(next);
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (next == OfferState.ACCEPTED) {
            outcome.accepted(this, auto);
        } else {
            outcome.returned(this, next);
        }
    }

    private static int seconds(Duration d) {
        return (int) Math.max(0, (d.toMillis() + 999) / 1000);
    }
}
