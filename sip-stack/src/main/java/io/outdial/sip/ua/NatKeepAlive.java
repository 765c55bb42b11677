package io.outdial.sip.ua;

import io.outdial.core.exec.Cancellable;
import io.outdial.core.exec.CallExecutor;
import io.outdial.sip.registrar.Registration;
import io.outdial.sip.registrar.Registrations;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ResponseEvent;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps open the path to phones registered over UDP from behind NAT: every interval each such binding gets an OPTIONS
 * at the address and port its REGISTER came from, so the NAT's mapping sees traffic between the phone's refreshes
 * and a call to the phone still gets through. Any answer, an error included, proves the path; a phone that answers
 * nothing is logged (its binding lapses by itself at its expiry). OPTIONS is what Kamailio's nathelper and Asterisk's
 * qualify send; RFC 5626's CRLF keep-alive would need the phone's outbound support, which few phones have. Bindings
 * over TCP or TLS are kept by the phone's own connection. At most one OPTIONS per binding is outstanding. Runs on its
 * own call executor; the pings are client transactions routed back here by Call-ID.
 */
final class NatKeepAlive implements OutOfDialogClients.Client {
    private static final Logger LOG = LoggerFactory.getLogger(NatKeepAlive.class);

    /** What the keep-alive needs of the stack: a new Call-ID, and sending an OPTIONS. */
    interface Pinger {
        CallIdHeader newCallId();

        /** Sends an OPTIONS to {@code target} in a client transaction of Call-ID {@code callId}. */
        void send(String target, CallIdHeader callId) throws Exception;
    }

    private final Duration interval;
    private final Registrations bindings;
    private final Pinger pinger;
    private final OutOfDialogClients clients;
    private final CallExecutor executor;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();

    // Executor-confined: the user each outstanding OPTIONS (by Call-ID) went to.
    private final Map<String, String> outstanding = new HashMap<>();
    private Cancellable timer;
    private boolean stopped;

    NatKeepAlive(Duration interval, Registrations bindings, Pinger pinger, OutOfDialogClients clients,
                 CallExecutor executor) {
        this.interval = interval;
        this.bindings = bindings;
        this.pinger = pinger;
        this.clients = clients;
        this.executor = executor;
    }

    /** The pinger of a running stack. */
    static Pinger over(SipMessages messages, SipProvider provider) {
        return new Pinger() {
            @Override
            public CallIdHeader newCallId() {
                return messages.newCallId();
            }

            @Override
            public void send(String target, CallIdHeader callId) throws Exception {
                Request options = messages.options(target, callId);
                provider.getNewClientTransaction(options).sendRequest();
            }
        };
    }

    /** Starts the rounds (none if the interval is zero). */
    void start() {
        if (!interval.isZero()) {
            executor.execute(() -> timer = executor.schedule(interval, this::round));
        }
    }

    /** Stops the rounds; answers still on their way are ignored. */
    void stop() {
        executor.execute(() -> {
            stopped = true;
            if (timer != null) {
                timer.cancel();
            }
            outstanding.keySet().forEach(clients::remove);
            outstanding.clear();
        });
    }

    private void round() {
        if (stopped) {
            return;
        }
        List<Registration> natted = bindings.all().stream()
                .filter(r -> r.natted() && "udp".equalsIgnoreCase(r.transport())).toList();
        for (Registration r : natted) {
            if (!outstanding.containsValue(r.user())) {
                ping(r);
            }
        }
        timer = executor.schedule(interval, this::round);
    }

    private void ping(Registration r) {
        CallIdHeader callId = pinger.newCallId();
        outstanding.put(callId.getCallId(), r.user());
        clients.add(callId.getCallId(), this);
        try {
            pinger.send(r.dialUri(), callId);
            sent.incrementAndGet();
        } catch (Exception e) {
            outstanding.remove(callId.getCallId());
            clients.remove(callId.getCallId());
            LOG.debug("keep-alive OPTIONS to {} not sent: {}", r.user(), e.toString());
        }
    }

    @Override
    public CallExecutor executor() {
        return executor;
    }

    @Override
    public void onResponse(ResponseEvent event) {
        if (event.getResponse().getStatusCode() >= 200) {
            answered(callIdOf(event.getResponse()));
        }
    }

    @Override
    public void onTimeout(TimeoutEvent event) {
        if (event.getClientTransaction() != null) {
            timedOut(callIdOf(event.getClientTransaction().getRequest()));
        }
    }

    /** A final answer (any status) to the keep-alive of Call-ID {@code callId}. On the executor. */
    void answered(String callId) {
        if (callId != null && outstanding.remove(callId) != null) {
            clients.remove(callId);
            answered.incrementAndGet();
        }
    }

    /** No answer to the keep-alive of Call-ID {@code callId} (Timer F). On the executor. */
    void timedOut(String callId) {
        String user = callId == null ? null : outstanding.remove(callId);
        if (user != null) {
            clients.remove(callId);
            unanswered.incrementAndGet();
            LOG.info("the phone of {} (registered from behind NAT) did not answer the keep-alive OPTIONS", user);
        }
    }

    private static String callIdOf(javax.sip.message.Message message) {
        return message.getHeader(CallIdHeader.NAME) instanceof CallIdHeader h ? h.getCallId() : null;
    }

    /** Keep-alive OPTIONS sent, answered, and left unanswered, since the start. */
    long[] counts() {
        return new long[] {sent.get(), answered.get(), unanswered.get()};
    }
}
