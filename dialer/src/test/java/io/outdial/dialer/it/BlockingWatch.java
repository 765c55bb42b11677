package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import reactor.blockhound.BlockHound;

/**
 * BlockHound for the integration tests that run under it. BlockHound installs once per JVM (a second install is
 * ignored, callback and all), and failsafe runs every IT in one JVM, so the ITs share this single installation
 * and its report instead of each installing its own.
 *
 * <p>Threads named {@code outdial-call-*} (the call executors' worker pool) must never block. Allowed: an idle
 * worker waiting for its next task or leaving at shutdown; JAIN-SIP's UDP send, which runs on the calling thread
 * and whose per-socket JDK lock parks for microseconds when several calls dial at once (not I/O waiting).
 */
final class BlockingWatch {
    private static final List<String> BLOCKED = new CopyOnWriteArrayList<>();

    static {
        BlockHound.builder()
                .nonBlockingThreadPredicate(p -> p.or(t -> t.getName().startsWith("outdial-call")))
                .allowBlockingCallsInside("java.util.concurrent.ThreadPoolExecutor", "getTask")
                .allowBlockingCallsInside("java.util.concurrent.ThreadPoolExecutor", "processWorkerExit")
                .allowBlockingCallsInside("gov.nist.javax.sip.stack.UDPMessageChannel", "sendMessage")
                .blockingMethodCallback(m -> BLOCKED.add(Thread.currentThread().getName() + ": " + m + "\n"
                        + stackOf(new Throwable())))
                .install();
    }

    private BlockingWatch() {
    }

    /**
     * Installs BlockHound if no test did yet, proves it is armed (a park on a thread named like a call worker is
     * reported) and starts a clean report.
     */
    static void armed() throws InterruptedException {
        // A plain park: a timed latch wait may time out before it parks on a loaded machine, and report nothing.
        Thread probe = new Thread(() -> LockSupport.parkNanos(1_000_000), "outdial-call-probe");
        probe.start();
        probe.join();
        assertTrue(BLOCKED.stream().anyMatch(b -> b.startsWith("outdial-call-probe")), "BlockHound reports a park");
        BLOCKED.clear();
    }

    /** The blocking calls seen since {@link #armed()}, each with its thread and stack. */
    static List<String> blocked() {
        return List.copyOf(BLOCKED);
    }

    private static String stackOf(Throwable t) {
        StringBuilder b = new StringBuilder();
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 40); i++) {
            b.append("    at ").append(frames[i]).append('\n');
        }
        return b.toString();
    }
}
