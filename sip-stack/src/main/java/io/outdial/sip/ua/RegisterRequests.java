package io.outdial.sip.ua;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import io.outdial.core.exec.Scheduler;
import io.outdial.sip.auth.DigestServer;
import io.outdial.sip.auth.FailedAttempts;
import io.outdial.sip.registrar.BindingTable;
import io.outdial.sip.registrar.RegistrarSettings;
import io.outdial.sip.registrar.Registration;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in registrar (RFC 3261 10.3): REGISTER for {@code sip:<user>@<gateway>} is challenged with digest
 * (SHA-256 and MD5, qop=auth), checked against the configured accounts, and its Contact bound with the source address
 * it came from. Refusals to a source that keeps failing are held back ({@link FailedAttempts}) on the scheduler,
 * never by blocking a thread. Runs on a worker thread.
 */
final class RegisterRequests {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterRequests.class);
    private static final long DEFAULT_EXPIRES = 3600;

    private final SipMessages messages;
    private final DigestServer digest;
    private final FailedAttempts failures;
    private final BindingTable bindings;
    private final RegistrarSettings settings;
    private final Scheduler scheduler;
    private final Executor workers;
    private final AtomicLong accepted = new AtomicLong();

    RegisterRequests(SipMessages messages, DigestServer digest, FailedAttempts failures, BindingTable bindings,
                     RegistrarSettings settings, Scheduler scheduler, Executor workers) {
        this.messages = messages;
        this.digest = digest;
        this.failures = failures;
        this.bindings = bindings;
        this.settings = settings;
        this.scheduler = scheduler;
        this.workers = workers;
    }

    long accepted() {
        return accepted.get();
    }

    long failures() {
        return failures.total();
    }

    void handle(Request request, ServerTransaction st) {
        String source = source(request);
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        if (!(to.getAddress().getURI() instanceof SipURI aor) || aor.getUser() == null) {
            // RFC 3261 10.3 step 3: an address-of-record that is not one of ours is 404 (RFC 4475 unksm2: a To in
            // another scheme is a valid request, not a 400).
            send(request, st, messages -> messages.response(request, Response.NOT_FOUND,
                    "Not Found (To must be sip:<agent id>@<gateway>)"));
            return;
        }
        DigestServer.Verdict verdict = digest.verify(Request.REGISTER, credentials(request));
        switch (verdict.outcome()) {
            case CHALLENGE -> challenge(request, st, false);
            case STALE -> challenge(request, st, true);
            case MALFORMED -> refuse(request, st, source, verdict, Response.BAD_REQUEST,
                    "Bad Request (malformed Authorization header)");
            // Not a fresh challenge: a phone would retry the same wrong password forever. The same 403 for an unknown
            // user and a wrong password.
            case REFUSED -> refuse(request, st, source, verdict, Response.FORBIDDEN, "Forbidden (authentication failed)");
            case ACCEPTED -> {
                if (!verdict.user().equals(aor.getUser())) {
                    refuse(request, st, source, verdict, Response.FORBIDDEN,
                            "Forbidden (credentials are not for this address-of-record)");
                    return;
                }
                failures.succeeded(hostOf(source));
                bindings.sweep();
                bind(request, st, verdict.user(), source);
            }
            default -> throw new IllegalStateException("unknown outcome " + verdict.outcome());
        }
    }

    private void bind(Request request, ServerTransaction st, String user, String source) {
        List<ContactHeader> contacts = new ArrayList<>();
        for (Iterator<?> it = request.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
            contacts.add((ContactHeader) it.next());
        }
        ExpiresHeader expiresHeader = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
        long requestExpires = expiresHeader == null ? DEFAULT_EXPIRES : expiresHeader.getExpires();
        if (contacts.size() == 1 && contacts.get(0).isWildCard()) {
            if (requestExpires != 0) {
                send(request, st, m -> m.response(request, Response.BAD_REQUEST,
                        "Bad Request (Contact: * needs Expires: 0)"));
                return;
            }
            bindings.unbind(user, "*");
            LOG.info("agent {} unregistered every phone (from {})", user, source);
            send(request, st, m -> ok(m, request, user));
            return;
        }
        if (contacts.size() > 1) {
            send(request, st, m -> m.response(request, Response.BAD_REQUEST,
                    "Bad Request (one Contact per agent phone)"));
            return;
        }
        if (!contacts.isEmpty()) {
            ContactHeader contact = contacts.get(0);
            URI uri = contact.getAddress().getURI();
            if (!(uri instanceof SipURI sip) || sip.getHost() == null) {
                send(request, st, m -> m.response(request, Response.BAD_REQUEST,
                        "Bad Request (Contact must be a SIP URI)"));
                return;
            }
            long requested = contact.getExpires() >= 0 ? contact.getExpires() : requestExpires;
            if (requested == 0) {
                bindings.unbind(user, uri.toString());
                LOG.info("agent {} unregistered {} (from {})", user, uri, source);
            } else {
                boolean natted = !sameAddress(sip, source);
                long granted = settings.grant(requested, natted);
                if (granted < 0) {
                    send(request, st, m -> {
                        Response r = m.response(request, Response.INTERVAL_TOO_BRIEF, null);
                        r.addHeader(m.headers().createMinExpiresHeader((int) settings.minExpires().toSeconds()));
                        return r;
                    });
                    return;
                }
                Instant now = scheduler.now();
                UserAgentHeader ua = (UserAgentHeader) request.getHeader(UserAgentHeader.NAME);
                Registration binding = new Registration(user, uri.toString(), dialUri(sip, source, natted), source,
                        transportOf(request), natted, now, now.plusSeconds(granted),
                        ua == null ? null : safe(String.join(" ", productOf(ua))),
                        ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(),
                        ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber());
                BindingTable.Update update = bindings.bind(binding);
                if (update == BindingTable.Update.OUT_OF_ORDER) {
                    LOG.debug("REGISTER of agent {} out of order; binding kept", user);
                } else if (update != BindingTable.Update.REFRESHED) {
                    accepted.incrementAndGet();
                    LOG.info("agent {} registered {} from {}{} for {} s", user, uri, source,
                            natted ? " (behind NAT: calls go to the source address)" : "", granted);
                }
            }
        }
        send(request, st, m -> ok(m, request, user));
    }

    private Response ok(SipMessages m, Request request, String user) throws Exception {
        Response r = m.response(request, Response.OK, null);
        bindings.find(user).ifPresent(b -> {
            try {
                ContactHeader c = m.headers().createContactHeader(m.addresses().createAddress(b.contact()));
                // Rounded up: the interval just granted reads as granted.
                long ms = Duration.between(scheduler.now(), b.expires()).toMillis();
                c.setExpires((int) Math.max(0, (ms + 999) / 1000));
                r.addHeader(c);
            } catch (Exception e) {
                LOG.debug("binding of {} not listed: {}", user, e.toString());
            }
        });
        r.addHeader(m.headers().createDateHeader(Calendar.getInstance(java.util.TimeZone.getTimeZone("GMT"))));
        return r;
    }

    private void challenge(Request request, ServerTransaction st, boolean stale) {
        send(request, st, m -> {
            Response r = m.response(request, Response.UNAUTHORIZED, null);
            for (String value : digest.challenges(stale)) {
                r.addHeader(m.headers().createHeader("WWW-Authenticate", value));
            }
            return r;
        });
    }

    private void refuse(Request request, ServerTransaction st, String source, DigestServer.Verdict verdict,
                        int status, String reason) {
        Duration penalty = failures.failed(hostOf(source));
        // The user name is logged (it is what an operator looks for); the credentials never are.
        LOG.info("REGISTER for {} from {} refused: {}{}", safe(verdict.user() == null ? "?" : verdict.user()), source,
                verdict.reason(), penalty.isZero() ? "" : " (answer held back " + penalty.toMillis() + " ms)");
        Runnable answer = () -> send(request, st, m -> m.response(request, status, reason));
        if (penalty.isZero()) {
            answer.run();
        } else {
            scheduler.schedule(penalty, () -> workers.execute(answer));
        }
    }

    @FunctionalInterface
    private interface ResponseBuilder {
        Response build(SipMessages messages) throws Exception;
    }

    private void send(Request request, ServerTransaction st, ResponseBuilder builder) {
        try {
            messages.send(st, builder.build(messages));
        } catch (Exception e) {
            LOG.info("could not answer REGISTER: {}", e.toString());
        }
    }

    private static List<String> credentials(Request request) {
        List<String> values = new ArrayList<>();
        for (ListIterator<?> it = request.getHeaders(AuthorizationHeader.NAME); it.hasNext(); ) {
            Header h = (Header) it.next();
            values.add(h instanceof SIPHeader sh ? sh.getHeaderValue() : h.toString());
        }
        return values;
    }

    private static String source(Request request) {
        if (request instanceof SIPMessage m && m.getPeerPacketSourceAddress() != null) {
            return hostPort(m.getPeerPacketSourceAddress(), m.getPeerPacketSourcePort());
        }
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String host = via.getReceived() != null ? via.getReceived() : via.getHost();
        int port = via.getRPort() > 0 ? via.getRPort() : via.getPort() > 0 ? via.getPort() : 5060;
        return host + ":" + port;
    }

    private static String hostPort(InetAddress address, int port) {
        String host = address.getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    static String hostOf(String source) {
        return source.substring(0, source.lastIndexOf(':'));
    }

    private static boolean sameAddress(SipURI contact, String source) {
        int port = contact.getPort() > 0 ? contact.getPort() : 5060;
        String host = contact.getHost();
        return (host + ":" + port).equalsIgnoreCase(source)
                || ("[" + host + "]:" + port).equalsIgnoreCase(source);
    }

    /** Behind NAT: the Contact's user and parameters, at the address and port the REGISTER came from. */
    private static String dialUri(SipURI contact, String source, boolean natted) {
        if (!natted) {
            return contact.toString();
        }
        SipURI fixed = (SipURI) contact.clone();
        try {
            String host = hostOf(source);
            fixed.setHost(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            fixed.setPort(Integer.parseInt(source.substring(source.lastIndexOf(':') + 1)));
        } catch (Exception e) {
            return contact.toString();
        }
        return fixed.toString();
    }

    private static String transportOf(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via.getTransport().toLowerCase(Locale.ROOT);
    }

    private static List<String> productOf(UserAgentHeader ua) {
        List<String> parts = new ArrayList<>();
        for (Iterator<?> it = ua.getProduct(); it.hasNext(); ) {
            parts.add(String.valueOf(it.next()));
        }
        return parts;
    }

    /** Printable and short: header text from the network goes into logs and the admin API. */
    private static String safe(String text) {
        String s = text.replaceAll("[^\\x20-\\x7e]", "?");
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
