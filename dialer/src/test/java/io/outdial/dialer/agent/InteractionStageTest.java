package io.outdial.dialer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.outdial.dialer.agent.Interaction.Stage;
import org.junit.jupiter.api.Test;

class InteractionStageTest {

    private final Interaction ix = new Interaction("ix-7", "sample", null);

    @Test
    void aProgressiveCallGoesDialingRingingEstablishedReleasedDone() {
        assertEquals(Stage.DIALING, ix.stage());
        for (Stage next : new Stage[] {Stage.RINGING, Stage.ESTABLISHED, Stage.ON_HOLD, Stage.ESTABLISHED,
                Stage.RELEASED, Stage.DONE}) {
            ix.stage(next);
            assertEquals(next, ix.stage());
        }
    }

    @Test
    void aMoveOutsideTheTableIsRefusedAndTheStageStays() {
        ix.stage(Stage.RINGING);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ix.stage(Stage.ON_HOLD));
        assertEquals("interaction ix-7 cannot move from RINGING to ON_HOLD", e.getMessage());
        assertEquals(Stage.RINGING, ix.stage());
    }

    @Test
    void aDoneInteractionOnlyComesBackAsAPreview() {
        ix.stage(Stage.PREVIEW);
        ix.stage(Stage.DONE);
        assertThrows(IllegalStateException.class, () -> ix.stage(Stage.ESTABLISHED));
        assertThrows(IllegalStateException.class, () -> ix.stage(Stage.RELEASED));
        ix.stage(Stage.PREVIEW);
        assertEquals(Stage.PREVIEW, ix.stage());
    }

    @Test
    void sideCallsStartOnlyFromAConnectedCall() {
        ix.stage(Stage.RINGING);
        assertThrows(IllegalStateException.class, () -> ix.stage(Stage.TRANSFERRING));
        assertThrows(IllegalStateException.class, () -> ix.stage(Stage.CONSULTING));
        ix.stage(Stage.ESTABLISHED);
        ix.stage(Stage.CONSULTING);
        ix.stage(Stage.CONFERENCE);
        ix.stage(Stage.RELEASED);
        assertEquals(Stage.RELEASED, ix.stage());
    }
}
