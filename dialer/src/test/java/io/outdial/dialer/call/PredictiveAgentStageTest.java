package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.core.state.StateTableContract;
import io.outdial.core.state.Transitions;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The moves of a predictive call's {@link PredictiveAgentStage}: a preview is accepted or declined, an exit is final. */
class PredictiveAgentStageTest {

    @Test
    void aCallStartsWithNoAgentAndIsPreviewedOrGivenThenMayBeTransferredOut() {
        Transitions<PredictiveAgentStage> table = PredictiveAgentStage.NO_AGENT.transitions();
        assertEquals(Set.of(PredictiveAgentStage.NO_AGENT), table.entries());
        assertEquals(Set.of(PredictiveAgentStage.PREVIEWING, PredictiveAgentStage.AGENT_GIVEN),
                table.next(PredictiveAgentStage.NO_AGENT));
        assertEquals(Set.of(PredictiveAgentStage.AGENT_GIVEN, PredictiveAgentStage.NO_AGENT),
                table.next(PredictiveAgentStage.PREVIEWING), "accepted, or declined: the contact waits again");
        assertEquals(Set.of(PredictiveAgentStage.TRANSFERRED_OUT), table.next(PredictiveAgentStage.AGENT_GIVEN));
        assertTrue(PredictiveAgentStage.TRANSFERRED_OUT.isTerminal());
    }

    @Test
    void aPreviewedCallIsNotTransferredOutAndAGivenCallIsNotPreviewedAgain() {
        assertThrows(IllegalStateException.class,
                () -> PredictiveAgentStage.PREVIEWING.moveTo(PredictiveAgentStage.TRANSFERRED_OUT));
        assertThrows(IllegalStateException.class,
                () -> PredictiveAgentStage.NO_AGENT.moveTo(PredictiveAgentStage.TRANSFERRED_OUT));
        assertThrows(IllegalStateException.class,
                () -> PredictiveAgentStage.AGENT_GIVEN.moveTo(PredictiveAgentStage.PREVIEWING));
        for (PredictiveAgentStage s : PredictiveAgentStage.values()) {
            assertFalse(s.canMoveTo(s), s.name());
        }
    }

    @Test
    void anAgentHoldsTheCallWhilePreviewingOrGivenIt() {
        assertEquals(EnumSet.of(PredictiveAgentStage.PREVIEWING, PredictiveAgentStage.AGENT_GIVEN), EnumSet.copyOf(
                java.util.Arrays.stream(PredictiveAgentStage.values()).filter(PredictiveAgentStage::agentHolds)
                        .toList()));
    }

    @Test
    void theOneContractFindsAndChecksIt() {
        assertTrue(StateTableContract.stateEnumsUnder(Path.of("target/classes")).contains(PredictiveAgentStage.class));
        StateTableContract.check(PredictiveAgentStage.class);
    }
}
