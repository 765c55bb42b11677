package io.outdial.sip.ua;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.timers.SipTimer;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAIN-SIP stack's timer (retransmissions, transaction and dialog timers) on Netty's hashed wheel, 10 ms ticks,
 * one daemon thread per stack. The stack arms and cancels these timers on the thread that sends a message, which for
 * us is a call executor: a wheel takes new and cancelled timeouts through lock-free queues, so that thread never
 * parks.
 *
 * <p>The RI's two timers both lock: {@code java.util.Timer} (its default) synchronizes on its queue and keeps a
 * cancelled task queued until its time, which leaked every call's hour-long early-dialog task (issue 13);
 * {@code ScheduledExecutorSipTimer} purges cancelled tasks but shares one {@code ReentrantLock} between every sender
 * and its timer thread, and a call executor parked on it when several calls sent at once (BlockHound in
 * {@code NonBlockingIT}). The wheel drops a cancelled timeout from its bucket at the next tick. SIP's timers are
 * T1 = 500 ms and up, so 10 ms of granularity is well inside what RFC 3261 needs. Tasks run on the wheel's thread
 * one after another, as they did on the RI's single timer thread.
 */
public final class WheelSipTimer implements SipTimer {
    private static final Logger LOG = LoggerFactory.getLogger(WheelSipTimer.class);
    private static final long TICK_MILLIS = 10;
    private static final int TICKS_PER_WHEEL = 512;

    private final HashedWheelTimer wheel;
    private volatile boolean started;

    /** Made by the stack through reflection (gov.nist.javax.sip.TIMER_CLASS_NAME). */
    public WheelSipTimer() {
        this.wheel = new HashedWheelTimer(r -> {
            Thread t = new Thread(r, "outdial-sip-timer");
            t.setDaemon(true);
            return t;
        }, TICK_MILLIS, TimeUnit.MILLISECONDS, TICKS_PER_WHEEL);
    }

    @Override
    public void start(SipStackImpl stack, Properties configuration) {
        // Start now: the first newTimeout would otherwise wait on a latch for the wheel's thread to come up.
        wheel.start();
        started = true;
    }

    @Override
    public boolean schedule(SIPStackTimerTask task, long delayMillis) {
        requireStarted();
        task.setSipTimerTask(wheel.newTimeout(t -> runSafely(task), Math.max(0, delayMillis), TimeUnit.MILLISECONDS));
        return true;
    }

    @Override
    public boolean scheduleWithFixedDelay(SIPStackTimerTask task, long delayMillis, long periodMillis) {
        requireStarted();
        Repeating repeating = new Repeating(task, Math.max(1, periodMillis));
        task.setSipTimerTask(repeating);
        repeating.arm(Math.max(0, delayMillis));
        return true;
    }

    @Override
    public boolean cancel(SIPStackTimerTask task) {
        Object handle = task.getSipTimerTask();
        if (handle == null) {
            return false;
        }
        task.cleanUpBeforeCancel();
        task.setSipTimerTask(null);
        if (handle instanceof Repeating repeating) {
            return repeating.cancel();
        }
        return ((Timeout) handle).cancel();
    }

    @Override
    public void stop() {
        started = false;
        wheel.stop();
    }

    @Override
    public boolean isStarted() {
        return started;
    }

    /** Timeouts armed and not yet run or purged; a cancelled one is purged at the next tick. */
    long pending() {
        return wheel.pendingTimeouts();
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("The SIP stack's timer is stopped");
        }
    }

    private static void runSafely(SIPStackTimerTask task) {
        try {
            task.runTask();
        } catch (RuntimeException | Error e) {
            // One failing task must not end the wheel's thread, which runs every other call's timers.
            LOG.warn("A SIP stack timer task failed: {}", task.getClass().getName(), e);
        }
    }

    /** A fixed-delay task: re-armed after each run until cancelled. */
    private final class Repeating implements TimerTask {
        private final SIPStackTimerTask task;
        private final long periodMillis;
        private volatile Timeout current;
        private volatile boolean cancelled;

        Repeating(SIPStackTimerTask task, long periodMillis) {
            this.task = task;
            this.periodMillis = periodMillis;
        }

        void arm(long delayMillis) {
            if (cancelled || !started) {
                return;
            }
            try {
                current = wheel.newTimeout(this, delayMillis, TimeUnit.MILLISECONDS);
            } catch (IllegalStateException stopping) {
                // The stack stopped between the check and the re-arm: nothing is left to run.
            }
        }

        @Override
        public void run(Timeout timeout) {
            // A run that raced a cancel finds the flag set and neither runs nor re-arms.
            if (cancelled) {
                return;
            }
            runSafely(task);
            arm(periodMillis);
        }

        boolean cancel() {
            boolean wasLive = !cancelled;
            cancelled = true;
            Timeout c = current;
            if (c != null) {
                c.cancel();
            }
            return wasLive;
        }
    }
}
