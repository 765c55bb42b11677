package io.outdial.dialer.browserphone;

import io.outdial.core.exec.Continuations;
import io.outdial.core.exec.CallExecutor;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.config.BrowserPhoneSettings;
import io.outdial.media.MediaEngine;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.webrtc.BrowserLegs;
import io.outdial.media.webrtc.BrowserSdp;
import io.outdial.media.webrtc.BrowserSdpException;
import io.outdial.media.webrtc.WebRtcFailure;
import io.outdial.media.webrtc.WebRtcSettings;
import io.outdial.media.webrtc.WebRtcTransport;
import io.outdial.dialer.refusal.Refused;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's browser phones, one nailed-up session per agent logged in with {@code phone: "browser"}: PhoneOffer
 * opens an RTP endpoint, guards it with WebRTC ({@link BrowserLegs}) and answers with PhoneAnswer; PhoneConnected
 * and PhoneLost tell the desktop when the media comes up and goes away. After LoggedIn the desktop is sent
 * PhoneSettings (the ICE servers its page offers with) and, when its last phone went with a call on it,
 * PhoneLostNotice. Commands run on the dialer executor; the transport's news is handed back to it.
 */
public final class BrowserPhones implements AutoCloseable {
    /** What an agent's phone URI is when its browser is the phone: {@code browser:<agentId>}. */
    public static final String SCHEME = "browser:";
    /** The {@code Login.phone} value that chooses the browser. */
    public static final String LOGIN_PHONE = "browser";
    /** The longest SDP offer taken: a browser's audio-only offer is 1-3 KB. */
    static final int MAX_OFFER_CHARS = 16_384;

    private static final Logger LOG = LoggerFactory.getLogger(BrowserPhones.class);

    private final CallExecutor dialer;
    private final MediaEngine media;
    private final WebRtcSettings settings;
    /** Given to each page in PhoneSettings ({@code browserPhone.iceServers}); credentials never logged. */
    private final List<BrowserPhoneSettings.IceServer> iceServers;
    private final Map<String, BrowserPhoneSession> sessions = new ConcurrentHashMap<>();
    /** Per agent, the last browser phone lost with a call on it, told at the agent's next login (dialer executor). */
    private final Map<String, LostCall> lostCalls = new HashMap<>();
    /** Made at the first offer: a gateway without browser phones starts no DTLS identity or threads. */
    private BrowserLegs legs;
    /** Where the browsers' RTCP reports go (the metrics); given to the legs when they are made. */
    private volatile io.outdial.media.webrtc.ReceptionReports reports = io.outdial.media.webrtc.ReceptionReports.NONE;

    /** Browser phones whose pages are given no ICE server (a LAN). */
    public BrowserPhones(CallExecutor dialer, MediaEngine media, WebRtcSettings settings) {
        this(dialer, media, settings, List.of());
    }

    /** @param iceServers the STUN/TURN servers each page's RTCPeerConnection is made with */
    public BrowserPhones(CallExecutor dialer, MediaEngine media, WebRtcSettings settings,
                         List<BrowserPhoneSettings.IceServer> iceServers) {
        this.dialer = dialer;
        this.media = media;
        this.settings = settings;
        this.iceServers = List.copyOf(iceServers);
    }

    /** The phone URI of an agent whose browser is the phone. */
    public static String phoneOf(String agentId) {
        return SCHEME + agentId;
    }

    /** The agent whose browser {@code phoneUri} names, or null for any other phone. */
    public static String agentOf(String phoneUri) {
        return phoneUri != null && phoneUri.startsWith(SCHEME) && phoneUri.length() > SCHEME.length()
                ? phoneUri.substring(SCHEME.length()) : null;
    }

    /** The agent's session, or null; any thread. */
    BrowserPhoneSession session(String agentId) {
        return sessions.get(agentId);
    }

    /** Tests: a session as if the agent's page had connected it. */
    void adopt(BrowserPhoneSession session) {
        sessions.put(session.agentId(), session);
    }

    BrowserPhoneSession absent(String agentId) {
        return BrowserPhoneSession.none(agentId);
    }

    /** Whether the agent's browser phone is up (dialer executor). */
    public boolean connected(String agentId) {
        BrowserPhoneSession s = sessions.get(agentId);
        return s != null && s.connected();
    }

    /** Browser phones whose media is up now. */
    public int connectedCount() {
        return legs == null ? 0 : legs.connected();
    }

    /** Browser phone sessions failed since start for {@code why} (ICE never checked, DTLS refused or timed out...). */
    public long failures(WebRtcFailure why) {
        return legs == null ? 0 : legs.failures(why);
    }

    /** STUN checks refused on the browser phones' ports since start (wrong USERNAME or MESSAGE-INTEGRITY, ...). */
    public long checksRefused() {
        return legs == null ? 0 : legs.checksRefused();
    }

    /**
     * After the LoggedIn of a login (dialer executor): a desktop whose login chose the browser phone is sent
     * PhoneSettings, with which its page makes its RTCPeerConnection and offers.
     */
    public void loggedIn(Agent agent, boolean browserLogin) {
        if (browserLogin) {
            agent.desktop().phoneSettings(agent.id(), iceServers);
        }
        LostCall lost = lostCalls.remove(agent.id());
        if (lost != null) {
            agent.desktop().phoneLostNotice(agent.id(), lost.reason(), lost.at(), lost.interaction());
        }
    }

    /** The agent's phone goes while a call is on it: kept to tell the agent at its next login. */
    private void remember(Agent agent, BrowserPhoneSession session, String reason) {
        if (session.carriesCall()) {
            lostCalls.put(agent.id(), new LostCall(reason, dialer.scheduler().now(), agent.interaction()));
        }
    }

