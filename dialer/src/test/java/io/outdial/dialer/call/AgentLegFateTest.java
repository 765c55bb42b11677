package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.core.state.StateTableContract;
import io.outdial.core.state.Transitions;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The moves of a two-leg call's {@link AgentLegFate}: a bridge is never undone, the phone's failure is the latest word. */
class AgentLegFateTest {

    @Test
    void aCallStartsUnbridgedAndABridgeIsNeverUndone() {
        Transitions<AgentLegFate> table = AgentLegFate.UNBRIDGED.transitions();
        assertEquals(Set.of(AgentLegFate.UNBRIDGED), table.entries());
        assertEquals(Set.of(AgentLegFate.BRIDGED, AgentLegFate.PHONE_FAILED), table.next(AgentLegFate.UNBRIDGED));
        assertEquals(Set.of(AgentLegFate.BRIDGED_PHONE_FAILED), table.next(AgentLegFate.BRIDGED));
        for (AgentLegFate f : AgentLegFate.values()) {
            assertFalse(f.canMoveTo(f), f.name());
            if (f.connected()) {
                assertFalse(f.canMoveTo(AgentLegFate.UNBRIDGED), f.name());
                assertFalse(f.canMoveTo(AgentLegFate.PHONE_FAILED), f.name());
            }
        }
        assertThrows(IllegalStateException.class, () -> AgentLegFate.BRIDGED.moveTo(AgentLegFate.UNBRIDGED));
    }

    @Test
    void theLatestWordOfThePhoneCountsAndTheBridgeStays() {
        AgentLegFate f = AgentLegFate.UNBRIDGED.phoneFailed(true);
        assertEquals(AgentLegFate.PHONE_FAILED, f);
        assertEquals(AgentLegFate.UNBRIDGED, f.phoneFailed(false), "a cancel of ours after a failure is no failure");
        assertSame(AgentLegFate.UNBRIDGED, AgentLegFate.UNBRIDGED.phoneFailed(false));
        assertEquals(AgentLegFate.BRIDGED_PHONE_FAILED, f.bridged(), "a failure heard stays heard");
        AgentLegFate bridged = AgentLegFate.UNBRIDGED.bridged();
        assertEquals(AgentLegFate.BRIDGED, bridged);
        assertSame(bridged, bridged.bridged(), "a second bridge changes nothing");
        assertEquals(AgentLegFate.BRIDGED_PHONE_FAILED, bridged.phoneFailed(true));
        assertEquals(AgentLegFate.BRIDGED, bridged.phoneFailed(true).phoneFailed(false));
    }

    @Test
    void eachValueAnswersBothQuestionsOfTheOutcome() {
        for (AgentLegFate f : AgentLegFate.values()) {
            assertEquals(f == AgentLegFate.BRIDGED || f == AgentLegFate.BRIDGED_PHONE_FAILED, f.connected(), f.name());
            assertEquals(f == AgentLegFate.PHONE_FAILED || f == AgentLegFate.BRIDGED_PHONE_FAILED, f.phoneFailed(),
                    f.name());
        }
    }

    @Test
    void theOneContractFindsAndChecksIt() {
        assertTrue(StateTableContract.stateEnumsUnder(Path.of("target/classes")).contains(AgentLegFate.class));
        StateTableContract.check(AgentLegFate.class);
    }
}
