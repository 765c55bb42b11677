package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The moves of a campaign call's {@link ContactVerdict}, and what each verdict lets the call do. */
class ContactVerdictTest {

    @Test
    void onlyAContactNotYetAnsweredOrDecidedCanBeLeftUntried() {
        for (ContactVerdict v : ContactVerdict.values()) {
            assertEquals(v == ContactVerdict.UNDECIDED, v.canMoveTo(ContactVerdict.UNTRIED), v.name());
        }
        assertFalse(ContactVerdict.UNTRIED.attempted());
        assertEquals(Set.of(ContactVerdict.UNTRIED), EnumSet.copyOf(
                java.util.Arrays.stream(ContactVerdict.values()).filter(v -> !v.attempted()).toList()));
    }

    @Test
    void aClearedMachineIsStillAMachineAndAHeardMachineClearedIsLetIn() {
        assertEquals(ContactVerdict.MACHINE_CLEARED, ContactVerdict.UNDECIDED.machineHeard().cleared());
        assertEquals(ContactVerdict.MACHINE_CLEARED, ContactVerdict.UNDECIDED.cleared().machineHeard());
        assertEquals(ContactVerdict.CLEARED, ContactVerdict.UNDECIDED.cleared());
        assertTrue(ContactVerdict.MACHINE_CLEARED.machine());
        assertTrue(ContactVerdict.MACHINE_CLEARED.letsAgentIn());
        assertFalse(ContactVerdict.CLEARED.machine());
        assertEquals(ContactVerdict.MACHINE_MESSAGE, ContactVerdict.MACHINE_MESSAGE.machineHeard(),
                "hearing a machine again changes nothing");
    }

    @Test
    void onlyAMachineHeardAndNotLetInCanHaveItsAgentLetGo() {
        for (ContactVerdict v : ContactVerdict.values()) {
            assertEquals(v == ContactVerdict.MACHINE, v.canMoveTo(ContactVerdict.MACHINE_MESSAGE), v.name());
        }
        assertTrue(ContactVerdict.MACHINE_MESSAGE.agentLetGo());
        assertTrue(ContactVerdict.MACHINE_MESSAGE.machine());
        assertFalse(ContactVerdict.MACHINE_MESSAGE.letsAgentIn());
        assertTrue(ContactVerdict.MACHINE_MESSAGE.isTerminal(), "an agent let go is never let in again");
    }

    @Test
    void noVerdictBothLetsTheAgentInAndLetsItGo() {
        for (ContactVerdict v : ContactVerdict.values()) {
            assertFalse(v.letsAgentIn() && v.agentLetGo(), v.name());
            assertFalse(v.letsAgentIn() && !v.attempted(), v.name());
        }
        assertEquals(EnumSet.of(ContactVerdict.CLEARED, ContactVerdict.MACHINE_CLEARED), EnumSet.copyOf(
                java.util.Arrays.stream(ContactVerdict.values()).filter(ContactVerdict::letsAgentIn).toList()));
    }

    @Test
    void aVerdictTheTableRefusesIsAnError() {
        assertThrows(IllegalStateException.class, () -> ContactVerdict.MACHINE_MESSAGE.cleared());
        assertThrows(IllegalStateException.class, () -> ContactVerdict.UNTRIED.machineHeard());
        assertThrows(IllegalStateException.class, () -> ContactVerdict.CLEARED.moveTo(ContactVerdict.UNTRIED));
    }
}
