package io.outdial.dialer.store;

import static io.outdial.dialer.store.InMemoryStore.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Preview ChangeNumber to another record of the contact's chain: the switch, and each refusal leaving all as is. */
class ChainSwitchTest {
    /** 12:00 UTC is 08:00 in New York: inside 08:00-21:00, outside 09:00-17:00. */
    private static final Instant NOON = Instant.parse("2030-06-01T12:00:00Z");
    private static final String LIST = "contact_info,chain_id,chain_n,tz,daily_from,daily_till\n"
            + "1000000001,ann,0,America/New_York,08:00,21:00\n"
            + "1000000002,ann,1,America/New_York,08:00,21:00\n"
            + "1000000003,ann,2,America/New_York,09:00,17:00\n"
            + "1000000004,ann,3,America/New_York,08:00,21:00\n"
            + "1000000005,ann,4,America/New_York,08:00,21:00\n"
            + "2000000001,bob,0,America/New_York,08:00,21:00\n";

    private final CallingListStore store = InMemoryStore.open();

    @AfterEach
    void close() {
        store.close();
    }

    private CallingRecord byPhone(String phone) {
        return store.records("c1").stream().filter(r -> r.contactInfo().equals(phone)).findFirst().orElseThrow();
    }

    @Test
    void theChainsOtherReadyRecordTakesThePreviewedOnesPlaceWhichIsReadyAgain() {
        load(store, "c1", LIST);
        CallingRecord previewed = store.retrieveNext("c1", NOON, 3).orElseThrow();
        assertEquals("1000000001", previewed.contactInfo());
        ChainSwitch change = store.agentDials().switchToChainRecord(previewed.recordId(), byPhone("1000000002").recordId(), NOON);
        assertNull(change.refusal());
        assertEquals("1000000002", change.record().orElseThrow().contactInfo());
        assertEquals(RecordStatus.RETRIEVED, byPhone("1000000002").status());
        assertEquals(RecordStatus.READY, byPhone("1000000001").status());
    }

    @Test
    void anotherChainAFinishedRecordAClosedWindowOrAListedNumberIsRefusedAndNothingMoves() {
        load(store, "c1", LIST);
        CallingRecord previewed = store.retrieveNext("c1", NOON, 3).orElseThrow();
        CallingRecord finished = byPhone("1000000004");
        store.retrieveFromChain("c1", "ann", NOON, java.time.Duration.ZERO); // 1000000002, to be finished below
        store.complete(byPhone("1000000002").recordId(), CallResult.BUSY, NOON, null);
        store.doNotCall().add("1000000005", null);

        assertRefused(previewed, byPhone("2000000001").recordId(), ChainSwitch.Refusal.NOT_IN_CHAIN);
        assertRefused(previewed, 999_999, ChainSwitch.Refusal.NOT_IN_CHAIN);
        assertRefused(previewed, byPhone("1000000002").recordId(), ChainSwitch.Refusal.NOT_READY);
        ChainSwitch closed = assertRefused(previewed, byPhone("1000000003").recordId(),
                ChainSwitch.Refusal.OUTSIDE_CALLING_WINDOW);
        assertTrue(closed.detail().contains("opens at 2030-06-01T13:00:00Z"), closed.detail());
        assertRefused(previewed, byPhone("1000000005").recordId(), ChainSwitch.Refusal.ON_DO_NOT_CALL_LIST);
        assertEquals(RecordStatus.READY, finished.status());
    }

    @Test
    void afterItsCallTheDialedRecordKeepsItsResultWhileTheChainsOtherRecordIsTaken() {
        load(store, "c1", LIST);
        CallingRecord called = store.retrieveNext("c1", NOON, 3).orElseThrow();
        store.complete(called.recordId(), CallResult.NO_ANSWER, NOON, "ann");
        ChainSwitch change = store.agentDials().switchToChainRecord(called.recordId(),
                byPhone("1000000002").recordId(), NOON);
        assertNull(change.refusal(), change.detail());
        assertEquals(RecordStatus.RETRIEVED, byPhone("1000000002").status());
        CallingRecord left = byPhone("1000000001");
        assertEquals(RecordStatus.UPDATED, left.status());
        assertEquals(CallResult.NO_ANSWER, left.callResult());
    }

    @Test
    void aRecordWhoseCallEndedIsOpenedAgainOnItsNumberOrAnotherUnlessListedOrOutsideItsWindow() {
        load(store, "c1", LIST);
        CallingRecord called = store.retrieveNext("c1", NOON, 3).orElseThrow();
        AgentDials dials = store.agentDials();
        assertEquals(ChainSwitch.Refusal.NOT_READY, dials.reopen(called.recordId(), null, null, NOON).refusal(),
                "not called yet: nothing to dial again");
        store.complete(called.recordId(), CallResult.BUSY, NOON, "ann");
        store.doNotCall().add("1000000099", null);
        assertEquals(ChainSwitch.Refusal.ON_DO_NOT_CALL_LIST,
                dials.reopen(called.recordId(), "1000000099", "Mobile", NOON).refusal());
        Instant night = Instant.parse("2030-06-02T03:00:00Z"); // 23:00 in New York, after 21:00
        assertEquals(ChainSwitch.Refusal.OUTSIDE_CALLING_WINDOW,
                dials.reopen(called.recordId(), null, null, night).refusal());
        assertEquals(RecordStatus.UPDATED, byPhone("1000000001").status(), "refusals change nothing");

        ChainSwitch again = dials.reopen(called.recordId(), "1000000077", "Mobile", NOON);
        assertNull(again.refusal(), again.detail());
        CallingRecord reopened = again.record().orElseThrow();
        assertEquals(RecordStatus.RETRIEVED, reopened.status());
        assertEquals("1000000077", reopened.contactInfo());
        assertEquals("Mobile", reopened.contactInfoType());
        assertEquals(1, reopened.attempt(), "the first attempt stays counted");
        store.complete(called.recordId(), CallResult.ANSWER, NOON, "ann");
        assertEquals(2, store.records("c1").stream().filter(r -> r.recordId() == called.recordId()).findFirst()
                .orElseThrow().attempt());
    }

    private ChainSwitch assertRefused(CallingRecord previewed, long otherId, ChainSwitch.Refusal why) {
        ChainSwitch change = store.agentDials().switchToChainRecord(previewed.recordId(), otherId, NOON);
        assertEquals(why, change.refusal(), change.detail());
        assertTrue(change.record().isEmpty());
        assertEquals(RecordStatus.RETRIEVED, byPhone(previewed.contactInfo()).status(), "the previewed record stays");
        return change;
    }
}
