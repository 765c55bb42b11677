package io.outdial.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LegStateTest {

    @Test
    void anAnsweredLegCanOnlyEnd() {
        assertEquals(LegState.ENDING, LegState.ANSWERED.moveTo(LegState.ENDING));
        assertEquals(LegState.ENDED, LegState.ANSWERED.moveTo(LegState.ENDED));
        assertThrows(IllegalStateException.class, () -> LegState.ANSWERED.moveTo(LegState.RINGING));
        assertThrows(IllegalStateException.class, () -> LegState.ANSWERED.moveTo(LegState.FAILED));
    }

    @Test
    void terminalStatesGoNowhere() {
        for (LegState next : LegState.values()) {
            assertThrows(IllegalStateException.class, () -> LegState.FAILED.moveTo(next));
            assertThrows(IllegalStateException.class, () -> LegState.ENDED.moveTo(next));
        }
        assertTrue(LegState.FAILED.isTerminal() && LegState.ENDED.isTerminal());
    }

    @Test
    void aCancellingLegMayStillBeAnsweredFailOrEnd() {
        assertTrue(LegState.ENDING.canMoveTo(LegState.FAILED));
        assertTrue(LegState.ENDING.canMoveTo(LegState.ENDED));
        assertTrue(LegState.ENDING.canMoveTo(LegState.ANSWERED));
    }
}
