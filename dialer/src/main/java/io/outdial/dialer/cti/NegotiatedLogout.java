package io.outdial.dialer.cti;

import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.core.exec.Cancellable;
import io.outdial.core.exec.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Negotiated logout: a Logout that arrives while a call or record holds the agent is delayed so the call being
 * set up for the agent is not lost. The agent is told the countdown ({@code LogoutPending}), then
 * {@code LogoutAuthorized} when its reservation ends or the countdown runs out (at most the configured limit).
 * Talking or wrapping up, the agent is authorized after Mark Done. Dialer executor only; the scheduler's timers
 * must run there too.
 */
public final class NegotiatedLogout {
    /** Reasons sent in LogoutAuthorized. */
    public static final String CALL_FINISHED = "CallFinished";
    public static final String COUNTDOWN_ENDED = "CountdownEnded";

    /** What happens once a logout is authorized: the desk logs the agent out and closes its desktop. */
    public interface Release {
        void authorized(Agent agent, String requestId);
    }

    private static final class Pending {
        final Agent agent;
        final String requestId;
        final boolean notReadyBefore;
        LogoutPhase phase;
        Instant deadline;
        Cancellable countdown;

        Pending(Agent agent, String requestId, LogoutPhase phase) {
            this.agent = agent;
            this.requestId = requestId;
            this.phase = phase;
            this.notReadyBefore = agent.notReadyAfterCall();
        }
    }

    private final Scheduler scheduler;
    private final Duration limit;
    private final Release release;
    private final Map<String, Pending> pending = new HashMap<>();

    /** @param limit the longest a reserved agent waits for authorization ({@code dialing.logoutDelayLimit}) */
    public NegotiatedLogout(Scheduler scheduler, Duration limit, Release release) {
        this.scheduler = scheduler;
        this.limit = limit;
        this.release = release;
    }

    /**
     * The agent asked to log out. Returns false when nothing holds the agent (the caller logs it out at once);
     * otherwise the logout is pending and the agent was told so. Asked again, the agent is told where it stands.
     */
    public boolean request(Agent agent, String requestId) {
        Pending p = pending.get(agent.id());
        if (p != null) {
            CtiDesktop.send(agent, pendingEvent(p, requestId));
            return true;
        }
        LogoutPhase start = startPhase(agent.state());
        if (start == null) {
            return false;
        }
        p = new Pending(agent, requestId, start);
        pending.put(agent.id(), p);
        // Never Ready again: released, the agent goes Not Ready (no new call) and is authorized there.
        agent.notReadyAfterCall(true);
        if (start == LogoutPhase.COUNTING_DOWN) {
            if (limit.isZero()) {
                authorize(p, COUNTDOWN_ENDED);
                return true;
            }
            Pending counting = p;
            p.deadline = scheduler.now().plus(limit);
            p.countdown = scheduler.schedule(limit, () -> countdownEnded(counting));
        }
        CtiDesktop.send(agent, pendingEvent(p, requestId));
        return true;
    }

    /** Told of every agent state change (after the desktop heard of it). */
    public void agentMoved(Agent agent, AgentState previous) {
        Pending p = pending.get(agent.id());
        if (p == null) {
            return;
        }
        AgentState now = agent.state();
        if (now == AgentState.LOGGED_OUT) {
            // Logged out some other way (desktop gone): nothing left to authorize.
            forget(agent);
        } else if (!now.isEngaged()) {
            authorize(p, CALL_FINISHED);
        } else if (p.phase == LogoutPhase.COUNTING_DOWN && now != AgentState.RESERVED) {
            // The call reached the agent: its conversation is not cut, the logout waits for Mark Done.
            cancelCountdown(p);
            p.phase = p.phase.moveTo(LogoutPhase.AFTER_MARK_DONE);
            CtiDesktop.send(agent, pendingEvent(p, null));
        }
    }

    /** Drops a pending logout without authorizing it (a new login, or the desktop went away). */
    public void forget(Agent agent) {
        Pending p = pending.remove(agent.id());
        if (p != null) {
            cancelCountdown(p);
            agent.notReadyAfterCall(p.notReadyBefore);
        }
    }

    /** The phase of the agent's pending logout, or null if none is pending. */
    public LogoutPhase phase(Agent agent) {
        Pending p = pending.get(agent.id());
        return p == null ? null : p.phase;
    }

    /** Seconds left on the agent's countdown (rounded up), or null when no countdown runs. */
    public Integer secondsLeft(Agent agent) {
        Pending p = pending.get(agent.id());
        return p == null ? null : secondsLeft(p);
    }

    private static LogoutPhase startPhase(AgentState state) {
        if (state == AgentState.RESERVED) {
            return LogoutPhase.COUNTING_DOWN;
        }
        if (state == AgentState.BUSY || state == AgentState.AFTER_CALL_WORK) {
            return LogoutPhase.AFTER_MARK_DONE;
        }
        return null;
    }

    private void countdownEnded(Pending p) {
        if (pending.get(p.agent.id()) == p && p.phase == LogoutPhase.COUNTING_DOWN) {
            authorize(p, COUNTDOWN_ENDED);
        }
    }

    private void authorize(Pending p, String reason) {
        cancelCountdown(p);
        p.phase = p.phase.moveTo(LogoutPhase.AUTHORIZED);
        pending.remove(p.agent.id());
        CtiDesktop.send(p.agent, new CtiEvent.LogoutAuthorized(p.requestId, p.agent.id(), reason));
        release.authorized(p.agent, p.requestId);
    }

    private static void cancelCountdown(Pending p) {
        if (p.countdown != null) {
            p.countdown.cancel();
            p.countdown = null;
            p.deadline = null;
        }
    }

    private Integer secondsLeft(Pending p) {
        if (p.deadline == null) {
            return null;
        }
        long millis = Duration.between(scheduler.now(), p.deadline).toMillis();
        return (int) Math.max(0, (millis + 999) / 1000);
    }

    private CtiEvent.LogoutPending pendingEvent(Pending p, String requestId) {
        return new CtiEvent.LogoutPending(requestId, p.agent.id(), secondsLeft(p), reason(p.agent));
    }

    /** Why the logout waits, from what holds the agent. */
    private static String reason(Agent agent) {
        if (agent.state() == AgentState.BUSY) {
            return "OnCall";
        }
        if (agent.state() == AgentState.AFTER_CALL_WORK) {
            return "AfterCallWork";
        }
        Interaction ix = agent.interaction();
        if (ix == null) {
            return "Reserved";
        }
        if (ix.stage() == Interaction.Stage.PREVIEW) {
            return "PreviewRecord";
        }
        if (ix.stage() == Interaction.Stage.RINGING) {
            return "InteractionRinging";
        }
        return "CallBeingDialed";
    }
}
