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

/** The moves of an engaged contact's {@link EngagedHandover}: the engaged agent's until handed on, once. */
class EngagedHandoverTest {

    @Test
    void aContactIsTheEngagedAgentsUntilItIsHandedOnOnce() {
        Transitions<EngagedHandover> table = EngagedHandover.ENGAGED_AGENTS.transitions();
        assertEquals(Set.of(EngagedHandover.ENGAGED_AGENTS), table.entries());
        assertEquals(Set.of(EngagedHandover.HANDED_ON), table.next(EngagedHandover.ENGAGED_AGENTS));
        assertTrue(EngagedHandover.HANDED_ON.isTerminal());
        assertThrows(IllegalStateException.class, () -> EngagedHandover.HANDED_ON.moveTo(EngagedHandover.HANDED_ON));
        assertThrows(IllegalStateException.class,
                () -> EngagedHandover.HANDED_ON.moveTo(EngagedHandover.ENGAGED_AGENTS));
    }

    @Test
    void onlyAHandedOnContactSaysSo() {
        assertFalse(EngagedHandover.ENGAGED_AGENTS.handedOn());
        assertTrue(EngagedHandover.HANDED_ON.handedOn());
    }

    @Test
    void theOneContractFindsAndChecksIt() {
        assertTrue(StateTableContract.stateEnumsUnder(Path.of("target/classes")).contains(EngagedHandover.class));
        StateTableContract.check(EngagedHandover.class);
    }
}
