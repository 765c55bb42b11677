package io.outdial.dialer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
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
import org.junit.jupiter.api.Test;

/**
 * Records claimed per second from one PostgreSQL (started here, {@link PostgresServer}) by 1 and by 2 gateways
 * (stores), each with the gateway's default 4 database threads, through the full retrieval (tiers, SKIP LOCKED
 * claim, lease, do-not-call and no-redial checks, record read). Not part of the suite (no *Test name): run it with
 * {@code mvn -B -q -o -pl dialer -am test -Dtest=ClaimThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Bounded: {@value #RECORDS} records per run, 2 minutes at most. Prints one line per run; asserts only that every
 * record was claimed exactly once.
 */
class ClaimThroughputBenchmark {
    private static final int RECORDS = 20_000;
    private static final int THREADS_PER_GATEWAY = 4;
    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");

    @Test
    void claimsPerSecondWithOneAndTwoGateways() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            for (int gateways : new int[] {1, 2, 2}) {
                run(pg, gateways);
            }
        }
    }

    private void run(PostgresServer pg, int gateways) throws Exception {
        String url = pg.newDatabaseUrl();
        List<CallingListStore> stores = new ArrayList<>();
        for (int g = 0; g < gateways; g++) {
            stores.add(CallingListStore.open(url, PostgresServer.USER, THREADS_PER_GATEWAY,
                    new ClaimSettings("gw-" + g, Duration.ofSeconds(30)), Clock.systemUTC()));
        }
        try {
            StringBuilder csv = new StringBuilder("contact_info\n");
            for (int i = 0; i < RECORDS; i++) {
                csv.append(4_000_000_000L + i).append('\n');
            }
            stores.get(0).importCsv("bench", new StringReader(csv.toString()));
            ExecutorService threads = Executors.newFixedThreadPool(gateways * THREADS_PER_GATEWAY);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Long>>> work = new ArrayList<>();
            for (int t = 0; t < gateways * THREADS_PER_GATEWAY; t++) {
                CallingListStore store = stores.get(t % gateways);
                work.add(threads.submit(() -> {
                    go.await();
                    List<Long> mine = new ArrayList<>();
                    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                    for (Optional<CallingRecord> r = store.retrieveNext("bench", NOW, 3, null, Duration.ofHours(72));
                         r.isPresent() && System.nanoTime() < deadline;
                         r = store.retrieveNext("bench", NOW, 3, null, Duration.ofHours(72))) {
                        mine.add(r.get().recordId());
                    }
                    return mine;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            Set<Long> all = new HashSet<>();
            int claimed = 0;
            for (Future<List<Long>> f : work) {
                List<Long> mine = f.get(3, TimeUnit.MINUTES);
                claimed += mine.size();
                all.addAll(mine);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            threads.shutdownNow();
            System.out.printf("CLAIMS gateways=%d threads/gateway=%d records=%d seconds=%.2f claims/s=%.0f%n",
                    gateways, THREADS_PER_GATEWAY, claimed, seconds, claimed / seconds);
            assertEquals(RECORDS, claimed);
            assertEquals(RECORDS, all.size(), "no record claimed twice");
        } finally {
            stores.forEach(CallingListStore::close);
        }
    }
}
