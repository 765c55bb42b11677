package io.outdial.dialer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgentStateTest {

    @Test
    void aProgressiveCallTakesTheAgentThroughReservedBusyAndAfterCallWork() {
        AgentState s = AgentState.LOGGED_OUT.moveTo(AgentState.NOT_READY)
                .moveTo(AgentState.READY)
                .moveTo(AgentState.RESERVED)
                .moveTo(AgentState.BUSY)
                .moveTo(AgentState.AFTER_CALL_WORK)
                .moveTo(AgentState.READY);
        assertEquals(AgentState.READY, s);
    }

    @Test
    void aBusyAgentCannotGoReadyOrLeaveBeforeWrappingUp() {
        assertThrows(IllegalStateException.class, () -> AgentState.BUSY.moveTo(AgentState.READY));
        assertThrows(IllegalStateException.class, () -> AgentState.BUSY.moveTo(AgentState.LOGGED_OUT));
    }

    @Test
    void aPreviewRecordReservesAnAgentWhetherReadyOrNot() {
        // Progressive pacing only ever dials for Ready agents; a preview record is asked for in either state.
        assertEquals(AgentState.RESERVED, AgentState.NOT_READY.moveTo(AgentState.RESERVED));
        assertEquals(AgentState.NOT_READY, AgentState.RESERVED.moveTo(AgentState.NOT_READY));
        assertThrows(IllegalStateException.class, () -> AgentState.LOGGED_OUT.moveTo(AgentState.RESERVED));
    }

    @Test
    void engagedMeansHeldByACampaignCall() {
        assertTrue(AgentState.RESERVED.isEngaged());
        assertTrue(AgentState.BUSY.isEngaged());
        assertTrue(AgentState.AFTER_CALL_WORK.isEngaged());
        assertFalse(AgentState.READY.isEngaged());
        assertFalse(AgentState.NOT_READY.isEngaged());
    }
}
