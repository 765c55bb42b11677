package io.outdial.sip.ua;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import io.outdial.media.MediaEngine;
import io.outdial.media.RtpRelay;
import io.outdial.sip.Bridge;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegListener;
import io.outdial.sip.LegState;
import io.outdial.sip.SipConfig;
import io.outdial.sip.SipTraffic;
import io.outdial.sip.SipUserAgent;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Scheduler;
import io.outdial.sip.auth.DigestServer;
import io.outdial.sip.auth.FailedAttempts;
import io.outdial.sip.auth.NonceMint;
import io.outdial.sip.auth.SipAccounts;
import io.outdial.sip.registrar.BindingTable;
import io.outdial.sip.registrar.RegistrarSettings;
import io.outdial.sip.registrar.Registrations;
import io.outdial.sip.ua.logging.Slf4jStackLogger;
import java.util.function.LongSupplier;
import io.outdial.sip.tls.TlsContexts;
import io.outdial.sip.tls.TlsNetworkLayer;
import javax.net.ssl.SSLContext;
import io.outdial.sip.ua.guard.GuardedMessageParserFactory;
import io.outdial.sip.ua.logging.RefusalSummary;
import io.outdial.core.exec.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's SIP user agent on JAIN-SIP RI: one stack with UDP, TCP and/or TLS listening points, outbound legs with
 * anchored RTP, and the B2BUA bridge. Start it with {@link #start}.
 */
public final class JainSipUserAgent implements SipUserAgent {
    private static final Logger LOG = LoggerFactory.getLogger(JainSipUserAgent.class);

    /** How long {@link #close()} lets legs send their CANCEL/BYE and hear back before stopping the stack. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(3);
    /** Outstanding nonces remembered for replay checks (a nonce pushed out is stale, never accepted). */
    private static final int MAX_NONCES = 50_000;
    private static final int MAX_FAILING_SOURCES = 10_000;
    private static final Duration FORGET_FAILURES = Duration.ofMinutes(15);

    static {
        // The RI logs through log4j 1 until a stack installs its logger; code that logs before the first stack
        // exists would fail without log4j on the classpath.
        if (CommonLogger.legacyLogger == null) {
            CommonLogger.legacyLogger = new Slf4jStackLogger();
        }
    }

    private final SipStackImpl stack;
    private final LegContext ctx;
    private final Scheduler scheduler;
    private final SipTraffic traffic;
    private final BindingTable bindings;
    private final RegisterRequests registers;
    private final OutOfDialogClients clients;
    private final Executor workers;
    private final NatKeepAlive keepAlive;
    private final List<TrunkRegisterClient> trunkRegistrations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile Cancellable summaryTimer;

    private JainSipUserAgent(SipStackImpl stack, LegContext ctx, Scheduler scheduler, SipTraffic traffic,
                             BindingTable bindings, RegisterRequests registers, OutOfDialogClients clients,
                             Executor workers, NatKeepAlive keepAlive) {
        this.keepAlive = keepAlive;
        this.clients = clients;
        this.workers = workers;
        this.bindings = bindings;
        this.registers = registers;
        this.traffic = traffic;
        this.stack = stack;
        this.ctx = ctx;
        this.scheduler = scheduler;
    }

    /**
     * Starts a stack listening on {@code config}'s address and ports.
     *
     * @param media     opens the RTP endpoint of each leg and relays bridged legs
     * @param workers   runs out-of-dialog work (OPTIONS, refused INVITEs) off the SIP threads
     * @param scheduler the gateway's clock; call timers come from each call's own executor
     * @throws IllegalStateException if the stack cannot start (e.g. a port is taken)
     */
    public static JainSipUserAgent start(SipConfig config, MediaEngine media, Executor workers, Scheduler scheduler) {
        return start(config, media, workers, scheduler, RegistrarSettings.defaults(), (user, algorithm) ->
                java.util.Optional.empty());
    }

    /**
     * Like {@link #start(SipConfig, MediaEngine, Executor, Scheduler)}, with the built-in registrar checking
     * REGISTERs against {@code accounts}.
     */
    public static JainSipUserAgent start(SipConfig config, MediaEngine media, Executor workers, Scheduler scheduler,
                                         RegistrarSettings registrar, SipAccounts accounts) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(registrar, "registrar");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(scheduler, "scheduler");
        SipStackImpl stack;
        int udpPort = config.udpPort();
        SipTraffic traffic = udpPort > 0 ? new SipTraffic(() -> KernelUdpDrops.ofPort(udpPort)) : new SipTraffic();
        Properties properties = StackProperties.of(config);
        String stackName = properties.getProperty("javax.sip.STACK_NAME");
        if (config.tls() != null) {
            // A bad key store stops start-up here, with the file and the reason in the message.
            SSLContext tls = TlsContexts.load(config.tls());
            StackProperties.addTls(properties, tls);
            TlsNetworkLayer.register(stackName, tls, config.tls().verifyPeer());
            if (!config.tls().verifyPeer()) {
                LOG.warn("sip.tls.verifyPeer is false: TLS peers are not authenticated (any certificate is accepted)");
            }
        }
        GuardedMessageParserFactory.register(stackName, traffic);
        try {
            stack = new SipStackImpl(properties);
        } catch (Exception e) {
            TlsNetworkLayer.unregister(stackName);
            GuardedMessageParserFactory.unregister(stackName);
            throw new IllegalStateException("cannot create the SIP stack: " + e.getMessage(), e);
        }
        try {
            List<ListeningPoint> points = new ArrayList<>();
            if (config.udpPort() > 0) {
                points.add(stack.createListeningPoint(config.host(), config.udpPort(), ListeningPoint.UDP));
            }
            if (config.tcpPort() > 0) {
                points.add(stack.createListeningPoint(config.host(), config.tcpPort(), ListeningPoint.TCP));
            }
            if (config.tls() != null) {
                points.add(stack.createListeningPoint(config.host(), config.tls().port(), ListeningPoint.TLS));
            }
            if (config.advertisedHost() != null && !config.advertisedHost().isBlank()) {
                // Via sent-by of the requests the stack builds itself (in-dialog ones), behind NAT.
                for (ListeningPoint lp : points) {
                    lp.setSentBy(config.advertisedHost() + ":" + lp.getPort());
                }
            }
            SipProvider provider = stack.createSipProvider(points.get(0));
            for (ListeningPoint lp : points.subList(1, points.size())) {
                provider.addListeningPoint(lp);
            }
            SipMessages messages = new SipMessages(provider, new AddressFactoryImpl(), new HeaderFactoryImpl(),
                    new MessageFactoryImpl(), config, traffic);
            LegRegistry legs = new LegRegistry();
            LegContext ctx = new LegContext(provider, messages, media, legs, config.rtpInactivityTimeout());
            BindingTable bindings = new BindingTable(scheduler::now);
            LongSupplier millis = () -> scheduler.now().toEpochMilli();
            RegisterRequests registers = new RegisterRequests(messages,
                    new DigestServer(registrar.realm(), new NonceMint(registrar.nonceLifetime(), MAX_NONCES, millis),
                            accounts, registrar.algorithms()),
                    new FailedAttempts(FORGET_FAILURES, registrar.maxPenalty(), MAX_FAILING_SOURCES, millis),
                    bindings, registrar, scheduler, workers);
            OutOfDialogClients clients = new OutOfDialogClients();
            provider.addSipListener(new SipDispatcher(provider, legs, new OutOfDialogRequests(messages, registers),
                    new OutOfDialogGate(provider, messages, workers, traffic, config.outOfDialogLimits()), clients, workers, traffic));
            stack.start();
            LOG.info("SIP user agent listening on {} udp:{} tcp:{} tls:{}", config.host(), config.udpPort(),
                    config.tcpPort(), config.tlsPort());
            NatKeepAlive keepAlive = new NatKeepAlive(registrar.natKeepAlive(), bindings,
                    NatKeepAlive.over(messages, provider), clients, new CallExecutor("nat-keepalive", workers, scheduler));
            JainSipUserAgent ua = new JainSipUserAgent(stack, ctx, scheduler, traffic, bindings, registers, clients,
                    workers, keepAlive);
            keepAlive.start();
            ua.flushRefusalSummary();
            return ua;
        } catch (Exception e) {
            stack.stop();
            TlsNetworkLayer.unregister(stackName);
            GuardedMessageParserFactory.unregister(stackName);
            throw new IllegalStateException("cannot start the SIP stack on " + config.host() + " udp:"
                    + config.udpPort() + " tcp:" + config.tcpPort() + " tls:" + config.tlsPort() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Writes the minute's refusal summary even when no further refusal comes to close the window; re-arms itself. */
    private void flushRefusalSummary() {
        if (closed) {
            return;
        }
        RefusalSummary.shared().flush(System.nanoTime());
        summaryTimer = scheduler.schedule(RefusalSummary.WINDOW, this::flushRefusalSummary);
    }

    @Override
    public Leg dial(DialRequest request, CallExecutor executor, LegListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("the SIP user agent is closed");
        }
        OutboundLeg leg = new OutboundLeg(ctx, request, executor, listener);
        ctx.registry().add(leg);
        leg.start();
        return leg;
    }

    @Override
    public Bridge bridge(Leg a, Leg b) {
        OutboundLeg la = own(a);
        OutboundLeg lb = own(b);
        if (la == lb) {
            throw new IllegalArgumentException("cannot bridge a leg to itself: " + a);
        }
        if (la.executor() != lb.executor()) {
            throw new IllegalArgumentException("legs of one bridge must belong to one call (one executor): "
                    + la.executor().name() + " vs " + lb.executor().name());
        }
        if (la.state() != LegState.ANSWERED || lb.state() != LegState.ANSWERED) {
            throw new IllegalStateException("both legs must be answered to bridge: " + la + ", " + lb);
        }
        RtpRelay relay = ctx.media().relay(la.media(), lb.media());
        return new LegBridge(la, lb, relay, ctx.media());
    }

    private OutboundLeg own(Leg leg) {
        if (leg instanceof OutboundLeg outbound && ctx.registry().find(outbound.callId()) == outbound) {
            return outbound;
        }
        throw new IllegalArgumentException("not a live leg of this user agent: " + leg);
    }

    @Override
    public io.outdial.sip.trunk.TrunkRegistration registerWithTrunk(io.outdial.sip.TrunkConfig trunk) {
        Objects.requireNonNull(trunk, "trunk");
        if (trunk.registration() == null) {
            return io.outdial.sip.trunk.TrunkRegistration.NOT_REQUIRED;
        }
        if (closed) {
            throw new IllegalStateException("the SIP user agent is closed");
        }
        if (!ctx.messages().listensOn(trunk.transport())) {
            throw new IllegalArgumentException("the gateway has no " + trunk.transport()
                    + " listening point to register with the trunk over");
        }
        TrunkRegisterClient client = new TrunkRegisterClient(trunk.registration(), trunk.credentials(),
                trunk.transport(), ctx.messages(), ctx.provider(),
                new CallExecutor("trunk-registration", workers, scheduler));
        clients.add(client.callId(), client);
        trunkRegistrations.add(client);
        client.start();
        return client;
    }

    @Override
    public Registrations registrations() {
        return bindings;
    }

    @Override
    public long registerFailures() {
        return registers.failures();
    }

    @Override
    public SipTraffic traffic() {
        return traffic;
    }

    @Override
    public int activeLegs() {
        return ctx.registry().size();
    }

    /**
     * Completes when no leg is active any more (at once if none is): every leg terminal and its last transaction
     * done. For graceful shutdown and leak checks in tests.
     */
    public CompletableFuture<Void> whenIdle() {
        return ctx.registry().whenIdle();
    }

    /** Server transactions the stack holds now (retransmission and timer state), for flood and leak checks. */
    public int serverTransactions() {
        return stack.getServerTransactionTableSize();
    }

    /** The clock this user agent was started with. */
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Cancellable timer = summaryTimer;
        if (timer != null) {
            timer.cancel();
        }
        keepAlive.stop();
        List<CompletableFuture<Void>> unregistered = trunkRegistrations.stream().map(TrunkRegisterClient::stop)
                .toList();
        ctx.registry().all().forEach(OutboundLeg::hangup);
        try {
            CompletableFuture.allOf(unregistered.toArray(CompletableFuture[]::new))
                    .get(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("stopping the SIP stack before the trunk registrar answered our un-REGISTER");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("un-REGISTER failed", e);
        }
        try {
            whenIdle().get(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("stopping the SIP stack with {} legs still active", activeLegs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("waiting for legs to end failed", e);
        }
        stack.stop();
        TlsNetworkLayer.unregister(stack.getStackName());
        GuardedMessageParserFactory.unregister(stack.getStackName());
        LOG.info("SIP user agent stopped");
    }
}
