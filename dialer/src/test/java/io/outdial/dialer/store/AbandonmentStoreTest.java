package io.outdial.dialer.store;

import static io.outdial.dialer.store.InMemoryStore.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The no-redial rule at retrieval, and abandonment counts that outlive the gateway. */
class AbandonmentStoreTest {
    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    private static final Duration QUIET = Duration.ofHours(72);

    @Test
    void numberAbandonedWithinTheQuietPeriodIsHeldBackUntilItEnds() {
        try (CallingListStore store = InMemoryStore.open()) {
            // Open all day: the quiet period ends at 02:00Z, outside the default 08:00-21:00 window.
            load(store, "c1", "contact_info,daily_from,daily_till\n1000000001,00:00,24:00\n1000000002,00:00,24:00\n");
            Instant abandonedAt = NOW.minus(Duration.ofHours(10));
            store.ledger().recordAbandoned("1000000001", "other-campaign", abandonedAt);

            assertEquals("1000000002", store.retrieveNext("c1", NOW, 3, QUIET).orElseThrow().contactInfo());
            assertEquals(Optional.empty(), store.retrieveNext("c1", NOW, 3, QUIET));

            CallingRecord held = store.records("c1").get(0);
            assertEquals(RecordStatus.READY, held.status());
            assertEquals(0, held.attempt());
            assertEquals(abandonedAt.plus(QUIET), held.dialSchedTime());
            Instant due = abandonedAt.plus(QUIET);
            assertEquals(Optional.empty(), store.retrieveNext("c1", due.minusSeconds(1), 3, QUIET));
            assertEquals("1000000001", store.retrieveNext("c1", due, 3, QUIET).orElseThrow().contactInfo());
        }
    }

    @Test
    void numberAbandonedLongerAgoThanTheQuietPeriodIsDialed() {
        try (CallingListStore store = InMemoryStore.open()) {
            load(store, "c1", "contact_info\n1000000001\n");
            store.ledger().recordAbandoned("1000000001", "c1", NOW.minus(Duration.ofHours(73)));

            assertTrue(store.retrieveNext("c1", NOW, 3, QUIET).isPresent());
        }
    }

    @Test
    void abandonmentCountsAddUpPerDayAndSurviveAReopen() {
        String url = InMemoryStore.newUrl();
        LocalDate day = LocalDate.of(2030, 6, 1);
        try (CallingListStore store = CallingListStore.open(url, InMemoryStore.user(), "", 2)) {
            store.ledger().addAbandonmentCounts("c1", day, 1, 0, 0);
            store.ledger().addAbandonmentCounts("c1", day, 1, 0, 0);
            store.ledger().addAbandonmentCounts("c1", day, 0, 1, 0);
            store.ledger().addAbandonmentCounts("c1", day.minusDays(40), 5, 1, 0);
            store.ledger().addAbandonmentCounts("c2", day, 7, 0, 0);
        }
        try (CallingListStore reopened = CallingListStore.open(url, InMemoryStore.user(), "", 2)) {
            assertEquals(List.of(new AbandonmentDay(day, 2, 1, 0)),
                    reopened.ledger().abandonmentDays("c1", day.minusDays(30)));
        }
    }
}
