package io.outdial.dialer.browserphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.AgentChannel;
import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.VirtualScheduler;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.config.BrowserPhoneSettings;
import io.outdial.dialer.agent.AgentProfile;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.cti.CtiWire;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.refusal.Refused;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import io.outdial.sip.LegEvent;
import io.outdial.media.MediaEngine;
import io.outdial.media.webrtc.WebRtcSettings;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** PhoneOffer's refusals (before anything changes) and the browser phone URI. */
class BrowserPhonesTest {
    private static final String FINGERPRINT = "a=fingerprint:sha-256 "
            + "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    private final CallExecutor dialer = new CallExecutor("dialer", Runnable::run, new VirtualScheduler(Instant.EPOCH));
    private final List<String> mediaCalls = new ArrayList<>();
    /** Records what is asked of it; opening a port fails, as with an exhausted RTP range. */
    private final MediaEngine media = (MediaEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {MediaEngine.class}, (proxy, method, args) -> {
                mediaCalls.add(method.getName());
                if (method.getName().equals("openEndpoint")) {
                    return CompletableFuture.failedFuture(new IllegalStateException("no free RTP port"));
                }
                throw new UnsupportedOperationException(method.getName());
            });
    private final BrowserPhones phones = new BrowserPhones(dialer, media, WebRtcSettings.defaults());
    private final List<CtiEvent> sent = new ArrayList<>();
    private final Agent agent = new Agent(new AgentProfile("agent1", "s", null, false, Duration.ZERO));

    BrowserPhonesTest() {
        agent.desktop(new io.outdial.dialer.cti.CtiDesktop(new AgentChannel() {
            @Override
            public void send(CtiEvent event) {
                sent.add(event);
            }

            @Override
            public void close(String reason) {
            }

            @Override
            public boolean isOpen() {
                return true;
            }
        }));
    }

    static String offer(String fingerprintLine) {
        return String.join("\r\n", "v=0", "o=- 46117314 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0",
                "m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8 126", "c=IN IP4 0.0.0.0", "a=ice-ufrag:Q3ri",
                "a=ice-pwd:Yd3Dr8lBfQWjXnJdY9PmVo7A", fingerprintLine, "a=setup:actpass", "a=mid:0", "a=sendrecv",
                "a=rtcp-mux", "a=rtpmap:111 opus/48000/2", "a=rtpmap:0 PCMU/8000", "a=rtpmap:8 PCMA/8000",
                "a=rtpmap:126 telephone-event/8000", "");
    }

    @Test
    void theBrowserPhoneUriNamesItsAgentAndNothingElse() {
        assertEquals("browser:agent1", BrowserPhones.phoneOf("agent1"));
        assertEquals("agent1", BrowserPhones.agentOf("browser:agent1"));
        assertNull(BrowserPhones.agentOf("sip:agent1@10.0.0.5"));
        assertNull(BrowserPhones.agentOf("browser:"));
        assertNull(BrowserPhones.agentOf(null));
    }

    @Test
    void aBrowserLoginIsSentTheIceServersAndAnyOtherLoginNothing() {
        List<BrowserPhoneSettings.IceServer> servers = List.of(new BrowserPhoneSettings.IceServer(
                List.of("stun:stun.example.com"), null, null),
                new BrowserPhoneSettings.IceServer(List.of("turn:turn.example.com"), "desk", "pw"));
        BrowserPhones configured = new BrowserPhones(dialer, media, WebRtcSettings.defaults(), servers);
        configured.loggedIn(agent, false);
        assertEquals(List.of(), sent);
        configured.loggedIn(agent, true);
        assertEquals(List.of(new CtiEvent.PhoneSettings("agent1", List.of(
                new CtiEvent.IceServer(List.of("stun:stun.example.com"), null, null),
                new CtiEvent.IceServer(List.of("turn:turn.example.com"), "desk", "pw")))), sent);
        sent.clear();
        phones.loggedIn(agent, true);
        assertEquals(List.of(new CtiEvent.PhoneSettings("agent1", List.of())), sent, "none by default: a LAN");
        assertEquals(List.of(), mediaCalls, "nothing is opened before the page offers");
    }

