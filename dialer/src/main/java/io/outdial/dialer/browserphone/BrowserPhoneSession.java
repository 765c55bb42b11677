package io.outdial.dialer.browserphone;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;
import io.outdial.media.RtpEndpoint;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One agent's nailed-up browser phone: the endpoint the page's RTCPeerConnection reaches, from PhoneOffer until the
 * browser goes away, the agent logs out or a new offer replaces it. Its state is written on the dialer executor and
 * read by legs on call executors.
 */
final class BrowserPhoneSession {

    /** Where a browser phone is. */
    enum Phase implements State<Phase> {
        /** Answered; waiting for the browser's ICE check and DTLS handshake. */
        CONNECTING,
        /** DTLS-SRTP up: calls may be delivered. */
        CONNECTED,
        /** Gone (closed, consent lapsed, handshake failed, replaced, logged out). Terminal. */
        LOST;

        private static final Transitions<Phase> MOVES = Transitions.of(Phase.class, "browser phone")
                .entry(CONNECTING)
                .from(CONNECTING).to(CONNECTED, LOST)
                .from(CONNECTED).to(LOST)
                .terminal(LOST)
                .build();

        @Override
        public Transitions<Phase> transitions() {
            return MOVES;
        }
    }

    private final String agentId;
    private final RtpEndpoint endpoint;
    private volatile Phase phase = Phase.CONNECTING;
    private final Set<BrowserLeg> legs = ConcurrentHashMap.newKeySet();

    BrowserPhoneSession(String agentId, RtpEndpoint endpoint) {
        this.agentId = agentId;
        this.endpoint = endpoint;
    }

    /** A session that is not there: legs dialed on it fail at once, as to a phone that is switched off. */
    static BrowserPhoneSession none(String agentId) {
        BrowserPhoneSession none = new BrowserPhoneSession(agentId, null);
        none.phase = Phase.LOST;
        return none;
    }

    String agentId() {
        return agentId;
    }

    RtpEndpoint endpoint() {
        return endpoint;
    }

    Phase phase() {
        return phase;
    }

    boolean connected() {
        return phase == Phase.CONNECTED;
    }

    /** Dialer executor. */
    void connected(boolean up) {
        phase = phase.moveTo(up ? Phase.CONNECTED : Phase.LOST);
    }

    /** Whether a call's leg is on the phone now (a call, or an engaged agent's music). */
    boolean carriesCall() {
        return !legs.isEmpty();
    }

    void attach(BrowserLeg leg) {
        legs.add(leg);
    }

    void detach(BrowserLeg leg) {
        legs.remove(leg);
    }

    /** Ends the session (dialer executor): each leg on it ends as a phone hang-up, then the endpoint closes. */
    void lose() {
        if (phase == Phase.LOST) {
            return;
        }
        phase = phase.moveTo(Phase.LOST);
        for (BrowserLeg leg : legs) {
            leg.phoneLost();
        }
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
