package io.outdial.dialer.store;

import static io.outdial.dialer.store.InMemoryStore.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusMovesTest {

    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    private static final Instant CALLED = Instant.parse("2030-06-01T12:00:05Z");

    private final CallingListStore store = InMemoryStore.open();

    @BeforeEach
    void loadList() {
        load(store, "c1", "contact_info\n1000000001\n1000000002\n1000000003\n");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long retrieve() {
        return store.retrieveNext("c1", NOW).orElseThrow().recordId();
    }

    private CallingRecord record(long id) {
        return store.find(id).orElseThrow();
    }

    @Test
    void completingARetrievedRecordCountsTheAttemptAndKeepsResultTimeAndAgent() {
        long id = retrieve();

        store.complete(id, CallResult.ANSWER, CALLED, "agent1");

        CallingRecord r = record(id);
        assertEquals(RecordStatus.UPDATED, r.status());
        assertEquals(CallResult.ANSWER, r.callResult());
        assertEquals(1, r.attempt());
        assertEquals(CALLED, r.callTime());
        assertEquals("agent1", r.agentId());
    }

    @Test
    void completingARecordThatIsNotRetrievedIsRefusedAndChangesNothing() {
        long ready = store.records("c1").get(0).recordId();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> store.complete(ready, CallResult.BUSY, CALLED, null));

        assertEquals("record " + ready + " is READY, not RETRIEVED: cannot move it to UPDATED", e.getMessage());
        assertEquals(RecordStatus.READY, record(ready).status());
        assertEquals(0, record(ready).attempt());
    }

    @Test
    void completingTwiceIsRefused() {
        long id = retrieve();
        store.complete(id, CallResult.BUSY, CALLED, null);

        assertThrows(IllegalStateException.class, () -> store.complete(id, CallResult.ANSWER, CALLED, null));
        assertEquals(1, record(id).attempt());
        assertEquals(CallResult.BUSY, record(id).callResult());
    }

    @Test
    void agentChangesTheResultOfAnUpdatedRecordWithoutCountingAnAttempt() {
        long id = retrieve();
        store.complete(id, CallResult.ANSWER, CALLED, "agent1");

        store.changeResult(id, CallResult.WRONG_PARTY, "agent2");
        store.changeResult(id, CallResult.DO_NOT_CALL, null);

        CallingRecord r = record(id);
        assertEquals(RecordStatus.UPDATED, r.status());
        assertEquals(CallResult.DO_NOT_CALL, r.callResult());
        assertEquals("agent2", r.agentId(), "a null agent keeps the last one");
        assertEquals(1, r.attempt());
    }

    @Test
    void changingTheResultOfARecordStillInACallIsRefused() {
        long id = retrieve();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> store.changeResult(id, CallResult.ANSWER, "agent1"));
        assertEquals("record " + id + " is RETRIEVED, not UPDATED: cannot move it to UPDATED", e.getMessage());
    }

    @Test
    void returnedRecordIsReadyAgainOnTopOfTheListWithoutAnAttempt() {
        long first = retrieve();

        store.returnToReady(first);

        assertEquals(RecordStatus.READY, record(first).status());
        assertEquals(0, record(first).attempt());
        assertEquals(first, retrieve(), "a rejected record goes back to the top of the list");
    }

    @Test
    void returningARecordThatIsNotRetrievedIsRefused() {
        long id = retrieve();
        store.complete(id, CallResult.BUSY, CALLED, null);

        assertThrows(IllegalStateException.class, () -> store.returnToReady(id));
        assertEquals(RecordStatus.UPDATED, record(id).status());
    }

    @Test
    void rescheduledRecordIsReadyAgainWhenDueAndTypedCampaignRescheduled() {
        long id = retrieve();
        store.complete(id, CallResult.NO_ANSWER, CALLED, null);
        Instant retryAt = NOW.plusSeconds(600);

        store.reschedule(id, retryAt);

        CallingRecord r = record(id);
        assertEquals(RecordStatus.READY, r.status());
        assertEquals(RecordType.CAMPAIGN_RESCHEDULED, r.recordType());
        assertEquals(retryAt, r.dialSchedTime());
        assertEquals(1, r.attempt());
    }

    @Test
    void reschedulingARecordStillInACallIsRefused() {
        long id = retrieve();
        assertThrows(IllegalStateException.class, () -> store.reschedule(id, NOW));
    }

    @Test
    void startUpRecoveryReturnsEveryRetrievedRecordToReadyAndLeavesOthers() {
        long a = retrieve();
        long b = retrieve();
        store.complete(b, CallResult.ANSWER, CALLED, "agent1");
        long c = retrieve();

        assertEquals(2, store.recoverRetrieved());

        assertEquals(RecordStatus.READY, record(a).status());
        assertEquals(RecordStatus.UPDATED, record(b).status());
        assertEquals(RecordStatus.READY, record(c).status());
        assertEquals(0, store.recoverRetrieved());
    }

    @Test
    void movingAnUnknownRecordSaysItDoesNotExist() {
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> store.returnToReady(999_999));
        assertEquals("no calling record 999999", e.getMessage());
    }

    @Test
    void countsByStatusIncludeEveryStatus() {
        long id = retrieve();
        store.complete(id, CallResult.BUSY, CALLED, null);
        retrieve();

        Map<RecordStatus, Integer> counts = store.countByStatus("c1");

        assertEquals(RecordStatus.values().length, counts.size());
        assertEquals(1, counts.get(RecordStatus.READY));
        assertEquals(1, counts.get(RecordStatus.RETRIEVED));
        assertEquals(1, counts.get(RecordStatus.UPDATED));
        assertEquals(0, counts.get(RecordStatus.CANCELLED));
        assertEquals(0, store.countByStatus("nobody").get(RecordStatus.READY));
    }
}
