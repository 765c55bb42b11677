package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** One count of the paced modes' calls: idle only when no call of any mode is left. */
class CallCountsTest {
    private final CallCounts counts = new CallCounts();

    @Test
    void idleIsAnsweredAtOnceWithNoCallUp() {
        assertTrue(counts.idle().isDone());
        assertEquals(0, counts.inProgress());
    }

    @Test
    void idleWaitsForTheLastCallOfEveryMode() {
        counts.started(PacedMode.PROGRESSIVE);
        counts.started(PacedMode.ENGAGED);
        CompletableFuture<Void> idle = counts.idle();
        assertEquals(2, counts.inProgress());
        assertEquals(1, counts.inProgress(PacedMode.ENGAGED));
        counts.ended(PacedMode.PROGRESSIVE);
        assertFalse(idle.isDone(), "an engaged agent's call is still up");
        counts.ended(PacedMode.ENGAGED);
        assertTrue(idle.isDone());
        assertEquals(0, counts.inProgress(PacedMode.PROGRESSIVE));
    }

    @Test
    void idleWaitsForThePreviewDesksCallsTooWhichAreNotInThePacedFigure() {
        counts.previewStarted();
        counts.started(PacedMode.PROGRESSIVE);
        CompletableFuture<Void> idle = counts.idle();
        assertEquals(1, counts.inProgress(), "the paced modes' calls only");
        assertEquals(1, counts.previews());
        counts.ended(PacedMode.PROGRESSIVE);
        assertFalse(idle.isDone(), "a preview call is still up");
        counts.previewEnded();
        assertTrue(idle.isDone());
        assertThrows(IllegalStateException.class, counts::previewEnded);
    }

    @Test
    void aModeCannotEndMoreCallsThanItStarted() {
        counts.started(PacedMode.PREDICTIVE);
        assertThrows(IllegalStateException.class, () -> counts.ended(PacedMode.PROGRESSIVE));
    }
}
