package io.outdial.dialer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoreAccessTest {
    private final CallingListStore store = InMemoryStore.open();
    private final ExecutorService database = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-database"));
    private final StoreAccess access = new StoreAccess(store, database);

    @AfterEach
    void close() {
        database.shutdownNow();
        store.close();
    }

    @Test
    void queriesAndUpdatesRunOnTheDatabasePoolAgainstTheStore() throws Exception {
        InMemoryStore.load(store, "spring", "contact_info\n+15550001\n");
        String caller = Thread.currentThread().getName();
        assertEquals("test-database", access.query(s -> Thread.currentThread().getName()).get());
        assertNotEquals(caller, access.query(s -> Thread.currentThread().getName()).get());
        assertEquals(1, access.query(s -> s.records("spring").size()).get());
        access.update(s -> s.doNotCall().add("+15550001", "spring")).get();
        assertEquals(1, access.query(s -> s.doNotCall().list().size()).get());
    }

    @Test
    void aFailedQueryFailsItsFuture() {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> access.query(s -> { throw new IllegalStateException("no table"); }).get());
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void workAfterAFailedStepIsSkipped() {
        AtomicBoolean ran = new AtomicBoolean();
        CompletableFuture<Void> failed = CompletableFuture.failedFuture(new IllegalStateException("history"));
        assertThrows(ExecutionException.class, () -> access.updateAfter(failed, s -> ran.set(true)).get());
        assertThrows(ExecutionException.class, () -> access.queryAfter(failed, (v, s) -> {
            ran.set(true);
            return 1;
        }).get());
        assertFalse(ran.get());
    }

    @Test
    void workAfterASucceededStepRunsOnTheDatabasePool() throws Exception {
        CompletableFuture<String> first = CompletableFuture.completedFuture("ok");
        assertEquals("ok on test-database",
                access.queryAfter(first, (v, s) -> v + " on " + Thread.currentThread().getName()).get());
        AtomicBoolean ran = new AtomicBoolean();
        access.updateAfter(first, s -> ran.set(true)).get();
        assertEquals(true, ran.get());
    }
}
