package io.outdial.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallExecutorTest {

    /** Workers that run nothing until told: each handed-over drain waits in line. */
    private static final class ManualWorkers implements java.util.concurrent.Executor {
        final ArrayDeque<Runnable> handedOver = new ArrayDeque<>();

        @Override
        public void execute(Runnable drain) {
            handedOver.add(drain);
        }

        void runOne() {
            handedOver.remove().run();
        }
    }

    private final VirtualScheduler clock = new VirtualScheduler(java.time.Instant.parse("2026-01-05T09:00:00Z"));

    @Test
    void tasksRunInOrderAndOneDrainIsHandedOverAtATime() {
        ManualWorkers workers = new ManualWorkers();
        CallExecutor call = new CallExecutor("c1", workers, clock);
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            call.execute(() -> ran.add(n));
        }
        assertEquals(1, workers.handedOver.size(), "one drain for three tasks");
        workers.runOne();
        assertEquals(List.of(0, 1, 2), ran);
        call.execute(() -> ran.add(3));
        assertEquals(1, workers.handedOver.size(), "an idle executor hands a new drain over");
        workers.runOne();
        assertEquals(List.of(0, 1, 2, 3), ran);
    }

    @Test
    void aLongQueueYieldsTheWorkerAfterABatch() {
        ManualWorkers workers = new ManualWorkers();
        CallExecutor call = new CallExecutor("c1", workers, clock);
        int[] ran = {0};
        for (int i = 0; i < CallExecutor.BATCH + 10; i++) {
            call.execute(() -> ran[0]++);
        }
        workers.runOne();
        assertEquals(CallExecutor.BATCH, ran[0]);
        assertEquals(1, workers.handedOver.size(), "the rest runs on the next turn");
        workers.runOne();
        assertEquals(CallExecutor.BATCH + 10, ran[0]);
        assertTrue(workers.handedOver.isEmpty());
    }

    @Test
    void itsTimersTellItsClockAndRunTheirTasksOnIt() {
        ManualWorkers workers = new ManualWorkers();
        CallExecutor call = new CallExecutor("c1", workers, clock);
        Scheduler timers = call.timers();
        assertEquals(clock.now(), timers.now());
        List<String> ran = new ArrayList<>();
        timers.schedule(java.time.Duration.ofSeconds(2), () -> ran.add("fired"));
        Cancellable cancelled = timers.schedule(java.time.Duration.ofSeconds(2), () -> ran.add("cancelled"));
        cancelled.cancel();
        clock.advance(java.time.Duration.ofSeconds(1));
        assertTrue(workers.handedOver.isEmpty(), "not due yet");
        clock.advance(java.time.Duration.ofSeconds(1));
        assertEquals(List.of(), ran, "due, but it runs on the executor, not on the timer's thread");
        assertEquals(1, workers.handedOver.size());
        workers.runOne();
        assertEquals(List.of("fired"), ran);
        assertEquals(clock.now(), timers.now());
    }

    @Test
    void aFailingTaskIsLoggedAndTheNextOneRuns() {
        ManualWorkers workers = new ManualWorkers();
        CallExecutor call = new CallExecutor("c1", workers, clock);
        List<String> ran = new ArrayList<>();
        call.execute(() -> {
            throw new IllegalStateException("boom");
        });
        call.execute(() -> ran.add("after"));
        workers.runOne();
        assertEquals(List.of("after"), ran);
    }

    @Test
    void anErrorReachesTheWorkerAndTheRemainingTasksStillRun() {
        ManualWorkers workers = new ManualWorkers();
        CallExecutor call = new CallExecutor("c1", workers, clock);
        List<String> ran = new ArrayList<>();
        AssertionError fatal = new AssertionError("fatal");
        call.execute(() -> {
            throw fatal;
        });
        call.execute(() -> ran.add("after"));
        AssertionError seen = assertThrows(AssertionError.class, workers::runOne);
        assertSame(fatal, seen);
        assertEquals(1, workers.handedOver.size(), "the next turn is handed over before the error leaves");
        workers.runOne();
        assertEquals(List.of("after"), ran);
    }

    @Test
    void tasksFromManyThreadsAllRunOneAtATime() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            CallExecutor call = new CallExecutor("c1", pool, clock);
            int perSender = 5_000;
            CountDownLatch done = new CountDownLatch(4 * perSender);
            int[] counter = {0};
            int[] inside = {0};
            boolean[] overlapped = {false};
            for (int s = 0; s < 4; s++) {
                senders.execute(() -> {
                    for (int i = 0; i < perSender; i++) {
                        call.execute(() -> {
                            if (++inside[0] != 1) {
                                overlapped[0] = true;
                            }
                            counter[0]++;
                            inside[0]--;
                            done.countDown();
                        });
                    }
                });
            }
            assertTrue(done.await(30, TimeUnit.SECONDS), "every task ran");
            CountDownLatch last = new CountDownLatch(1);
            call.execute(last::countDown);
            assertTrue(last.await(5, TimeUnit.SECONDS));
            assertEquals(4 * perSender, counter[0]);
            assertTrue(!overlapped[0], "no two tasks of one call ran at once");
        } finally {
            pool.shutdownNow();
            senders.shutdownNow();
        }
    }
}
