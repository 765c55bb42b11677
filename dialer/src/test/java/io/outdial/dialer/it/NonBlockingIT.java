package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockHound;

/**
 * A whole campaign call, with a desktop and the admin API, under BlockHound: no blocking call may run on a Netty
 * event loop (RTP, HTTP, WebSocket) or on the call executors' worker threads.
 */
class NonBlockingIT {
    private static final List<String> BLOCKED = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void installBlockHound() {
        BlockHound.builder()
                .nonBlockingThreadPredicate(p -> p.or(t -> t.getName().startsWith("outdial-call")))
                // An idle worker waiting for its next task, or leaving at shutdown, is not blocking anyone.
                .allowBlockingCallsInside("java.util.concurrent.ThreadPoolExecutor", "getTask")
                .allowBlockingCallsInside("java.util.concurrent.ThreadPoolExecutor", "processWorkerExit")
                .blockingMethodCallback(m -> BLOCKED.add(Thread.currentThread().getName() + ": " + m + "\n"
                        + stackOf(new Throwable())))
                .install();
    }

    /** Proves the detector is armed: a park on a thread named like a call worker must be reported. */
    private static void checkBlockHoundIsArmed() throws InterruptedException {
        Thread probe = new Thread(() -> {
            try {
                new CountDownLatch(1).await(1, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "outdial-call-probe");
        probe.start();
        probe.join();
        assertTrue(BLOCKED.stream().anyMatch(b -> b.startsWith("outdial-call-probe")), "BlockHound reports a park");
        BLOCKED.clear();
    }

    private static String stackOf(Throwable t) {
        StringBuilder b = new StringBuilder();
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 25); i++) {
            b.append("    at ").append(frames[i]).append('\n');
        }
        return b.toString();
    }

    @Test
    void aCampaignCallNeverBlocksAnEventLoopOrACallExecutor() throws Exception {
        checkBlockHoundIsArmed();
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(3).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("contact-farm.xml").calls(3).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(),
                     "  - { id: agent1, phone: \"" + phone.uri("agent1") + "\", autoReady: true }",
                     "  - { name: it, dialingMode: progressive, agents: [agent1], autoLoad: false }")) {
            gw.uploadAndStart("it", "contact_info\n2005550001\n4865550002\n4045550003\n");
            var records = gw.awaitAllUpdated("it", Duration.ofSeconds(60));
            gw.get("/metrics");
            gw.get("/api/campaigns/it/records");
            assertEquals(List.of(CallResult.ANSWER, CallResult.BUSY, CallResult.WRONG_NUMBER),
                    records.stream().map(r -> r.callResult()).toList());
        }
        assertEquals(List.of(), BLOCKED, "blocking calls on non-blocking threads");
    }
}
