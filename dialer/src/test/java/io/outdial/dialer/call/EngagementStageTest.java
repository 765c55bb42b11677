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

/** The moves of an engagement's {@link EngagementStage}: forward only, one step at a time, and found by the contract. */
class EngagementStageTest {

    @Test
    void anEngagementStartsCallingTheAgentAndOnlyGoesForwardOneStepAtATime() {
        Transitions<EngagementStage> table = EngagementStage.CALLING_AGENT.transitions();
        assertEquals(Set.of(EngagementStage.CALLING_AGENT), table.entries());
        assertEquals(Set.of(EngagementStage.ENGAGED), table.next(EngagementStage.CALLING_AGENT));
        assertEquals(Set.of(EngagementStage.CONNECTED), table.next(EngagementStage.ENGAGED));
        assertTrue(EngagementStage.CONNECTED.isTerminal(), "a bridged engagement stays bridged until it is over");
    }

    @Test
    void noContactIsBridgedToAnAgentNeverEngagedAndNoStageIsEnteredTwice() {
        assertThrows(IllegalStateException.class,
                () -> EngagementStage.CALLING_AGENT.moveTo(EngagementStage.CONNECTED));
        for (EngagementStage s : EngagementStage.values()) {
            assertFalse(s.canMoveTo(s), s.name());
            assertFalse(s.canMoveTo(EngagementStage.CALLING_AGENT), s.name());
        }
        assertThrows(IllegalStateException.class, () -> EngagementStage.CONNECTED.moveTo(EngagementStage.ENGAGED));
    }

    @Test
    void theAgentIsOnTheLineFromTheEngagementOnAndConnectedOnlyWhenBridged() {
        assertEquals(EnumSet.of(EngagementStage.ENGAGED, EngagementStage.CONNECTED), EnumSet.copyOf(
                java.util.Arrays.stream(EngagementStage.values()).filter(EngagementStage::agentOnLine).toList()));
        assertEquals(EnumSet.of(EngagementStage.CONNECTED), EnumSet.copyOf(
                java.util.Arrays.stream(EngagementStage.values()).filter(EngagementStage::connected).toList()));
    }

    @Test
    void theOneContractFindsAndChecksIt() {
        assertTrue(StateTableContract.stateEnumsUnder(Path.of("target/classes")).contains(EngagementStage.class));
        StateTableContract.check(EngagementStage.class);
    }
}
