package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.core.state.StateTableContract;
import io.outdial.core.state.Transitions;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The moves of a paced contact's {@link PacedAnswer}: counted once, as a live answer or as a machine, never both. */
class PacedAnswerTest {

    @Test
    void aContactStartsUncountedAndIsCountedOnceAsLiveOrMachine() {
        Transitions<PacedAnswer> table = PacedAnswer.UNCOUNTED.transitions();
        assertEquals(Set.of(PacedAnswer.UNCOUNTED), table.entries());
        assertEquals(Set.of(PacedAnswer.LIVE, PacedAnswer.MACHINE), table.next(PacedAnswer.UNCOUNTED));
        assertTrue(PacedAnswer.LIVE.isTerminal());
        assertTrue(PacedAnswer.MACHINE.isTerminal());
    }

    @Test
    void aLiveAnswerIsNeverAMachineAndNoAnswerIsCountedTwice() {
        assertThrows(IllegalStateException.class, () -> PacedAnswer.LIVE.moveTo(PacedAnswer.MACHINE));
        assertThrows(IllegalStateException.class, () -> PacedAnswer.MACHINE.moveTo(PacedAnswer.LIVE));
        for (PacedAnswer a : PacedAnswer.values()) {
            assertFalse(a.canMoveTo(a), a.name());
            assertFalse(a.canMoveTo(PacedAnswer.UNCOUNTED), a.name());
        }
    }

    @Test
    void eachValueAnswersExactlyOneQuestion() {
        for (PacedAnswer a : PacedAnswer.values()) {
            assertEquals(a == PacedAnswer.UNCOUNTED, a.uncounted(), a.name());
            assertEquals(a == PacedAnswer.LIVE, a.live(), a.name());
            assertEquals(a == PacedAnswer.MACHINE, a.machine(), a.name());
        }
    }

    @Test
    void theOneContractFindsAndChecksIt() {
        assertTrue(StateTableContract.stateEnumsUnder(Path.of("target/classes")).contains(PacedAnswer.class));
        StateTableContract.check(PacedAnswer.class);
    }
}
