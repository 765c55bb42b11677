package io.outdial.sip.ua;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Cancellable;
import io.outdial.sip.Transport;
import io.outdial.sip.auth.DigestClient;
import io.outdial.sip.trunk.RegistrationSchedule;
import io.outdial.sip.trunk.TrunkRegistration;
import io.outdial.sip.trunk.TrunkRegistrationConfig;
import io.outdial.sip.trunk.TrunkRegistrationState;
import io.outdial.sip.trunk.TrunkRegistrationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ListIterator;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's registration with its trunk (RFC 3261 10.2): REGISTER with one Call-ID and rising CSeq, digest
 * challenges answered with the trunk's credentials ({@link TrunkChallenges}, once per nonce), 423 answered with the
 * Min-Expires asked for, the binding refreshed before it expires, a failure retried after a doubling back-off, and
 * the binding removed at shut-down. Everything runs on one call executor; {@link #status()} is a volatile snapshot.
 */
final class TrunkRegisterClient implements TrunkRegistration, OutOfDialogClients.Client {
    private static final Logger LOG = LoggerFactory.getLogger(TrunkRegisterClient.class);
    /** 423 answers followed in a row before the provider is taken to be confused. */
    private static final int MAX_INTERVAL_RAISES = 2;

    private final TrunkRegistrationConfig config;
    private final DigestClient credentials;
    private final Transport transport;
    private final SipMessages messages;
    private final javax.sip.SipProvider provider;
    private final CallExecutor executor;
    private final RegistrationSchedule schedule;
    private final CallIdHeader callId;
    private final String fromTag = SipMessages.newTag();
    private final String aor;

    private TrunkRegistrationState state = TrunkRegistrationState.REGISTERING;
    private volatile TrunkRegistrationStatus status;
    private long cseq;
    private int expiresAsked;
    private int raises;
    private int failures;
    private Instant since;
    private Instant expiresAt;
    private Request outstanding;
    private TrunkChallenges challenges;
    private Cancellable timer;
    private boolean unregistering;
    private final java.util.List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.CompletableFuture<Void> removed = new java.util.concurrent.CompletableFuture<>();

    TrunkRegisterClient(TrunkRegistrationConfig config, DigestClient credentials, Transport transport,
                        SipMessages messages, javax.sip.SipProvider provider, CallExecutor executor) {
        this.config = config;
        this.credentials = credentials;
        this.transport = transport;
        this.messages = messages;
        this.provider = provider;
        this.executor = executor;
        this.schedule = RegistrationSchedule.of(config);
        this.callId = messages.newCallId();
        this.aor = "sip:" + config.user() + "@" + config.domain();
        this.expiresAsked = (int) Math.min(Integer.MAX_VALUE, config.expires().toSeconds());
        this.since = executor.scheduler().now();
        publish(null, 0, "first REGISTER on its way");
    }

    String callId() {
        return callId.getCallId();
    }

    @Override
    public CallExecutor executor() {
        return executor;
    }

    @Override
    public TrunkRegistrationStatus status() {
        return status;
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Sends the first REGISTER. */
    void start() {
        executor.execute(() -> attempt(true));
    }

    /**
     * Removes the binding (REGISTER with Expires 0) if there is one, and stops for good. Completes when the registrar
     * answered the removal (or at once when there was nothing to remove, or when it could not be sent).
     */
    java.util.concurrent.CompletableFuture<Void> stop() {
        executor.execute(() -> {
            if (state == TrunkRegistrationState.STOPPED) {
                return;
            }
            cancelTimer();
            boolean bound = state.allowsCalls();
            move(TrunkRegistrationState.STOPPED);
            publish(null, 0, "stopped");
            if (bound) {
                unregistering = true;
                send(0);
            } else {
                removed.complete(null);
            }
        });
        return removed;
    }

    private void attempt(boolean fresh) {
        if (state == TrunkRegistrationState.STOPPED) {
            return;
        }
        if (fresh) {
            challenges = new TrunkChallenges(credentials, messages);
            raises = 0;
        }
        if (state == TrunkRegistrationState.FAILED) {
            move(TrunkRegistrationState.REGISTERING);
        } else if (state == TrunkRegistrationState.REGISTERED) {
            move(TrunkRegistrationState.REFRESHING);
        }
        send(expiresAsked);
    }

    private void send(int expires) {
        try {
            Request register = messages.register(config.registrar(), transport, config.user(), config.domain(),
                    callId, ++cseq, fromTag, expires);
            sendRequest(register);
        } catch (Exception e) {
            if (unregistering) {
                removed.complete(null);
            }
            failed(0, "REGISTER could not be sent: " + e.getMessage());
        }
    }

    private void sendRequest(Request register) throws javax.sip.SipException {
        outstanding = register;
        ClientTransaction tx = provider.getNewClientTransaction(register);
        tx.sendRequest();
        // After a failure the supervisor keeps seeing why until an answer comes.
        publish(null, status.lastStatus(), failures > 0 ? status.reason() : "REGISTER sent to " + config.registrar());
    }

    @Override
    public void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        int code = response.getStatusCode();
        CSeqHeader c = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (code < 200 || outstanding == null || c == null || c.getSeqNumber() != cseq) {
            return; // provisional, or the answer to an attempt we have moved on from
        }
        Request sent = outstanding;
        outstanding = null;
        if (unregistering) {
            LOG.info("trunk registration of {} removed ({} {})", aor, code, response.getReasonPhrase());
            removed.complete(null);
            return;
        }
        if (state == TrunkRegistrationState.STOPPED) {
            return;
        }
        if (code / 100 == 2) {
            registered(response);
        } else if (challenges.isChallenge(code)) {
            try {
                Request retry = challenges.answer(sent, response);
                cseq = ((CSeqHeader) retry.getHeader(CSeqHeader.NAME)).getSeqNumber();
                sendRequest(retry);
            } catch (TrunkChallenges.NotAnswered e) {
                failed(code, e.getMessage());
            } catch (javax.sip.SipException e) {
                failed(code, "REGISTER could not be sent: " + e.getMessage());
            }
        } else if (code == Response.INTERVAL_TOO_BRIEF
                && response.getHeader(MinExpiresHeader.NAME) instanceof MinExpiresHeader min
                && min.getExpires() > expiresAsked && raises++ < MAX_INTERVAL_RAISES) {
            LOG.info("trunk registrar asks for at least {} s (we asked {} s)", min.getExpires(), expiresAsked);
            expiresAsked = min.getExpires();
            send(expiresAsked);
        } else {
            failed(code, "registrar answered " + code + " " + response.getReasonPhrase()
                    + (code == Response.UNAUTHORIZED || code == Response.PROXY_AUTHENTICATION_REQUIRED
                    ? " and the trunk has no credentials (trunk.username, trunk.password)" : ""));
        }
    }

    @Override
    public void onTimeout(TimeoutEvent event) {
        if (unregistering) {
            removed.complete(null);
            return;
        }
        if (outstanding == null || state == TrunkRegistrationState.STOPPED) {
            return;
        }
        outstanding = null;
        failed(0, "no answer from the registrar " + config.registrar());
    }

    private void registered(Response response) {
        int granted = granted(response);
        if (granted <= 0) {
            failed(response.getStatusCode(), "registrar's 200 did not keep our binding");
            return;
        }
        Instant now = executor.scheduler().now();
        boolean first = !state.allowsCalls();
        move(TrunkRegistrationState.REGISTERED);
        failures = 0;
        expiresAt = now.plusSeconds(granted);
        Duration refresh = schedule.refreshAfter(Duration.ofSeconds(granted));
        timer = executor.schedule(refresh, () -> attempt(true));
        publish(now.plus(refresh), response.getStatusCode(), "registered for " + granted + " s");
        if (first) {
            LOG.info("registered with the trunk as {} for {} s", aor, granted);
        }
    }

    /** The interval the registrar gave our Contact: its expires parameter, else Expires, else what we asked. */
    private int granted(Response response) {
        for (ListIterator<?> it = response.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
            ContactHeader contact = (ContactHeader) it.next();
            if (contact.getAddress().getURI() instanceof SipURI uri && config.user().equals(uri.getUser())
                    && isOurs(uri)) {
                return contact.getExpires() >= 0 ? contact.getExpires() : headerExpires(response);
            }
        }
        return headerExpires(response);
    }

    private boolean isOurs(SipURI uri) {
        javax.sip.ListeningPoint lp = provider.getListeningPoint(transport.jainName());
        int port = uri.getPort() > 0 ? uri.getPort() : 5060;
        return lp != null && messages.publicHost(lp).equalsIgnoreCase(uri.getHost()) && lp.getPort() == port;
    }

    private int headerExpires(Response response) {
        return response.getHeader(ExpiresHeader.NAME) instanceof ExpiresHeader e ? e.getExpires() : expiresAsked;
    }

    private void failed(int code, String reason) {
        if (state == TrunkRegistrationState.STOPPED) {
            return;
        }
        failures++;
        move(TrunkRegistrationState.FAILED);
        expiresAt = null;
        Duration wait = schedule.retryAfter(failures);
        cancelTimer();
        timer = executor.schedule(wait, () -> attempt(true));
        publish(executor.scheduler().now().plus(wait), code, reason);
        LOG.warn("trunk registration of {} failed ({} in a row): {}; next attempt in {} s", aor, failures, reason,
                wait.toSeconds());
    }

    private void move(TrunkRegistrationState next) {
        if (next != state) {
            state = state.moveTo(next);
            since = executor.scheduler().now();
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void publish(Instant next, int lastStatus, String reason) {
        boolean before = status != null && status.allowsCalls();
        status = new TrunkRegistrationStatus(true, state, aor, since, state.allowsCalls() ? expiresAt : null, next,
                failures, lastStatus, reason);
        if (before != status.allowsCalls()) {
            for (Runnable listener : listeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    LOG.error("trunk registration listener failed", e);
                }
            }
        }
    }
}
