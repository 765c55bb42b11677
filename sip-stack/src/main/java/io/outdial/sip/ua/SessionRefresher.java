package io.outdial.sip.ua;

import gov.nist.javax.sip.header.SIPHeader;
import io.outdial.sip.SessionTimerSettings;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.header.AllowHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.Header;
import javax.sip.header.SupportedHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session timers (RFC 4028) on the wire for one outbound leg: Supported: timer, Session-Expires and Min-SE on our
 * INVITE, a retry with the far end's Min-SE after 422, the interval and refresher its 2xx agrees, our refreshes (UPDATE
 * when the far end allows it, else a re-INVITE with our SDP) and the headers of our 2xx to its refreshes. The clock is
 * {@link SessionTimer}'s. Runs on the leg's call executor.
 */
final class SessionRefresher implements SessionTimer.Actions {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRefresher.class);
    static final String OPTION = "timer";
    static final String SESSION_EXPIRES = "Session-Expires";
    static final String MIN_SE = "Min-SE";
    /** 422s answered per INVITE before the leg takes the refusal as final. */
    private static final int MAX_422_RETRIES = 2;
    /** The longest interval we take from a far end (a day): longer would outlive any call and any sane timer. */
    private static final long MAX_SECONDS = 86_400;

    /** Who refreshes, as Session-Expires' refresher parameter names it: the UAC or the UAS of that transaction. */
    enum Refresher { UAC, UAS }

    /** A Session-Expires value: the interval and, if given, who refreshes. */
    record Expiry(Duration interval, Refresher refresher) {
        /** Parses {@code 1800;refresher=uac}; null if it is not a usable value (network input: never trusted). */
        static Expiry parse(String value) {
            if (value == null) {
                return null;
            }
            String[] parts = value.trim().split(";");
            long seconds;
            try {
                seconds = Long.parseLong(parts[0].trim());
            } catch (NumberFormatException e) {
                return null;
            }
            if (seconds < 1 || seconds > MAX_SECONDS) {
                return null;
            }
            Refresher who = null;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (p.equals("refresher=uac")) {
                    who = Refresher.UAC;
                } else if (p.equals("refresher=uas")) {
                    who = Refresher.UAS;
                }
            }
            return new Expiry(Duration.ofSeconds(seconds), who);
        }

        String toHeaderValue() {
            return interval.toSeconds() + (refresher == null ? "" : ";refresher="
                    + refresher.name().toLowerCase(Locale.ROOT));
        }
    }

    private final LegContext ctx;
    private final LegSignalling signalling;
    private final OutboundLeg leg;
    private final SessionTimerSettings settings;
    private final SessionTimer timer;
    private final java.util.function.Supplier<TrunkChallenges> challenges;
    private Duration minSE;
    private int retries;
    private Dialog dialog;
    private boolean peerAllowsUpdate;
    private ClientTransaction refreshTx;
    private long refreshInviteCSeq = -1;
    private Request refreshAck;

    /** @param challenges answers the trunk's 401/407 to in-dialog requests (shared with the leg's BYE) */
    SessionRefresher(LegContext ctx, LegSignalling signalling, OutboundLeg leg, SessionTimerSettings settings,
                     java.util.function.Supplier<TrunkChallenges> challenges) {
        this.challenges = challenges;
        this.ctx = ctx;
        this.signalling = signalling;
        this.leg = leg;
        this.settings = settings;
        this.minSE = settings.minInterval();
        this.timer = new SessionTimer(leg.executor(), this);
    }

    /** Adds Supported: timer and, when timers are on, Session-Expires and Min-SE to our INVITE. */
    void advertise(Request invite) throws ParseException {
        invite.addHeader(ctx.messages().headers().createSupportedHeader(OPTION));
        if (settings.enabled()) {
            Duration asked = settings.interval().compareTo(minSE) < 0 ? minSE : settings.interval();
            invite.setHeader(header(SESSION_EXPIRES, Long.toString(asked.toSeconds())));
            invite.setHeader(header(MIN_SE, Long.toString(minSE.toSeconds())));
        }
    }

    /**
     * After {@code 422 Session Interval Too Small} to {@code sent}: the INVITE again, one CSeq higher, asking for the
     * far end's Min-SE; null when the 422 names no usable Min-SE or we retried enough.
     */
    Request retryAfter422(Request sent, Response tooSmall) {
        Expiry theirs = Expiry.parse(value(tooSmall, MIN_SE));
        if (theirs == null || ++retries > MAX_422_RETRIES || theirs.interval().compareTo(minSE) <= 0) {
            return null;
        }
        minSE = theirs.interval();
        try {
            Request next = (Request) sent.clone();
            CSeqHeader cseq = (CSeqHeader) next.getHeader(CSeqHeader.NAME);
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
            ((ViaHeader) next.getHeader(ViaHeader.NAME)).removeParameter("branch");
            next.setHeader(header(SESSION_EXPIRES, Long.toString(minSE.toSeconds())));
            next.setHeader(header(MIN_SE, Long.toString(minSE.toSeconds())));
            LOG.info("{}: 422, asking again with Session-Expires {}", leg, minSE.toSeconds());
            return next;
        } catch (Exception e) {
            LOG.warn("{}: could not retry after 422: {}", leg, e.toString());
            return null;
        }
    }

    /** The 2xx of our INVITE on {@code answered}: the interval and refresher it agrees, if any, start the clock. */
    void answered(Response ok, Dialog answered) {
        dialog = answered;
        peerAllowsUpdate = allows(ok, Request.UPDATE);
        agreedBy(ok);
    }

    /** True if {@code event} answers one of our refreshes (an UPDATE, or a re-INVITE of ours). */
    boolean handles(ResponseEvent event) {
        CSeqHeader cseq = (CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME);
        return cseq.getMethod().equals(Request.UPDATE)
                || cseq.getMethod().equals(Request.INVITE) && cseq.getSeqNumber() == refreshInviteCSeq;
    }

    /** A response to a refresh of ours. */
    void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (status < 200) {
            return;
        }
        if (cseq.getMethod().equals(Request.INVITE) && status < 300) {
            if (refreshAck != null && event.getClientTransaction() == null) {
                signalling.reAck(dialog, refreshAck);
                return;
            }
            refreshAck = signalling.ack(dialog, cseq.getSeqNumber());
        }
        if (event.getClientTransaction() != refreshTx) {
            return;
        }
        refreshTx = null;
        if (status < 300) {
            agreedBy(response);
        } else if (challenges.get().isChallenge(status) && sendRefresh(timer.interval(), response)) {
            LOG.debug("{}: session refresh challenged ({}), sent again with credentials", leg, status);
        } else if (status == 422 && Expiry.parse(value(response, MIN_SE)) != null
                && Expiry.parse(value(response, MIN_SE)).interval().compareTo(timer.interval()) > 0) {
            Expiry larger = Expiry.parse(value(response, MIN_SE));
            LOG.info("{}: refresh got 422, refreshing again with {}", leg, larger.interval());
            timer.agreed(larger.interval(), true);
            refresh(larger.interval());
        } else {
            // RFC 4028 10: a refresh refused (491, 5xx...) leaves the session running until it expires.
            LOG.info("{}: session refresh got {}; the session expires unless a refresh succeeds", leg, status);
            timer.refreshFailed();
        }
    }

    /**
     * True while a refresh re-INVITE of ours (it carries our SDP offer) waits for its final answer: a re-INVITE or an
     * UPDATE with an offer from the far end now is glare (RFC 3261 14.2, RFC 3311 5.2) and gets 491. Our UPDATE
     * refresh carries no SDP, so it is no offer.
     */
    boolean offerPending() {
        return refreshTx != null && Request.INVITE.equals(refreshTx.getRequest().getMethod());
    }

    /** A transaction of ours timed out; true if it was a refresh. */
    boolean onTimeout(ClientTransaction tx) {
        if (tx == null || tx != refreshTx) {
            return false;
        }
        refreshTx = null;
        timer.refreshFailed();
        return true;
    }

    /**
     * The Min-SE header of our {@code 422 Session Interval Too Small} when the far end's re-INVITE or UPDATE asks for
     * less than our Min-SE (RFC 4028 8.1); empty when it may have our 2xx.
     */
    List<Header> tooSmall(Request request) {
        Expiry asked = Expiry.parse(value(request, SESSION_EXPIRES));
        if (asked == null || asked.interval().compareTo(minSE) >= 0) {
            return List.of();
        }
        try {
            return List.of(header(MIN_SE, Long.toString(minSE.toSeconds())));
        } catch (ParseException e) {
            return List.of();
        }
    }

    /**
     * The far end's re-INVITE or UPDATE, about to get our 2xx: the clock restarts with the interval it asks for, and
     * the returned headers (Session-Expires with the refresher, Require: timer when it supports timers) go in the 2xx.
     */
    List<Header> onPeerRefresh(Request request) {
        List<Header> extra = new ArrayList<>();
        boolean theySupport = supports(request, OPTION);
        Expiry asked = Expiry.parse(value(request, SESSION_EXPIRES));
        try {
            if (asked == null && theySupport && !timer.interval().isZero()) {
                // A refresh without Session-Expires from a UA that knows timers: we keep the session timed, refreshing.
                asked = new Expiry(timer.interval(), Refresher.UAS);
            } else if (asked == null) {
                timer.stop();
                return extra;
            } else if (asked.refresher() == null) {
                asked = new Expiry(asked.interval(), theySupport ? Refresher.UAC : Refresher.UAS);
            }
            extra.add(header(SESSION_EXPIRES, asked.toHeaderValue()));
            if (theySupport) {
                extra.add(ctx.messages().headers().createRequireHeader(OPTION));
            }
            timer.agreed(asked.interval(), asked.refresher() == Refresher.UAS);
        } catch (ParseException e) {
            LOG.warn("{}: session timer headers not written: {}", leg, e.toString());
        }
        return extra;
    }

    /** The leg is over. */
    void stop() {
        timer.stop();
    }

    SessionTimer.Phase phase() {
        return timer.phase();
    }

    @Override
    public void refresh(Duration interval) {
        if (!sendRefresh(interval, null)) {
            timer.refreshFailed();
        }
    }

    /** Sends a refresh asking for {@code interval}, answering {@code challenge} if given; false if none went out. */
    private boolean sendRefresh(Duration interval, Response challenge) {
        if (dialog == null) {
            return false;
        }
        try {
            String method = peerAllowsUpdate ? Request.UPDATE : Request.INVITE;
            Request refresh = dialog.createRequest(method);
            refresh.addHeader(ctx.messages().headers().createSupportedHeader(OPTION));
            refresh.setHeader(header(SESSION_EXPIRES, new Expiry(interval, Refresher.UAC).toHeaderValue()));
            refresh.setHeader(header(MIN_SE, Long.toString(minSE.toSeconds())));
            if (method.equals(Request.INVITE)) {
                // Our SDP as last sent (a far end's hold answered recvonly stays so): same o= version, no change.
                ctx.messages().setBody(refresh, "application", "sdp", leg.farEndHold().answer(leg.offer()));
                refreshInviteCSeq = ((CSeqHeader) refresh.getHeader(CSeqHeader.NAME)).getSeqNumber();
                refreshAck = null;
            }
            ctx.messages().decorate(refresh);
            if (challenge != null) {
                challenges.get().authorize(refresh, challenge);
            }
            refreshTx = ctx.provider().getNewClientTransaction(refresh);
            dialog.sendRequest(refreshTx);
            LOG.debug("{}: session refresh sent ({})", leg, method);
            return true;
        } catch (TrunkChallenges.NotAnswered e) {
            LOG.warn("{}: session refresh challenged by the trunk and not answered: {}", leg, e.getMessage());
            refreshTx = null;
            return false;
        } catch (Exception e) {
            LOG.warn("{}: session refresh not sent: {}", leg, e.toString());
            refreshTx = null;
            return false;
        }
    }

    @Override
    public void expire() {
        LOG.info("{}: session expired without refresh ({}), hanging up", leg, timer.interval());
        leg.sessionExpired();
    }

    private void agreedBy(Response ok) {
        Expiry agreed = Expiry.parse(value(ok, SESSION_EXPIRES));
        if (agreed == null) {
            timer.stop(); // RFC 4028 7.2: a 2xx without Session-Expires means no session timer
            return;
        }
        // Refresher missing in a 2xx: the UAS should have named one; we take the job rather than let it lapse.
        timer.agreed(agreed.interval(), agreed.refresher() != Refresher.UAS);
    }

    private Header header(String name, String value) throws ParseException {
        return ctx.messages().headers().createHeader(name, value);
    }

    /** The value of {@code name} in {@code message} (its compact form included), or null. */
    static String value(Message message, String name) {
        Header h = message.getHeader(name);
        if (h == null && name.equals(SESSION_EXPIRES)) {
            h = message.getHeader("x");
        }
        if (h == null) {
            return null;
        }
        if (h instanceof SIPHeader sip) {
            return sip.getHeaderValue();
        }
        String text = h.toString();
        int colon = text.indexOf(':');
        return colon < 0 ? null : text.substring(colon + 1).trim();
    }

    private static boolean supports(Message message, String option) {
        for (ListIterator<?> it = message.getHeaders(SupportedHeader.NAME); it.hasNext(); ) {
            if (it.next() instanceof SupportedHeader s && option.equalsIgnoreCase(s.getOptionTag())) {
                return true;
            }
        }
        return false;
    }

    private static boolean allows(Message message, String method) {
        for (ListIterator<?> it = message.getHeaders(AllowHeader.NAME); it.hasNext(); ) {
            if (it.next() instanceof AllowHeader a && method.equalsIgnoreCase(a.getMethod())) {
                return true;
            }
        }
        return false;
    }
}
