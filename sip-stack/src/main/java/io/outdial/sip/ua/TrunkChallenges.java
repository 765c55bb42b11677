package io.outdial.sip.ua;

import gov.nist.javax.sip.header.SIPHeader;
import io.outdial.sip.auth.DigestChallenge;
import io.outdial.sip.auth.DigestClient;
import io.outdial.sip.auth.DigestCredentials;
import io.outdial.sip.auth.DigestFormatException;
import java.util.HashMap;
import java.util.ListIterator;
import java.util.Map;
import javax.sip.header.CSeqHeader;
import javax.sip.header.Header;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Answers a trunk's 401/407 for one leg (RFC 3261 22.2): the request again, one CSeq higher, with credentials for
 * each challenge. A realm is answered at most once per nonce, and at most twice in all (the second time only when the
 * trunk says our nonce was stale): a trunk that refuses our credentials ends the call rather than loop. Confined to
 * the leg's executor.
 */
final class TrunkChallenges {
    /** Why a challenge was not answered; the leg fails with it. */
    static final class NotAnswered extends Exception {
        NotAnswered(String message) {
            super(message);
        }
    }

    private static final int MAX_ROUNDS = 2;

    private final DigestClient credentials;
    private final SipMessages messages;
    private final Map<String, Long> nonceCounts = new HashMap<>();
    private int rounds;

    TrunkChallenges(DigestClient credentials, SipMessages messages) {
        this.credentials = credentials;
        this.messages = messages;
    }

    /** True for a 401 or 407 this leg has credentials for. */
    boolean isChallenge(int status) {
        return credentials != null && (status == Response.UNAUTHORIZED
                || status == Response.PROXY_AUTHENTICATION_REQUIRED);
    }

    /**
     * The request to send instead of {@code sent}: a copy with the next CSeq, no Via branch (the stack gives the new
     * transaction its own), and an Authorization or Proxy-Authorization for every challenge of {@code challenge}.
     */
    Request answer(Request sent, Response challenge) throws NotAnswered {
        Request next = (Request) sent.clone();
        authorize(next, challenge);
        CSeqHeader cseq = (CSeqHeader) next.getHeader(CSeqHeader.NAME);
        try {
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
        } catch (javax.sip.InvalidArgumentException e) {
            throw new NotAnswered("CSeq overflow");
        }
        ViaHeader via = (ViaHeader) next.getHeader(ViaHeader.NAME);
        via.removeParameter("branch");
        return next;
    }

    /**
     * Puts on {@code fresh} (a new request, e.g. the dialog's next BYE, which has its own CSeq) the Authorization or
     * Proxy-Authorization answering {@code challenge}, replacing any it had.
     */
    void authorize(Request fresh, Response challenge) throws NotAnswered {
        boolean proxy = challenge.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        String challengeName = proxy ? "Proxy-Authenticate" : "WWW-Authenticate";
        String credentialName = proxy ? "Proxy-Authorization" : "Authorization";
        fresh.removeHeader("Authorization");
        fresh.removeHeader("Proxy-Authorization");
        boolean anyStale = false;
        boolean any = false;
        String uri = fresh.getRequestURI().toString();
        for (ListIterator<?> it = challenge.getHeaders(challengeName); it.hasNext(); ) {
            Header h = (Header) it.next();
            String value = h instanceof SIPHeader sh ? sh.getHeaderValue() : h.toString();
            DigestChallenge c;
            try {
                c = DigestChallenge.parse(value);
            } catch (DigestFormatException e) {
                throw new NotAnswered("trunk sent a malformed " + challengeName + ": " + e.getMessage());
            }
            if (c.algorithm().isEmpty() && hasSupported(challenge, challengeName)) {
                continue; // RFC 8760: answer the challenge we can, skip the others
            }
            long nc = nonceCounts.merge(c.realm() + "\u0000" + c.nonce(), 1L, Long::sum);
            if (nc > 1 && !c.stale()) {
                throw new NotAnswered("trunk refused our credentials for realm '" + c.realm() + "'");
            }
            try {
                DigestCredentials answer = credentials.answer(c, fresh.getMethod(), uri, nc);
                fresh.addHeader(messages.headers().createHeader(credentialName, answer.toHeaderValue()));
            } catch (DigestClient.UnanswerableChallenge e) {
                throw new NotAnswered(e.getMessage());
            } catch (java.text.ParseException e) {
                throw new NotAnswered("could not write " + credentialName + ": " + e.getMessage());
            }
            anyStale |= c.stale();
            any = true;
            break;
        }
        if (!any) {
            throw new NotAnswered(challenge.getStatusCode() + " without a digest " + challengeName);
        }
        if (++rounds > MAX_ROUNDS || (rounds == MAX_ROUNDS && !anyStale)) {
            throw new NotAnswered("trunk refused our credentials (" + challenge.getStatusCode() + " again)");
        }
    }

    private static boolean hasSupported(Response challenge, String name) {
        for (ListIterator<?> it = challenge.getHeaders(name); it.hasNext(); ) {
            Header h = (Header) it.next();
            try {
                if (DigestChallenge.parse(h instanceof SIPHeader sh ? sh.getHeaderValue() : h.toString())
                        .algorithm().isPresent()) {
                    return true;
                }
            } catch (DigestFormatException e) {
                // not this one
            }
        }
        return false;
    }
}
