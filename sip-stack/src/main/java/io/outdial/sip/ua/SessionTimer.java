package io.outdial.sip.ua;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Cancellable;
import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;
import java.time.Duration;

/**
 * The clock of one dialog's session timer (RFC 4028): when we are the refresher, a refresh at half the interval
 * (tried again every eighth of it if it fails); whoever refreshes, the session ends with BYE when no refresh succeeded by the interval less min(32 s, a third).
 * What to send is the {@link Actions}' business. Runs on the leg's call executor.
 */
final class SessionTimer {

    /** Where the timer is. */
    enum Phase implements State<Phase> {
        /** No session timer: the far end did not take it up, or the leg is over. */
        OFF,
        /** We refresh; waiting for half the interval. */
        WE_REFRESH,
        /** Our refresh is out, awaiting its answer; the expiry still runs. */
        REFRESHING,
        /** The far end refreshes; waiting for its refresh or the expiry. */
        THEY_REFRESH,
        /** Nobody refreshed in time: the session is over. Terminal. */
        EXPIRED;

        private static final Transitions<Phase> MOVES = Transitions.of(Phase.class, "session timer")
                .entry(OFF)
                .from(OFF).to(OFF, WE_REFRESH, THEY_REFRESH)
                .from(WE_REFRESH).to(OFF, WE_REFRESH, THEY_REFRESH, REFRESHING, EXPIRED)
                .from(REFRESHING).to(OFF, WE_REFRESH, THEY_REFRESH, REFRESHING, EXPIRED)
                .from(THEY_REFRESH).to(OFF, WE_REFRESH, THEY_REFRESH, EXPIRED)
                .terminal(EXPIRED)
                .build();

        @Override
        public Transitions<Phase> transitions() {
            return MOVES;
        }
    }

    /** What the timer asks of the dialog. */
    interface Actions {
        /** Send a session refresh (UPDATE or re-INVITE) asking for {@code interval}. */
        void refresh(Duration interval);

        /** The session expired unrefreshed: send BYE and end the leg. */
        void expire();
    }

    /** The most RFC 4028 10 takes off the interval before the non-refresher's BYE. */
    private static final Duration MAX_GUARD = Duration.ofSeconds(32);
    private static final Cancellable NONE = () -> { };

    private final CallExecutor executor;
    private final Actions actions;
    private Phase phase = Phase.OFF;
    private Duration interval = Duration.ZERO;
    private Cancellable refreshTimer = NONE;
    private Cancellable expiryTimer = NONE;

    SessionTimer(CallExecutor executor, Actions actions) {
        this.executor = executor;
        this.actions = actions;
    }

    /** When the refresher refreshes: half the interval (RFC 4028 7.4). */
    static Duration refreshAfter(Duration interval) {
        return interval.dividedBy(2);
    }

    /** When an unrefreshed session ends: the interval less min(32 s, a third of it) (RFC 4028 10). */
    static Duration expiresAfter(Duration interval) {
        Duration third = interval.dividedBy(3);
        return interval.minus(third.compareTo(MAX_GUARD) < 0 ? third : MAX_GUARD);
    }

    /**
     * A session interval was agreed (a 2xx to our INVITE or refresh, or our 2xx to the far end's refresh): both
     * clocks start again from now. {@code weRefresh}: we are the refresher.
     */
    void agreed(Duration agreed, boolean weRefresh) {
        if (phase == Phase.EXPIRED) {
            return;
        }
        cancelTimers();
        interval = agreed;
        if (weRefresh) {
            phase = phase.moveTo(Phase.WE_REFRESH);
            refreshTimer = executor.schedule(refreshAfter(agreed), this::onRefreshDue);
        } else {
            phase = phase.moveTo(Phase.THEY_REFRESH);
        }
        expiryTimer = executor.schedule(expiresAfter(agreed), this::onExpiry);
    }

    /** When a failed refresh of ours (491 glare, 5xx, no answer) is tried again: an eighth of the interval on. */
    static Duration retryAfter(Duration interval) {
        return interval.dividedBy(8);
    }

    /**
     * Our refresh failed (an error response or no answer): we try again an eighth of the interval later, while the
     * expiry still runs; the session ends at its expiry unless one succeeds.
     */
    void refreshFailed() {
        if (phase == Phase.REFRESHING) {
            phase = phase.moveTo(Phase.WE_REFRESH);
            refreshTimer.cancel();
            refreshTimer = executor.schedule(retryAfter(interval), this::onRefreshDue);
        }
    }

    /** The dialog no longer uses a session timer (a refresh answered without Session-Expires), or the leg ended. */
    void stop() {
        cancelTimers();
        if (phase != Phase.EXPIRED) {
            phase = phase.moveTo(Phase.OFF);
        }
    }

    Phase phase() {
        return phase;
    }

    /** The interval agreed last; zero while off. */
    Duration interval() {
        return phase == Phase.OFF ? Duration.ZERO : interval;
    }

    private void onRefreshDue() {
        if (phase != Phase.WE_REFRESH) {
            return;
        }
        phase = phase.moveTo(Phase.REFRESHING);
        actions.refresh(interval);
    }

    private void onExpiry() {
        if (phase == Phase.OFF || phase == Phase.EXPIRED) {
            return;
        }
        cancelTimers();
        phase = phase.moveTo(Phase.EXPIRED);
        actions.expire();
    }

    private void cancelTimers() {
        refreshTimer.cancel();
        expiryTimer.cancel();
        refreshTimer = NONE;
        expiryTimer = NONE;
    }
}