    @Test
    void aPhoneLostWithACallOnItIsToldAtTheNextLoginOnceWithTheCallsResult() {
        Interaction ix = new Interaction("ix-7", "spring", new CallingRecord(17, "spring", "2005550101", "Home",
                RecordType.GENERAL, RecordStatus.RETRIEVED, CallResult.UNKNOWN, 0, null, null, 0, 86400, "UTC",
                null, null, 0, Map.of()));
        agent.interaction(ix);
        BrowserPhoneSession session = new BrowserPhoneSession("agent1", null);
        session.connected(true);
        phones.adopt(session);
        List<LegEvent> legEvents = new ArrayList<>();
        new BrowserLeg("browser-agent1-1", "browser:agent1", dialer, session, null, legEvents::add).start();
        assertInstanceOf(LegEvent.Answered.class, legEvents.get(0));

        phones.end(agent, "the desktop closed");
        assertInstanceOf(LegEvent.Ended.class, legEvents.get(1), "the call's leg ends with the phone");
        ix.callResult(CallResult.ANSWER); // as the call's end writes it, before the agent comes back
        sent.clear();
        phones.loggedIn(agent, false);
        assertEquals(List.of(new CtiEvent.PhoneLostNotice("agent1", "the desktop closed", "1970-01-01T00:00:00Z",
                "ix-7", "spring", "2005550101", "ANSWER")), sent);
        sent.clear();
        phones.loggedIn(agent, false);
        assertEquals(List.of(), sent, "told once");
    }

    @Test
    void aPhoneLostBetweenCallsLeavesNothingToTell() {
        BrowserPhoneSession session = new BrowserPhoneSession("agent1", null);
        session.connected(true);
        phones.adopt(session);
        phones.end(agent, "the desktop closed");
        sent.clear();
        phones.loggedIn(agent, false);
        assertEquals(List.of(), sent);
    }

    @Test
    void anAgentWithAnotherPhoneMayNotOffer() {
        agent.phone("sip:agent1@127.0.0.1:5070");
        Refused e = assertThrows(Refused.class,
                () -> phones.offer(agent, "r1", offer(FINGERPRINT)));
        assertEquals(CtiErrorCodes.NOT_ALLOWED, CtiWire.code(e.why()));
        assertTrue(e.getMessage().contains("phone \"browser\""), e.getMessage());
        assertEquals(List.of(), mediaCalls);
    }

    @Test
    void anOfferWithoutFingerprintIsRefusedWithItsReasonAndOpensNothing() {
        agent.phone(BrowserPhones.phoneOf("agent1"));
        Refused e = assertThrows(Refused.class,
                () -> phones.offer(agent, "r1", offer("a=sendrecv")));
        assertEquals(CtiErrorCodes.PHONE_OFFER_REFUSED, CtiWire.code(e.why()));
        assertTrue(e.getMessage().contains("fingerprint"), e.getMessage());
        assertEquals(List.of(), mediaCalls);
        assertEquals(List.of(), sent);
    }

    @Test
    void anOfferWithAnotherHashOrNoG711IsRefused() {
        agent.phone(BrowserPhones.phoneOf("agent1"));
        Refused sha1 = assertThrows(Refused.class, () -> phones.offer(agent,
                "r1", offer("a=fingerprint:sha-1 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01")));
        assertEquals(CtiErrorCodes.PHONE_OFFER_REFUSED, CtiWire.code(sha1.why()));
        String opusOnly = offer(FINGERPRINT).replace("a=rtpmap:0 PCMU/8000\r\n", "")
                .replace("a=rtpmap:8 PCMA/8000\r\n", "").replace(" 111 0 8 126", " 111 126");
        Refused noG711 = assertThrows(Refused.class,
                () -> phones.offer(agent, "r2", opusOnly));
        assertEquals(CtiErrorCodes.PHONE_OFFER_REFUSED, CtiWire.code(noG711.why()));
        assertEquals(List.of(), mediaCalls);
    }

    @Test
    void anOversizedOfferIsRefusedUnread() {
        agent.phone(BrowserPhones.phoneOf("agent1"));
        String huge = offer(FINGERPRINT) + "a=x-filler:" + "x".repeat(BrowserPhones.MAX_OFFER_CHARS) + "\r\n";
        Refused e = assertThrows(Refused.class,
                () -> phones.offer(agent, "r1", huge));
        assertEquals(CtiErrorCodes.PHONE_OFFER_REFUSED, CtiWire.code(e.why()));
        assertEquals(List.of(), mediaCalls);
    }

    @Test
    void aGoodOfferWithNoPortLeftGetsAnErrorAndNoSession() {
        agent.phone(BrowserPhones.phoneOf("agent1"));
        phones.offer(agent, "r1", offer(FINGERPRINT));
        assertEquals(List.of("openEndpoint"), mediaCalls);
        CtiEvent.Error error = assertInstanceOf(CtiEvent.Error.class, sent.get(0));
        assertEquals(CtiErrorCodes.INTERNAL_ERROR, error.code());
        assertEquals("r1", error.requestId());
        assertNull(phones.session("agent1"));
        assertEquals(false, phones.connected("agent1"));
        assertEquals(AgentState.LOGGED_OUT, agent.state());
    }
}
