package io.outdial.dialer.store;

import static io.outdial.dialer.store.InMemoryStore.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallbackRetrievalTest {
    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");

    private final CallingListStore store = InMemoryStore.open();

    @AfterEach
    void close() {
        store.close();
    }

    /** Dials the next record once and schedules it as a callback. */
    private long callAndReschedule(RecordType type, Instant at, String agent, String phone, String phoneType) {
        CallingRecord r = store.retrieveNext("c1", NOW, 3).orElseThrow();
        store.complete(r.recordId(), CallResult.ANSWER, NOW, agent);
        store.scheduleCallback(r.recordId(), at, type, agent, phone, phoneType);
        return r.recordId();
    }

    @Test
    void theTopOfTheListComesBeforeADueCallbackWhichComesBeforeTheRest() {
        load(store, "c1", "contact_info\n1000000001\n1000000002\n1000000003\n1000000004\n1000000005\n");
        long callback = callAndReschedule(RecordType.CAMPAIGN_CALLBACK, NOW.minusSeconds(2), "ann", null, null);
        CallingRecord rejected = store.retrieveNext("c1", NOW, 3, "bob").orElseThrow();
        assertEquals(callback, rejected.recordId());
        CallingRecord next = store.retrieveNext("c1", NOW, 3, "bob").orElseThrow();
        store.returnToTop(next.recordId());
        store.returnToReady(rejected.recordId());

        assertEquals(next.recordId(), store.retrieveNext("c1", NOW, 3, "bob").orElseThrow().recordId(), "top");
        assertEquals(callback, store.retrieveNext("c1", NOW, 3, "bob").orElseThrow().recordId(), "then the callback");
        assertEquals("1000000003", store.retrieveNext("c1", NOW, 3, "bob").orElseThrow().contactInfo(),
                "then the rest in order");
    }

    @Test
    void aDueCallbackComesBeforeUncalledRecordsAndAPersonalOneOnlyToItsAgent() {
        load(store, "c1", "contact_info\n1000000001\n1000000002\n1000000003\n1000000004\n");
        long personal = callAndReschedule(RecordType.PERSONAL_CALLBACK, NOW.minusSeconds(1), "ann", "2005550199",
                "Mobile");
        long campaign = callAndReschedule(RecordType.CAMPAIGN_CALLBACK, NOW.minusSeconds(2), "ann", null, null);

        CallingRecord forBob = store.retrieveNext("c1", NOW, 3, "bob").orElseThrow();
        assertEquals(campaign, forBob.recordId(), "the campaign callback first, to any agent");
        assertEquals("1000000003", store.retrieveNext("c1", NOW, 3, "bob").orElseThrow().contactInfo(),
                "never ann's personal callback");
        CallingRecord forAnn = store.retrieveNext("c1", NOW, 3, "ann").orElseThrow();
        assertEquals(personal, forAnn.recordId());
        assertEquals(RecordType.PERSONAL_CALLBACK, forAnn.recordType());
        assertEquals("2005550199", forAnn.contactInfo());
        assertEquals("Mobile", forAnn.contactInfoType());
    }

    @Test
    void aCallbackNotDueYetWaitsAndAnUpdatedRecordOnlyCanBecomeOne() {
        load(store, "c1", "contact_info\n1000000001\n");
        long id = callAndReschedule(RecordType.CAMPAIGN_CALLBACK, NOW.plusSeconds(60), "ann", null, null);
        assertTrue(store.retrieveNext("c1", NOW, 3, "ann").isEmpty());
        assertEquals(RecordStatus.READY, store.find(id).orElseThrow().status());
        assertEquals(id, store.retrieveNext("c1", NOW.plusSeconds(60), 3, "ann").orElseThrow().recordId());
        assertThrows(IllegalStateException.class,
                () -> store.scheduleCallback(id, NOW, RecordType.CAMPAIGN_CALLBACK, null, null, null),
                "a Retrieved record is rescheduled only after its call's result is written");
        assertThrows(IllegalArgumentException.class,
                () -> store.scheduleCallback(id, NOW, RecordType.GENERAL, null, null, null));
    }
}
