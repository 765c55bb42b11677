package io.outdial.dialer.store;

import static io.outdial.dialer.store.InMemoryStore.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DoNotCallTest {
    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");

    private final CallingListStore store = InMemoryStore.open();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNumberOnTheGlobalListIsNeverRetrievedAndItsRecordClosesAsDoNotCall() {
        load(store, "c1", "contact_info\n1000000001\n1000000002\n");
        store.doNotCall().add("100-000-0001", null);

        Optional<CallingRecord> next = store.retrieveNext("c1", NOW, 3);
        assertEquals("1000000002", next.orElseThrow().contactInfo());
        assertTrue(store.retrieveNext("c1", NOW, 3).isEmpty());
        CallingRecord skipped = store.records("c1").get(0);
        assertEquals(RecordStatus.UPDATED, skipped.status());
        assertEquals(CallResult.DO_NOT_CALL, skipped.callResult());
        assertEquals(0, skipped.attempt(), "never dialed, so no attempt");
    }

    @Test
    void aCampaignEntryBindsOnlyThatCampaign() {
        load(store, "c1", "contact_info\n1000000001\n");
        load(store, "c2", "contact_info\n1000000001\n");
        store.doNotCall().add("1000000001", "c1");

        assertTrue(store.retrieveNext("c1", NOW, 3).isEmpty());
        assertEquals("1000000001", store.retrieveNext("c2", NOW, 3).orElseThrow().contactInfo());
    }

    @Test
    void aMalformedNumberIsRefusedWithTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.doNotCall().add("call me", null));
        assertTrue(e.getMessage().startsWith("phone"), e.getMessage());
        assertTrue(store.doNotCall().list().isEmpty());
    }

    @Test
    void entriesAreListedAsStored() {
        store.doNotCall().add("+1 (555) 010-0001", null);
        assertEquals("+15550100001", store.doNotCall().list().get(0).phone());
    }

    @Test
    void aCustomerOnTheListIsNeverRetrievedWhateverItsNumber() {
        load(store, "c1", "contact_info,customer_id\n1000000001,C-1\n1000000002,C-2\n1000000003,\n");
        store.doNotCall().addCustomer("C-1", null);

        assertEquals("1000000002", store.retrieveNext("c1", NOW, 3).orElseThrow().contactInfo());
        assertEquals("1000000003", store.retrieveNext("c1", NOW, 3).orElseThrow().contactInfo(),
                "a record without a customer id is checked by its number only");
        CallingRecord skipped = store.records("c1").get(0);
        assertEquals(CallResult.DO_NOT_CALL, skipped.callResult());
        assertEquals(0, skipped.attempt());
    }

    @Test
    void theCustomerIdFieldIsTheCampaignsOwnAndACampaignEntryBindsOnlyThatCampaign() {
        load(store, "c1", "contact_info,account\n1000000001,A-9\n");
        load(store, "c2", "contact_info,account\n1000000001,A-9\n");
        load(store, "c3", "contact_info,account\n1000000001,A-9\n");
        store.doNotCall().customerIdField("c1", "account");
        store.doNotCall().customerIdField("c3", "account");
        store.doNotCall().addCustomer("A-9", "c1");

        assertTrue(store.retrieveNext("c1", NOW, 3).isEmpty());
        assertTrue(store.retrieveNext("c2", NOW, 3).isPresent(), "c2 reads customer ids from customer_id");
        assertTrue(store.retrieveNext("c3", NOW, 3).isPresent(), "the entry is for c1 only");
    }

    @Test
    void customerEntriesAreListedAndABlankIdIsRefused() {
        store.doNotCall().addCustomer(" C-7 ", "c1");
        DoNotCallEntry e = store.doNotCall().list().get(0);
        assertEquals("C-7", e.customerId());
        assertEquals(null, e.phone());
        assertEquals("c1", e.campaign());
        assertThrows(IllegalArgumentException.class, () -> store.doNotCall().addCustomer("  ", null));
    }

    @Test
    void aChainGoesOnToItsNextNumberWhenOneNumberIsListed() {
        load(store, "c1", "contact_info,chain_id,chain_n\n1000000001,k,1\n1000000002,k,2\n");
        store.doNotCall().add("1000000001", "c1");
        assertEquals("1000000002", store.retrieveNext("c1", NOW, 3).orElseThrow().contactInfo());
    }

    @Test
    void aRefusedRecordClosesWithoutAnAttemptAndTheChainsNextNumberIsRetrievedFromTheChain() {
        load(store, "c1", "contact_info,chain_id,chain_n\n1000000009,k,1\n1000000001,x,1\n1000000002,k,2\n");
        CallingRecord first = store.retrieveNext("c1", NOW, 3).orElseThrow();
        assertEquals("1000000009", first.contactInfo());
        assertTrue(store.refuseDial(first.recordId(), CallResult.DO_NOT_CALL, NOW), "k has another number due");

        CallingRecord next = store.retrieveFromChain("c1", "k", NOW, java.time.Duration.ZERO).orElseThrow();
        assertEquals("1000000002", next.contactInfo(), "the chain's number, not the list's next record");
        assertTrue(!store.refuseDial(next.recordId(), CallResult.DO_NOT_CALL, NOW), "k has no number left");
        assertTrue(store.retrieveFromChain("c1", "k", NOW, java.time.Duration.ZERO).isEmpty());
        CallingRecord refused = store.find(first.recordId()).orElseThrow();
        assertEquals(RecordStatus.UPDATED, refused.status());
        assertEquals(CallResult.DO_NOT_CALL, refused.callResult());
        assertEquals(0, refused.attempt());
    }
}
