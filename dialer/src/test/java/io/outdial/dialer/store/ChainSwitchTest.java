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
        ChainSwitch change = store.switchToChainRecord(previewed.recordId(), byPhone("1000000002").recordId(), NOON);
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

    private ChainSwitch assertRefused(CallingRecord previewed, long otherId, ChainSwitch.Refusal why) {
        ChainSwitch change = store.switchToChainRecord(previewed.recordId(), otherId, NOON);
        assertEquals(why, change.refusal(), change.detail());
        assertTrue(change.record().isEmpty());
        assertEquals(RecordStatus.RETRIEVED, byPhone(previewed.contactInfo()).status(), "the previewed record stays");
        return change;
    }
}
