package io.outdial.sip.testing;

import io.outdial.sip.auth.SipAccounts;
import io.outdial.sip.registrar.RegistrarSettings;
import java.util.Optional;
import io.outdial.media.MediaEngine;
import io.outdial.sip.SipConfig;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Scheduler;
import io.outdial.core.exec.WorkerPools;
import io.outdial.core.exec.SystemScheduler;
import io.outdial.sip.ua.JainSipUserAgent;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** The gateway's SIP user agent started on free loopback ports with real media, as integration tests use it. */
public final class GatewayUnderTest implements AutoCloseable {
    private static final AtomicInteger CALLS = new AtomicInteger();

    private final ExecutorService workers;
    private final Scheduler scheduler;
    private final SystemScheduler ownScheduler;
    private final MediaEngine media;
    private final JainSipUserAgent ua;
    private final int sipPort;

    private GatewayUnderTest(Scheduler scheduler, SystemScheduler ownScheduler, String product) {
        this(scheduler, ownScheduler, product, RegistrarSettings.defaults(), (user, algorithm) -> Optional.empty());
    }

    private GatewayUnderTest(Scheduler scheduler, SystemScheduler ownScheduler, String product,
                             RegistrarSettings registrar, SipAccounts accounts) {
        this(scheduler, ownScheduler, product, registrar, accounts, null, null);
    }

    private GatewayUnderTest(Scheduler scheduler, SystemScheduler ownScheduler, String product,
                             RegistrarSettings registrar, SipAccounts accounts, String sipAdvertised,
                             String rtpAdvertised) {
        this.workers = WorkerPools.start(4, "test-call-worker");
        this.scheduler = scheduler;
        this.ownScheduler = ownScheduler;
        this.media = LoopbackMedia.start(rtpAdvertised);
        this.sipPort = FreePorts.sip();
        this.ua = JainSipUserAgent.start(new SipConfig("127.0.0.1", sipPort, sipPort, product, 4,
                SipConfig.DEFAULT_RTP_INACTIVITY, sipAdvertised), media, workers, scheduler, registrar, accounts);
    }

    /**
     * Starts a gateway bound to 127.0.0.1 that gives peers {@code sipAdvertised} (Via, Contact, From) and
     * {@code rtpAdvertised} (SDP) instead, as a gateway behind NAT gives its public address.
     */
    public static GatewayUnderTest advertising(String sipAdvertised, String rtpAdvertised) {
        SystemScheduler s = new SystemScheduler();
        return new GatewayUnderTest(s, s, "Outdial-test/0.1", RegistrarSettings.defaults(),
                (user, algorithm) -> Optional.empty(), sipAdvertised, rtpAdvertised);
    }

    /** Starts a gateway whose registrar knows {@code accounts}, on wall-clock time. */
    public static GatewayUnderTest withRegistrar(RegistrarSettings registrar, SipAccounts accounts) {
        SystemScheduler s = new SystemScheduler();
        return new GatewayUnderTest(s, s, "Outdial-test/0.1", registrar, accounts);
    }

    /** Starts a gateway on wall-clock time. */
    public static GatewayUnderTest start() {
        SystemScheduler s = new SystemScheduler();
        return new GatewayUnderTest(s, s, "Outdial-test/0.1");
    }

    /** Starts a gateway on wall-clock time that names itself {@code product} (User-Agent, Server); "" names nothing. */
    public static GatewayUnderTest named(String product) {
        SystemScheduler s = new SystemScheduler();
        return new GatewayUnderTest(s, s, product);
    }

    /** Starts a gateway whose call timers run on {@code scheduler} (a VirtualScheduler in ring-timeout tests). */
    public static GatewayUnderTest start(Scheduler scheduler) {
        return new GatewayUnderTest(scheduler, null, "Outdial-test/0.1");
    }

    public JainSipUserAgent ua() {
        return ua;
    }

    public MediaEngine media() {
        return media;
    }

    /** The UDP and TCP port the gateway listens on. */
    public int sipPort() {
        return sipPort;
    }

    /** A new call's serial executor. */
    public CallExecutor newCall() {
        return new CallExecutor("test-call-" + CALLS.incrementAndGet(), workers, scheduler);
    }

    /** Waits until every leg is released (nothing leaks); throws if some are still active after {@code limit}. */
    public void awaitIdle(Duration limit) throws Exception {
        try {
            ua.whenIdle().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(ua.activeLegs() + " legs still active after " + limit, e);
        }
    }

    @Override
    public void close() {
        ua.close();
        media.close();
        workers.shutdownNow();
        if (ownScheduler != null) {
            ownScheduler.close();
        }
    }
}
