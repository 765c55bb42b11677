package io.outdial.dialer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OutboundPreviewStateTest {

    @Test
    void loginMakesItNotReadyAndOnlyThenMayItGoReady() {
        assertThrows(IllegalStateException.class, () -> OutboundPreviewState.LOGGED_OUT.moveTo(
                OutboundPreviewState.READY));
        assertEquals(OutboundPreviewState.READY, OutboundPreviewState.LOGGED_OUT
                .moveTo(OutboundPreviewState.NOT_READY).moveTo(OutboundPreviewState.READY));
        assertEquals(OutboundPreviewState.LOGGED_OUT, OutboundPreviewState.READY
                .moveTo(OutboundPreviewState.LOGGED_OUT));
        assertEquals("NotReady", OutboundPreviewState.NOT_READY.wireName());
    }

    @Test
    void loggingOutTheVoiceChannelClosesTheOutboundPreviewChannel() {
        Agent agent = new Agent(new AgentProfile("ann", "s", "sip:ann@127.0.0.1", false, null));
        agent.moveTo(AgentState.NOT_READY, "LoggedIn");
        agent.moveOutboundPreview(OutboundPreviewState.NOT_READY, "LoggedIn", null);
        agent.moveOutboundPreview(OutboundPreviewState.READY, null, null);
        agent.moveTo(AgentState.LOGGED_OUT, "Logout");
        assertEquals(OutboundPreviewState.LOGGED_OUT, agent.outboundPreview());
    }
}
