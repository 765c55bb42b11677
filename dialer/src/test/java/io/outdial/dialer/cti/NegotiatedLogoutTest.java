package io.outdial.dialer.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.AgentChannel;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentProfile;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.core.exec.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Negotiated logout in virtual time: countdown, authorization, and what cancels or stretches it. */
class NegotiatedLogoutTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** The desktop end of the agent's connection: what the agent was told, in order. */
    private static final class Desktop implements AgentChannel {
        final List<CtiEvent> events = new ArrayList<>();

        @Override
        public void send(CtiEvent event) {
            events.add(event);
        }

        @Override
        public void close(String reason) {
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        <T extends CtiEvent> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2030-01-01T09:00:00Z"));
    private final Desktop desktop = new Desktop();
    private final List<String> released = new ArrayList<>();
    private Agent agent;
    private NegotiatedLogout logouts;

    @BeforeEach
    void setUp() {
        AgentRoster roster = new AgentRoster(List.of(
                new AgentProfile("agent1", "s", "sip:agent1@127.0.0.1:5081", false, Duration.ZERO)));
        agent = roster.find("agent1").orElseThrow();
        agent.desktop(new CtiDesktop(desktop));
        agent.moveTo(AgentState.NOT_READY, "LoggedIn");
        logouts = new NegotiatedLogout(clock, LIMIT, (a, requestId) -> {
            released.add(requestId);
            if (!a.state().isEngaged()) {
                a.moveTo(AgentState.LOGGED_OUT, "Logout", requestId);
            }
        });
        roster.onStateChange(logouts::agentMoved);
    }

    private void ringing() {
        agent.moveTo(AgentState.READY, null);
        Interaction ix = new Interaction("ix-1", "camp", null);
        ix.stage(Interaction.Stage.RINGING);
        agent.interaction(ix);
        agent.moveTo(AgentState.RESERVED, "camp");
    }

    @Test
    void aFreeAgentIsNotNegotiatedWith() {
        assertFalse(logouts.request(agent, "r1"));
        assertTrue(desktop.of(CtiEvent.LogoutPending.class).isEmpty());
        assertNull(logouts.phase(agent));
        assertEquals(0, clock.pending());
    }

    @Test
    void logoutWhileRingingCountsDownThenIsAuthorizedWhenTheCallEnds() {
        ringing();
        assertTrue(logouts.request(agent, "r1"));

        assertEquals(List.of(new CtiEvent.LogoutPending("r1", "agent1", 30, "InteractionRinging")),
                desktop.of(CtiEvent.LogoutPending.class));
        assertTrue(agent.notReadyAfterCall(), "released, the agent must not go Ready and get a new call");
        clock.advance(Duration.ofSeconds(12));
        assertEquals(18, logouts.secondsLeft(agent));
        assertTrue(desktop.of(CtiEvent.LogoutAuthorized.class).isEmpty());

        // The call ends without reaching the agent: AfterCall releases it to Not Ready (the flag above).
        agent.interaction(null);
        agent.moveTo(AgentState.NOT_READY, null);

        assertEquals(List.of(new CtiEvent.LogoutAuthorized("r1", "agent1", NegotiatedLogout.CALL_FINISHED)),
                desktop.of(CtiEvent.LogoutAuthorized.class));
        assertEquals(List.of("r1"), released);
        assertEquals(AgentState.LOGGED_OUT, agent.state());
        assertEquals(0, clock.pending(), "the countdown is cancelled");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, desktop.of(CtiEvent.LogoutAuthorized.class).size());
    }

    @Test
    void theCountdownEndingAuthorizesTheLogoutEvenIfTheAgentIsStillReserved() {
        ringing();
        logouts.request(agent, "r1");

        clock.advance(LIMIT.minusMillis(1));
        assertTrue(released.isEmpty());
        assertEquals(1, logouts.secondsLeft(agent));
        clock.advance(Duration.ofMillis(1));

        assertEquals(List.of(new CtiEvent.LogoutAuthorized("r1", "agent1", NegotiatedLogout.COUNTDOWN_ENDED)),
                desktop.of(CtiEvent.LogoutAuthorized.class));
        assertEquals(List.of("r1"), released);
        assertNull(logouts.phase(agent));
    }

    @Test
    void aCallReachingTheAgentStopsTheCountdownAndTheLogoutWaitsForMarkDone() {
        ringing();
        logouts.request(agent, "r1");
        clock.advance(Duration.ofSeconds(5));

        agent.moveTo(AgentState.BUSY, "camp");
        assertEquals(LogoutPhase.AFTER_MARK_DONE, logouts.phase(agent));
        assertEquals(new CtiEvent.LogoutPending(null, "agent1", null, "OnCall"),
                desktop.of(CtiEvent.LogoutPending.class).get(1));
        clock.advance(Duration.ofMinutes(5));
        agent.moveTo(AgentState.AFTER_CALL_WORK, "camp");
        clock.advance(Duration.ofMinutes(5));
        assertTrue(released.isEmpty(), "a conversation and its wrap-up are never cut by the countdown");

        agent.moveTo(AgentState.NOT_READY, null); // Mark Done
        assertEquals(List.of(new CtiEvent.LogoutAuthorized("r1", "agent1", NegotiatedLogout.CALL_FINISHED)),
                desktop.of(CtiEvent.LogoutAuthorized.class));
        assertEquals(AgentState.LOGGED_OUT, agent.state());
    }

    @Test
    void logoutWhileWrappingUpHasNoCountdownAndIsAuthorizedAtMarkDone() {
        ringing();
        agent.moveTo(AgentState.BUSY, "camp");
        agent.moveTo(AgentState.AFTER_CALL_WORK, "camp");
        logouts.request(agent, "r2");

        assertEquals(List.of(new CtiEvent.LogoutPending("r2", "agent1", null, "AfterCallWork")),
                desktop.of(CtiEvent.LogoutPending.class));
        assertEquals(0, clock.pending());
        agent.moveTo(AgentState.NOT_READY, null);
        assertEquals(List.of("r2"), released);
    }

    @Test
    void askingAgainTellsTheSecondsLeftAndDoesNotRestartTheCountdown() {
        ringing();
        logouts.request(agent, "r1");
        clock.advance(Duration.ofSeconds(20));
        logouts.request(agent, "r2");

        assertEquals(new CtiEvent.LogoutPending("r2", "agent1", 10, "InteractionRinging"),
                desktop.of(CtiEvent.LogoutPending.class).get(1));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(List.of("r1"), released);
    }

    @Test
    void aPreviewRecordIsNamedAsTheReason() {
        Interaction ix = new Interaction("pv-1", "camp", null);
        ix.stage(Interaction.Stage.PREVIEW);
        agent.interaction(ix);
        agent.moveTo(AgentState.RESERVED, "camp");
        logouts.request(agent, "r1");
        assertEquals("PreviewRecord", desktop.of(CtiEvent.LogoutPending.class).get(0).reason());
    }

    @Test
    void forgettingCancelsTheCountdownAndRestoresTheAgentsOwnNotReadyRequest() {
        ringing();
        logouts.request(agent, "r1");
        logouts.forget(agent);

        assertFalse(agent.notReadyAfterCall());
        assertNull(logouts.phase(agent));
        clock.advance(Duration.ofMinutes(1));
        assertTrue(released.isEmpty());
        agent.moveTo(AgentState.READY, null);
        assertTrue(desktop.of(CtiEvent.LogoutAuthorized.class).isEmpty());
    }

    @Test
    void aZeroLimitAuthorizesAtOnce() {
        logouts = new NegotiatedLogout(clock, Duration.ZERO, (a, requestId) -> released.add(requestId));
        ringing();
        assertTrue(logouts.request(agent, "r1"));
        assertEquals(List.of("r1"), released);
        assertTrue(desktop.of(CtiEvent.LogoutPending.class).isEmpty());
        assertEquals(NegotiatedLogout.COUNTDOWN_ENDED, desktop.of(CtiEvent.LogoutAuthorized.class).get(0).reason());
    }

    @Test
    void theTableOnlyGoesForward() {
        assertEquals(LogoutPhase.AUTHORIZED, LogoutPhase.COUNTING_DOWN.moveTo(LogoutPhase.AFTER_MARK_DONE)
                .moveTo(LogoutPhase.AUTHORIZED));
        assertThrows(IllegalStateException.class, () -> LogoutPhase.AFTER_MARK_DONE.moveTo(LogoutPhase.COUNTING_DOWN));
        assertThrows(IllegalStateException.class, () -> LogoutPhase.AUTHORIZED.moveTo(LogoutPhase.AUTHORIZED));
    }
}
