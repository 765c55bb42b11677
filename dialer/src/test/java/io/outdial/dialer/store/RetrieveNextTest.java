package io.outdial.dialer.store;

import static io.outdial.dialer.store.InMemoryStore.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetrieveNextTest {

    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");

    private final CallingListStore store = InMemoryStore.open();

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> drain(String campaign, Instant now, int maxAttempts) {
        List<String> numbers = new ArrayList<>();
        for (Optional<CallingRecord> r = store.retrieveNext(campaign, now, maxAttempts); r.isPresent();
                r = store.retrieveNext(campaign, now, maxAttempts)) {
            numbers.add(r.get().contactInfo());
        }
        return numbers;
    }

    @Test
    void unscheduledRecordsComeFirstThenByScheduleThenByRecordId() {
        load(store, "c1", """
                contact_info,dial_sched_time
                1000000001,2030-06-01T11:00:00Z
                1000000002,
                1000000003,2030-06-01T10:00:00Z
                1000000004,
                1000000005,2030-06-01T11:00:00Z
                """);

        assertEquals(List.of("1000000002", "1000000004", "1000000003", "1000000001", "1000000005"),
                drain("c1", NOW, 3));
    }

    @Test
    void retrievedRecordIsMarkedRetrievedInTheList() {
        load(store, "c1", "contact_info\n1000000001\n");

        CallingRecord r = store.retrieveNext("c1", NOW).orElseThrow();

        assertEquals(RecordStatus.RETRIEVED, r.status());
        assertEquals(RecordStatus.RETRIEVED, store.find(r.recordId()).orElseThrow().status());
    }

    @Test
    void recordScheduledLaterWaitsUntilItIsDue() {
        load(store, "c1", "contact_info,dial_sched_time\n1000000001,2030-06-01T12:30:00Z\n");

        assertTrue(store.retrieveNext("c1", NOW).isEmpty());
        assertEquals("1000000001", store.retrieveNext("c1", Instant.parse("2030-06-01T12:30:00Z"))
                .orElseThrow().contactInfo());
    }

    @Test
    void recordThatUsedAllItsAttemptsIsNoLongerRetrieved() {
        load(store, "c1", "contact_info\n1000000001\n");
        for (int attempt = 1; attempt <= 2; attempt++) {
            CallingRecord r = store.retrieveNext("c1", NOW, 2).orElseThrow();
            store.complete(r.recordId(), CallResult.BUSY, NOW, null);
            store.reschedule(r.recordId(), NOW);
        }

        assertTrue(store.retrieveNext("c1", NOW, 2).isEmpty());
        assertTrue(store.retrieveNext("c1", NOW, 3).isPresent());
    }

    @Test
    void noCallRecordsAreNeverRetrieved() {
        load(store, "c1", "contact_info,record_type\n1000000001,No Call\n1000000002,General\n");

        assertEquals(List.of("1000000002"), drain("c1", NOW, 3));
    }

    @Test
    void onlyTheAskedCampaignsRecordsAreRetrieved() {
        load(store, "c1", "contact_info\n1000000001\n");
        load(store, "c2", "contact_info\n2000000001\n");

        assertEquals(List.of("2000000001"), drain("c2", NOW, 3));
        assertTrue(store.retrieveNext("c3", NOW).isEmpty());
    }

    @Test
    void concurrentCallersNeverRetrieveTheSameRecord() throws Exception {
        int records = 300;
        StringBuilder csv = new StringBuilder("contact_info\n");
        for (int i = 0; i < records; i++) {
            csv.append(1_000_000_000L + i).append('\n');
        }
        load(store, "c1", csv.toString());
        int callers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < callers; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    for (Optional<CallingRecord> r = store.retrieveNext("c1", NOW); r.isPresent();
                            r = store.retrieveNext("c1", NOW)) {
                        mine.add(r.get().recordId());
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : results) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }

            Set<Long> distinct = new HashSet<>(all);
            assertEquals(all.size(), distinct.size(), "a record was retrieved twice");
            assertEquals(records, distinct.size(), "every record was retrieved once");
            assertEquals(records, store.countByStatus("c1").get(RecordStatus.RETRIEVED));
        } finally {
            pool.shutdownNow();
        }
    }
}
