package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.core.exec.VirtualScheduler;
import io.outdial.dialer.store.CallingListStore;
import io.outdial.dialer.store.InMemoryStore;
import io.outdial.dialer.store.StoreAccess;
import io.outdial.dialer.treatment.CampaignTreatments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dialer's record writes on a database pool run by hand, retries on virtual time. */
class RecordWritesTest {
    private final CallingListStore store = CallingListStore.open(InMemoryStore.newUrl(), InMemoryStore.user(), "",
            2);
    private final Queue<Runnable> database = new ArrayDeque<>();
    private final Executor pool = database::add;
    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-12-07T10:00:00Z"));
    private final RecordWrites writes = new RecordWrites(new StoreAccess(store, pool), clock,
            new CampaignTreatments(campaign -> io.outdial.dialer.treatment.Treatments.NONE, campaign -> 1));

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void drainedWaitsForEveryWriteStartedThroughTheSharedWrites() {
        // The preview desks and the paced modes write through one RecordWrites: shutdown waits for all of them.
        AtomicInteger ran = new AtomicInteger();
        CompletableFuture<Void> first = writes.run("first", s -> ran.incrementAndGet());
        CompletableFuture<Void> second = writes.run("second", s -> ran.incrementAndGet());
        CompletableFuture<Void> drained = writes.drained();
        assertFalse(drained.isDone());
        runOne();
        assertTrue(first.isDone());
        assertFalse(drained.isDone(), "one write is still queued");
        runOne();
        assertTrue(second.isDone());
        assertTrue(drained.isDone());
        assertEquals(2, ran.get());
    }

    @Test
    void aFailedWriteIsRetriedAfterASecondAndGivenUpAfterThreeAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> done = writes.run("flaky", s -> {
            attempts.incrementAndGet();
            throw new RuntimeException("connection reset");
        });
        runOne();
        assertEquals(1, attempts.get());
        assertTrue(database.isEmpty(), "the retry waits on the clock, not on the pool");
        clock.advance(Duration.ofMillis(999));
        assertTrue(database.isEmpty());
        clock.advance(Duration.ofMillis(1));
        runOne();
        assertEquals(2, attempts.get());
        clock.advance(Duration.ofSeconds(1));
        runOne();
        assertEquals(3, attempts.get());
        assertTrue(done.isCompletedExceptionally());
        assertTrue(writes.drained().isDone(), "a write given up is no longer waited for");
    }

    @Test
    void aRefusedStatusMoveIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> done = writes.run("refused", s -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("record 7 is not Retrieved");
        });
        runOne();
        clock.advance(Duration.ofSeconds(5));
        assertTrue(database.isEmpty());
        assertEquals(1, attempts.get());
        assertTrue(done.isCompletedExceptionally());
    }

    private void runOne() {
        Runnable task = database.poll();
        assertTrue(task != null, "a write is queued on the database pool");
        task.run();
    }
}
