package io.outdial.dialer.store;

import static io.outdial.dialer.store.InMemoryStore.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

/** Claims and leases of several gateways on one store (ADR 0016), on H2 and on PostgreSQL (surefire executions). */
class LeaseTest {
    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration NO_REDIAL = Duration.ofHours(72);

    /** A clock the test moves: the stores' view of now. */
    private static final class TestClock extends Clock {
        private volatile Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final TestClock clock = new TestClock();
    private final String url = InMemoryStore.newUrl();
    private final CallingListStore a = open("gw-a");
    private final CallingListStore b = open("gw-b");

    private CallingListStore open(String gateway) {
        return CallingListStore.open(url, InMemoryStore.user(), 8, new ClaimSettings(gateway, LEASE), clock);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private static String list(int n) {
        StringBuilder csv = new StringBuilder("contact_info\n");
        for (int i = 0; i < n; i++) {
            csv.append(1_000_000_000L + i).append('\n');
        }
        return csv.toString();
    }

    private Optional<CallingRecord> next(CallingListStore store) {
        return store.retrieveNext("c1", clock.instant(), 5, null, NO_REDIAL);
    }

    @Test
    void aClaimIsLeasedToItsGatewayUntilTheLeaseDuration() {
        load(a, "c1", list(1));
        CallingRecord r = next(a).orElseThrow();
        assertEquals(Optional.of(new RecordLeases.Lease("gw-a", NOW.plus(LEASE))), a.leases().of(r.recordId()));
        clock.advance(Duration.ofSeconds(20));
        assertEquals(1, a.leases().renew());
        assertEquals(NOW.plusSeconds(50), b.leases().of(r.recordId()).orElseThrow().until());
        assertEquals(0, b.leases().renew(), "gw-b holds nothing");
    }

    @Test
    void twoGatewaysClaimingAtOnceNeverGetTheSameRecord() throws Exception {
        int records = 300;
        load(a, "c1", list(records));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Long>>> claims = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            CallingListStore store = t % 2 == 0 ? a : b;
            claims.add(threads.submit(() -> {
                go.await();
                List<Long> mine = new ArrayList<>();
                for (Optional<CallingRecord> r = next(store); r.isPresent(); r = next(store)) {
                    mine.add(r.get().recordId());
                }
                return mine;
            }));
        }
        go.countDown();
        Set<Long> all = new HashSet<>();
        int claimed = 0;
        for (Future<List<Long>> f : claims) {
            List<Long> mine = f.get(60, TimeUnit.SECONDS);
            claimed += mine.size();
            all.addAll(mine);
        }
        threads.shutdownNow();
        assertEquals(records, claimed, "every record claimed once");
        assertEquals(records, all.size(), "no record claimed twice");
        assertEquals(records, a.countByStatus("c1").get(RecordStatus.RETRIEVED));
    }

    @Test
    void aLapsedLeaseIsSettledByHowFarTheCallGot() {
        load(a, "c1", "contact_info\n1000000001\n1000000002\n1000000003\n1000000004\n");
        CallingRecord untouched = next(a).orElseThrow();
        CallingRecord dialed = next(a).orElseThrow();
        CallingRecord answered = next(a).orElseThrow();
        a.leases().dialed(dialed.recordId());
        a.leases().dialed(answered.recordId());
        a.leases().answered(answered.recordId());

        clock.advance(LEASE.minusSeconds(1));
        assertEquals(0, b.leases().reclaimLapsed().total(), "a live lease is left alone");
        clock.advance(Duration.ofSeconds(2)); // gw-a stopped renewing
        RecordLeases.Reclaimed r = b.leases().reclaimLapsed();

        assertEquals(new RecordLeases.Reclaimed(1, 2, 1), r);
        assertEquals(RecordStatus.READY, b.find(untouched.recordId()).orElseThrow().status());
        for (CallingRecord closed : List.of(dialed, answered)) {
            CallingRecord now = b.find(closed.recordId()).orElseThrow();
            assertEquals(RecordStatus.UPDATED, now.status());
            assertEquals(CallResult.SYSTEM_ERROR, now.callResult());
            assertEquals(1, now.attempt());
        }
        // gw-b now dials the never-dialed record and the fourth, and nothing else.
        Set<Long> byB = new HashSet<>();
        next(b).ifPresent(x -> byB.add(x.recordId()));
        next(b).ifPresent(x -> byB.add(x.recordId()));
        assertTrue(byB.contains(untouched.recordId()));
        assertEquals(2, byB.size());
        assertFalse(next(b).isPresent());
    }

    @Test
    void anAnsweredNumberIsNotRedialedInsideTheNoRedialPeriod() {
        load(a, "c1", "contact_info\n1000000001\n");
        CallingRecord answered = next(a).orElseThrow();
        a.leases().dialed(answered.recordId());
        a.leases().answered(answered.recordId());
        clock.advance(LEASE.plusSeconds(1));
        b.leases().reclaimLapsed();
        // The same number on another campaign's list is held back 72 h from the answer.
        load(b, "c2", "contact_info\n1000000001\n");
        assertFalse(b.retrieveNext("c2", clock.instant(), 5, null, NO_REDIAL).isPresent());
        clock.advance(NO_REDIAL);
        assertTrue(b.retrieveNext("c2", clock.instant(), 5, null, NO_REDIAL).isPresent());
    }

    @Test
    void theOldHolderCannotMoveARecordReclaimedFromIt() {
        load(a, "c1", list(1));
        CallingRecord r = next(a).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));
        b.leases().reclaimLapsed();
        CallingRecord again = next(b).orElseThrow();
        assertEquals(r.recordId(), again.recordId());

        IllegalStateException late = assertThrows(IllegalStateException.class,
                () -> a.complete(r.recordId(), CallResult.WRONG_PARTY, clock.instant(), null));
        assertTrue(late.getMessage().contains("leased to another gateway"), late.getMessage());
        a.leases().dialed(r.recordId()); // a no-op: the lease is gw-b's
        b.complete(r.recordId(), CallResult.WRONG_PARTY, clock.instant(), null);
        assertEquals(CallResult.WRONG_PARTY, b.find(r.recordId()).orElseThrow().callResult());
    }

    @Test
    void aRestartSettlesOnlyItsOwnClaims() {
        load(a, "c1", list(2));
        CallingRecord mine = next(a).orElseThrow();
        CallingRecord theirs = next(b).orElseThrow();
        a.leases().dialed(mine.recordId());
        a.close();
        try (CallingListStore restarted = open("gw-a")) {
            assertEquals(1, restarted.recoverRetrieved());
            assertEquals(CallResult.SYSTEM_ERROR, restarted.find(mine.recordId()).orElseThrow().callResult());
            assertEquals(RecordStatus.RETRIEVED, restarted.find(theirs.recordId()).orElseThrow().status());
        }
    }
}
