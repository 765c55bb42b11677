package io.outdial.dialer.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PreviewCallPhaseTest {

    @Test
    void theAgentIsCalledBeforeTheContactIsDialed() {
        PreviewCallPhase p = PreviewCallPhase.CALLING_AGENT
                .moveTo(PreviewCallPhase.DIALING_CONTACT)
                .moveTo(PreviewCallPhase.CONNECTED)
                .moveTo(PreviewCallPhase.RELEASING)
                .moveTo(PreviewCallPhase.FINISHED);
        assertEquals(PreviewCallPhase.FINISHED, p);
        assertFalse(PreviewCallPhase.CALLING_AGENT.canMoveTo(PreviewCallPhase.CONNECTED));
    }

    @Test
    void aFinishedCallGoesNowhereAndNothingGoesBack() {
        for (PreviewCallPhase next : PreviewCallPhase.values()) {
            assertFalse(PreviewCallPhase.FINISHED.canMoveTo(next));
        }
        assertThrows(IllegalStateException.class,
                () -> PreviewCallPhase.CONNECTED.moveTo(PreviewCallPhase.DIALING_CONTACT));
        assertThrows(IllegalStateException.class,
                () -> PreviewCallPhase.RELEASING.moveTo(PreviewCallPhase.CONNECTED));
    }
}