    /** A page's offer of its phone, and the request the answer echoes. */
    private record Offer(String requestId, String sdp) { }

    /** A browser phone lost with a call on it; the interaction's result is read when the agent is told. */
    private record LostCall(String reason, Instant at, Interaction interaction) { }

    /**
     * PhoneOffer from the agent's desktop (dialer executor): refused with a {@link Refused} before anything changes
     * when the agent did not log in with the browser phone, is on a call, or the SDP is no browser phone's offer.
     *
     * @param requestId the desktop's request, echoed by the answer or a later refusal
     * @param sdp       the page's SDP offer
     */
    public void offer(Agent agent, String requestId, String sdp) {
        Offer offer = new Offer(requestId, sdp);
        if (agentOf(agent.phone()) == null) {
            throw new Refused(Refused.Why.NOT_A_BROWSER_PHONE, "PhoneOffer is for an agent logged in with phone \""
                    + LOGIN_PHONE + "\"; this agent's phone is " + agent.phone());
        }
        if (agent.state().isEngaged() && sessions.containsKey(agent.id())) {
            throw new Refused(Refused.Why.WRONG_STATE,
                    "a new PhoneOffer replaces the browser phone only between calls (state " + agent.state().wireName()
                            + ")");
        }
        if (offer.sdp().length() > MAX_OFFER_CHARS) {
            throw new Refused(Refused.Why.PHONE_OFFER_REFUSED, "the SDP offer is longer than "
                    + MAX_OFFER_CHARS + " characters");
        }
        try {
            BrowserSdp.parseOffer(offer.sdp());
        } catch (BrowserSdpException e) {
            throw new Refused(Refused.Why.PHONE_OFFER_REFUSED, "the browser phone's offer is refused: "
                    + e.getMessage());
        }
        // A page offering again (reloaded on the same connection) replaces its phone; the page knows, so no PhoneLost.
        BrowserPhoneSession replaced = sessions.remove(agent.id());
        if (replaced != null) {
            replaced.lose();
        }
        media.openEndpoint().whenComplete(Continuations.logged("BrowserPhones.offer",
                (endpoint, failure) -> dialer.execute(() -> {
            if (failure != null) {
                agent.desktop().refused(offer.requestId(), Refused.Why.INTERNAL_ERROR,
                        "no media port for the browser phone: " + failure.getMessage());
            } else {
                answer(agent, offer, endpoint);
            }
        })));
    }

    private void answer(Agent agent, Offer offer, RtpEndpoint endpoint) {
        if (!agent.hasDesktop() || agentOf(agent.phone()) == null || sessions.containsKey(agent.id())) {
            // Logged out, changed phone or offered again while the port was opened.
            endpoint.close();
            return;
        }
        BrowserPhoneSession session = new BrowserPhoneSession(agent.id(), endpoint);
        BrowserLegs.Accepted accepted;
        try {
            accepted = legs().accept(endpoint, offer.sdp(), new SessionEvents(agent, session));
        } catch (BrowserSdpException e) {
            endpoint.close();
            agent.desktop().refused(offer.requestId(), Refused.Why.PHONE_OFFER_REFUSED,
                    "the browser phone's offer is refused: " + e.getMessage());
            return;
        }
        sessions.put(agent.id(), session);
        agent.desktop().phoneAnswer(offer.requestId(), accepted.answer());
    }

    /** Ends the agent's browser phone, if any (dialer executor): logout, a closed desktop, another phone chosen. */
    public void end(Agent agent, String reason) {
        BrowserPhoneSession session = sessions.remove(agent.id());
        if (session != null) {
            remember(agent, session, reason);
            session.lose();
            agent.desktop().phoneLost(agent.id(), reason);
        }
    }

    private BrowserLegs legs() {
        if (legs == null) {
            legs = new BrowserLegs(settings);
            legs.reportTo(reports);
        }
        return legs;
    }

    /** Sends the browsers' RTCP reports (loss, jitter, RTCP dropped) to {@code sink}, the metrics; before start. */
    public void reportTo(io.outdial.media.webrtc.ReceptionReports sink) {
        this.reports = java.util.Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void close() {
        sessions.values().forEach(BrowserPhoneSession::lose);
        sessions.clear();
        lostCalls.clear();
        if (legs != null) {
            legs.close();
        }
    }

    /** The transport's news, on the endpoint's event loop: handed to the dialer executor. */
    private final class SessionEvents implements WebRtcTransport.Listener {
        private final Agent agent;
        private final BrowserPhoneSession session;

        SessionEvents(Agent agent, BrowserPhoneSession session) {
            this.agent = agent;
            this.session = session;
        }

        @Override
        public void secured(InetSocketAddress browser) {
            dialer.execute(() -> {
                if (sessions.get(agent.id()) == session && session.phase() == BrowserPhoneSession.Phase.CONNECTING) {
                    session.connected(true);
                    LOG.info("browser phone of agent {} connected from {}", agent.id(), browser);
                    agent.desktop().phoneConnected(agent.id());
                }
            });
        }

        @Override
        public void failed(WebRtcFailure why, String reason) {
            lost(reason);
        }

        @Override
        public void closed(String reason) {
            lost(reason);
        }

        private void lost(String reason) {
            dialer.execute(() -> {
                if (sessions.remove(agent.id(), session)) {
                    LOG.info("browser phone of agent {} lost: {}", agent.id(), reason);
                    remember(agent, session, reason);
                    session.lose();
                    agent.desktop().phoneLost(agent.id(), reason);
                    if (agent.state() == AgentState.READY) {
                        // No phone, no calls: as the desktop would have to do itself.
                        agent.moveTo(AgentState.NOT_READY, "PhoneLost");
                    }
                }
            });
        }
    }
}
