package io.outdial.dialer.store;

import static io.outdial.dialer.store.InMemoryStore.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import io.outdial.dialer.store.TreatmentStep;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A contact's numbers dialed one at a time in chain order, treatments applied, calling windows kept. */
class ChainsAndWindowsTest {
    private static final Instant NOON = Instant.parse("2030-06-01T12:00:00Z");
    private static final String CHAINS = "contact_info,chain_id,chain_n\n"
            + "1000000002,ann,1\n1000000001,ann,0\n1000000003,ann,2\n2000000001,bob,0\n3000000001,,\n";

    private final CallingListStore store = InMemoryStore.open();

    @AfterEach
    void close() {
        store.close();
    }

    private CallingRecord next() {
        return store.retrieveNext("c1", NOON, 3).orElseThrow();
    }

    private RecordStatus statusOf(String phone) {
        return store.records("c1").stream().filter(r -> r.contactInfo().equals(phone)).findFirst().orElseThrow()
                .status();
    }

    @Test
    void aChainIsDialedOneNumberAtATimeInChainOrder() {
        load(store, "c1", CHAINS);
        assertEquals("1000000001", next().contactInfo(), "ann's first number (chain_n 0), though listed second");
        assertEquals("2000000001", next().contactInfo(), "not ann's second number while her first is in a call");
        assertEquals("3000000001", next().contactInfo());
        assertTrue(store.retrieveNext("c1", NOON, 3).isEmpty());
    }

    @Test
    void nextInChainMakesTheNextNumberDueAndDoneClosesTheRestOfTheChain() {
        load(store, "c1", CHAINS);
        CallingRecord first = next();
        store.complete(first.recordId(), CallResult.NO_ANSWER, NOON, null);
        store.applyTreatment(first.recordId(), TreatmentStep.nextInChain(NOON.plusSeconds(60)));
        next();
        next();
        assertTrue(store.retrieveNext("c1", NOON.plusSeconds(59), 3).isEmpty(), "ann's next number is due in 60 s");
        CallingRecord second = store.retrieveNext("c1", NOON.plusSeconds(60), 3).orElseThrow();
        assertEquals("1000000002", second.contactInfo());

        store.complete(second.recordId(), CallResult.ANSWER, NOON.plusSeconds(60), "agent1");
        store.applyTreatment(second.recordId(), TreatmentStep.DONE);
        assertEquals(RecordStatus.CHAIN_UPDATED, statusOf("1000000003"), "ann was reached: her third number rests");
        assertEquals(RecordStatus.UPDATED, statusOf("1000000001"));
        assertTrue(store.retrieveNext("c1", NOON.plusSeconds(3600), 3).isEmpty());
    }

    @Test
    void aRetryKeepsTheChainOnTheSameNumberAndCancelEndsIt() {
        load(store, "c1", CHAINS);
        CallingRecord first = next();
        store.complete(first.recordId(), CallResult.BUSY, NOON, null);
        store.applyTreatment(first.recordId(), TreatmentStep.retry(NOON.plusSeconds(300)));
        CallingRecord retried = store.find(first.recordId()).orElseThrow();
        assertEquals(RecordStatus.READY, retried.status());
        assertEquals(RecordType.CAMPAIGN_RESCHEDULED, retried.recordType());
        assertEquals(NOON.plusSeconds(300), retried.dialSchedTime());
        next();
        next();
        assertTrue(store.retrieveNext("c1", NOON.plusSeconds(299), 3).isEmpty(), "ann waits on her first number");
        CallingRecord again = store.retrieveNext("c1", NOON.plusSeconds(300), 3).orElseThrow();
        assertEquals(first.recordId(), again.recordId());
        assertEquals(1, again.attempt());

        store.complete(again.recordId(), CallResult.WRONG_NUMBER, NOON.plusSeconds(300), null);
        store.applyTreatment(again.recordId(), TreatmentStep.CANCEL);
        assertEquals(RecordStatus.CANCELLED, statusOf("1000000001"));
        assertEquals(RecordStatus.CHAIN_UPDATED, statusOf("1000000002"));
        assertEquals(RecordStatus.CHAIN_UPDATED, statusOf("1000000003"));
    }

    @Test
    void aTreatmentAppliesOnlyToAnUpdatedRecord() {
        load(store, "c1", CHAINS);
        CallingRecord first = next();
        assertThrows(IllegalStateException.class,
                () -> store.applyTreatment(first.recordId(), TreatmentStep.retry(NOON)), "still in its call");
    }

    @Test
    void aRecordOutsideItsCallingWindowWaitsForItToOpen() {
        // 08:00-21:00 in New York is 12:00Z-01:00Z in June (EDT).
        load(store, "c1", "contact_info,tz,daily_from,daily_till\n1000000001,America/New_York,08:00,21:00\n"
                + "2000000001,UTC,00:00,24:00\n");
        Instant early = Instant.parse("2030-06-01T11:59:00Z");
        CallingRecord any = store.retrieveNext("c1", early, 3).orElseThrow();
        assertEquals("2000000001", any.contactInfo(), "New York is not open yet; UTC all day is");
        CallingRecord waiting = store.records("c1").stream().filter(r -> r.contactInfo().equals("1000000001"))
                .findFirst().orElseThrow();
        assertEquals(RecordStatus.READY, waiting.status());
        assertEquals(NOON, waiting.dialSchedTime(), "due when its window opens");
        assertEquals(0, waiting.attempt());
        assertEquals("1000000001", store.retrieveNext("c1", NOON, 3).orElseThrow().contactInfo());
    }

    @Test
    void theWindowOpensTomorrowWhenTodaysHasClosed() {
        CallingRecord r = new CallingRecord(1, "c1", "1", "Home", RecordType.GENERAL, RecordStatus.READY,
                CallResult.UNKNOWN, 0, null, null, 8 * 3600, 21 * 3600, "America/New_York", null, null, 0,
                java.util.Map.of());
        // 01:30Z on June 2 is 21:30 on June 1 in New York: next opening 08:00 June 2 = 12:00Z.
        assertEquals(Instant.parse("2030-06-02T12:00:00Z"), r.nextCallingWindowOpening(Instant.parse("2030-06-02T01:30:00Z")));
        assertEquals(NOON, r.nextCallingWindowOpening(Instant.parse("2030-06-01T11:00:00Z")));
    }

    @Test
    void importedRecordsGetTheConfiguredDefaultWindow() {
        try (CallingListStore allDay = CallingListStore.open(InMemoryStore.newUrl(), InMemoryStore.user(), "", 2,
                java.time.ZoneId.of("UTC"), CallingHours.parse("00:00-24:00"))) {
            load(allDay, "c1", "contact_info\n1000000001\n");
            CallingRecord r = allDay.records("c1").get(0);
            assertEquals(0, r.dailyFrom());
            assertEquals(86_400, r.dailyTill());
        }
        load(store, "c1", "contact_info\n1000000001\n");
        assertEquals(8 * 3600, store.records("c1").get(0).dailyFrom());
        assertEquals(CallingHours.DEFAULT, CallingHours.parse(" 08:00 - 21:00 "));
        assertThrows(IllegalArgumentException.class, () -> CallingHours.parse("21:00-08:00"));
        assertThrows(IllegalArgumentException.class, () -> CallingHours.parse("8-21"));
        assertThrows(IllegalArgumentException.class, () -> CallingHours.parse("00:00-24:30"));
    }
}
