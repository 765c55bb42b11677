package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.stack.SIPStackTimerTask;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stack's timer on a real wheel. No assertion is on elapsed time: ordering comes from the wheel running an
 * earlier deadline no later than a later one, so "a marker due after X has run" proves X's turn has passed.
 */
class WheelSipTimerTest {
    private static final long WAIT_SECONDS = 10;
    private WheelSipTimer timer;

    @BeforeEach
    void start() {
        timer = new WheelSipTimer();
        timer.start(null, new Properties());
    }

    @AfterEach
    void stop() {
        timer.stop();
    }

    @Test
    void aScheduledTaskRunsOnTheWheelsThread() throws Exception {
        Task task = new Task();
        assertTrue(timer.schedule(task, 0));
        assertTrue(task.ran.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals("outdial-sip-timer", task.thread);
    }

    @Test
    void aCancelledTaskNeverRunsAndIsCleanedUp() throws Exception {
        Task cancelled = new Task();
        timer.schedule(cancelled, 30);
        assertTrue(timer.cancel(cancelled));
        assertFalse(timer.cancel(cancelled), "a second cancel finds nothing armed");
        awaitMarker(80);
        assertEquals(0, cancelled.runs.get());
        assertEquals(1, cancelled.cleanUps.get());
    }

    @Test
    void cancelledHourLongTasksLeaveNothingBehind() throws Exception {
        // What leaked with java.util.Timer: every call's early-dialog timer, an hour out, cancelled at answer.
        for (int i = 0; i < 1_000; i++) {
            Task t = new Task();
            timer.schedule(t, TimeUnit.HOURS.toMillis(1));
            timer.cancel(t);
        }
        awaitMarker(30);
        assertEquals(0, timer.pending());
    }

    @Test
    void aFixedDelayTaskRepeatsUntilCancelled() throws Exception {
        CountDownLatch thrice = new CountDownLatch(3);
        AtomicInteger runs = new AtomicInteger();
        SIPStackTimerTask[] self = new SIPStackTimerTask[1];
        self[0] = new SIPStackTimerTask() {
            @Override
            public void runTask() {
                if (runs.incrementAndGet() == 3) {
                    timer.cancel(self[0]);
                }
                thrice.countDown();
            }

            @Override
            public Object getThreadHash() {
                return null;
            }
        };
        timer.scheduleWithFixedDelay(self[0], 0, 20);
        assertTrue(thrice.await(WAIT_SECONDS, TimeUnit.SECONDS));
        awaitMarker(100);
        assertEquals(3, runs.get());
    }

    @Test
    void aFixedDelayTaskThatFailsOnceRunsAgain() throws Exception {
        // A transaction's timer throwing once must not end its retransmissions.
        CountDownLatch again = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Task failingOnce = new Task() {
            @Override
            public void runTask() {
                if (runs.incrementAndGet() == 1) {
                    throw new IllegalStateException("first run fails");
                }
                again.countDown();
            }
        };
        timer.scheduleWithFixedDelay(failingOnce, 0, 20);
        assertTrue(again.await(WAIT_SECONDS, TimeUnit.SECONDS));
        timer.cancel(failingOnce);
    }

    @Test
    void aStoppedTimerRefusesNewTasks() {
        timer.stop();
        assertFalse(timer.isStarted());
        assertThrows(IllegalStateException.class, () -> timer.schedule(new Task(), 0));
    }

    private void awaitMarker(long delayMillis) throws InterruptedException {
        Task marker = new Task();
        timer.schedule(marker, delayMillis);
        assertTrue(marker.ran.await(WAIT_SECONDS, TimeUnit.SECONDS), "the wheel ran a later task");
    }

    private static class Task extends SIPStackTimerTask {
        final CountDownLatch ran = new CountDownLatch(1);
        final AtomicInteger runs = new AtomicInteger();
        final AtomicInteger cleanUps = new AtomicInteger();
        volatile String thread;

        @Override
        public void runTask() {
            thread = Thread.currentThread().getName();
            runs.incrementAndGet();
            ran.countDown();
        }

        @Override
        public void cleanUpBeforeCancel() {
            cleanUps.incrementAndGet();
        }

        @Override
        public Object getThreadHash() {
            return null;
        }
    }
}
