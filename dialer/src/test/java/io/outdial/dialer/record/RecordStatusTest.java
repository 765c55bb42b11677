package io.outdial.dialer.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RecordStatusTest {

    @Test
    void aRecordIsRetrievedByACallThenUpdatedWithItsResult() {
        RecordStatus s = RecordStatus.READY.moveTo(RecordStatus.RETRIEVED);
        assertEquals(RecordStatus.UPDATED, s.moveTo(RecordStatus.UPDATED));
    }

    @Test
    void aRetrievedRecordMayGoBackToReadyWhenItsCallNeverHappened() {
        assertEquals(RecordStatus.READY, RecordStatus.RETRIEVED.moveTo(RecordStatus.READY));
    }

    @Test
    void aReadyRecordCannotBeUpdatedWithoutACall() {
        assertThrows(IllegalStateException.class, () -> RecordStatus.READY.moveTo(RecordStatus.UPDATED));
    }

    @Test
    void cancelledAndStaleRecordsAreFinal() {
        for (RecordStatus next : RecordStatus.values()) {
            assertThrows(IllegalStateException.class, () -> RecordStatus.CANCELLED.moveTo(next));
            assertThrows(IllegalStateException.class, () -> RecordStatus.STALE.moveTo(next));
        }
    }
}
