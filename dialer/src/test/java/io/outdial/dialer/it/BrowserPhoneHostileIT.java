package io.outdial.dialer.it;

import static io.outdial.dialer.it.BrowserPhonePage.awaitContactAudio;
import static io.outdial.dialer.it.BrowserPhonePage.closeTabLeavingNothing;
import static io.outdial.dialer.it.BrowserPhonePage.endCall;
import static io.outdial.dialer.it.BrowserPhonePage.inboundAudio;
import static io.outdial.dialer.it.BrowserPhonePage.markDone;
import static io.outdial.dialer.it.BrowserPhonePage.metric;
import static io.outdial.dialer.it.BrowserPhonePage.takeCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on the browser phone, through the dialer and a real Chromium (issue 17). A page whose PhoneOffer
 * carries an altered DTLS fingerprint (its WebSocket.send rewritten by injected JavaScript) gets no media: the
 * gateway's DTLS check refuses the browser's certificate, the desktop is told why (PhoneLost), the failure is
 * counted, no port is left, Ready is refused while there is no phone, and the same agent, logged in again from an
 * honest page, takes a call. A stranger on loopback sending STUN binding requests with a wrong USERNAME or
 * MESSAGE-INTEGRITY to the browser leg's port gets no answer and is counted, and the real browser's call keeps its
 * audio.
 */
class BrowserPhoneHostileIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final String FAILURES = "outdial_browser_phone_failures_total";
    /** A fingerprint that is not the browser's: refused (bad_certificate). */
    private static final String REFUSALS = FAILURES + "{reason=\"dtls_refused\"}";
    private static final String DIALED = "outdial_calls_dialed_total{campaign=\"bp\"}";
    private static final String REFUSED = "outdial_browser_phone_ice_checks_refused_total";
    /** Rewrites the first octet of the a=fingerprint in the PhoneOffer the page sends; counts the offers changed. */
    private static final String ALTER_OFFER_FINGERPRINT = "window.fingerprintsAltered = 0;"
            + "const send = WebSocket.prototype.send;"
            + "WebSocket.prototype.send = function (data) {"
            + "  const m = JSON.parse(data);"
            + "  if (m.type === 'PhoneOffer') {"
            + "    m.sdp = m.sdp.replace(/^(a=fingerprint:sha-256 )([0-9A-Fa-f]{2})/m,"
            + "      (all, head, octet) => head + (octet.toUpperCase() === '00' ? '01' : '00'));"
            + "    if (m.sdp !== JSON.parse(data).sdp) window.fingerprintsAltered++;"
            + "    data = JSON.stringify(m);"
            + "  }"
            + "  return send.call(this, data);"
            + "};";

    @Test
    void anOfferWithAnAlteredFingerprintBringsNoMediaAndTheAgentIsNotLeftStuck() throws Exception {
        // The contact talks (a looped tone) until the gateway's BYE: its scenario passes only if one comes.
        try (Sipp contact = Sipp.scenario("uas-answer-wait-bye.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = BrowserPhonePage.progressiveGateway(contact, "bp", "2005550811");
             Browser b = BrowserPhonePage.start("agent-browser-phone-altered-fingerprint", 30_000)) {
            b.open(gw.baseUrl() + "/agent");
            b.script(ALTER_OFFER_FINGERPRINT);
            BrowserPhonePage.submitLogin(b);
            b.awaitText("#voice-state", "NotReady");
            b.awaitText("#phone-state", "lost");
            assertEquals(1L, b.script("return window.fingerprintsAltered;"), "the page's offer was altered");
            String state = b.find("#phone-state").getText();
            assertTrue(state.contains("DTLS handshake failed") && state.contains("does not match the SDP a=fingerprint"),
                    state);
            b.awaitText("#messages", "Browser phone lost: DTLS handshake failed");
            b.screenshot("agent-browser-phone-altered-fingerprint-lost");
            Await.until(LIMIT, "the failure counted as a DTLS refusal", () -> metric(gw, REFUSALS) == 1.0);
            assertEquals(1.0, gw.metricSum(FAILURES), "and under no other reason");
            assertEquals(0.0, gw.requiredMetric("outdial_browser_phones_connected"));
            Await.until(LIMIT, "the browser phone's port closed", () -> gw.leftovers().equals(List.of(0, 0, 0)));

            // No phone, no calls: Ready is refused with the reason, the agent stays NotReady and nobody is dialed.
            b.click("#btn-ready");
            b.awaitText("#messages", "Ready waits for the browser phone");
            assertEquals("NotReady", b.find("#voice-state").getText());
            assertEquals(0.0, gw.requiredMetric(DIALED), "nobody is dialed for an agent without a phone");

            // Not stuck: the agent logs in again from an honest page and takes the call on the browser phone.
            BrowserPhonePage.logIn(b, gw); // a fresh page: the injected script is gone
            b.awaitText("#phone-state", "connected");
            assertEquals(0, b.driver().findElements(By.id("phone-lost-notice")).size(),
                    "no call was on the phone when it failed: nothing to tell at login");
            assertEquals(1.0, gw.requiredMetric("outdial_browser_phones_connected"));
            takeCall(b);
            awaitContactAudio(b, 50);
            endCall(b);
            assertTrue(contact.awaitExit(LIMIT).passed(), "the contact got the gateway's BYE");
            markDone(b);
            Await.until(LIMIT, "the record Updated", () -> gw.records("bp").get(0).status().name().equals("UPDATED"));
            CallingRecord r = gw.records("bp").get(0);
            assertEquals("ANSWER", r.callResult().name());
            assertEquals("ann", r.agentId());
            assertEquals(1.0, gw.metricSum(FAILURES), "the honest phone failed nothing");
            assertEquals(1.0, gw.requiredMetric(DIALED));

            closeTabLeavingNothing(b, gw);
        }
    }

    @Test
    void stunFromAStrangerIsDroppedCountedAndTheBrowsersCallKeepsItsAudio() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer-wait-bye.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = BrowserPhonePage.progressiveGateway(contact, "bp", "2005550812");
             Browser b = BrowserPhonePage.start("agent-browser-phone-stun-stranger", 30_000)) {
            b.open(gw.baseUrl() + "/agent");
            // The page keeps the gateway's answer back, so the stranger's checks come before the browser's.
            b.script("window.outdialPhone.answered = (sdp) => { window.heldAnswer = sdp; };");
            BrowserPhonePage.submitLogin(b);
            b.await(d -> b.script("return window.heldAnswer || null;"));
            String answer = (String) b.script("return window.heldAnswer;");
            String offer = (String) b.script("return window.outdialPhone.pc.localDescription.sdp;");
            String ours = attribute(answer, "a=ice-ufrag:(\\S+)");
            String password = attribute(answer, "a=ice-pwd:(\\S+)");
            String theirs = attribute(offer, "a=ice-ufrag:(\\S+)");
            String candidate = attribute(answer, "a=candidate:\\S+ 1 udp \\d+ (\\S+ \\d+) typ host");
            InetAddress host = InetAddress.getByName(candidate.substring(0, candidate.indexOf(' ')));
            InetSocketAddress leg = new InetSocketAddress(host.isAnyLocalAddress() ? InetAddress.getLoopbackAddress()
                    : host, Integer.parseInt(candidate.substring(candidate.indexOf(' ') + 1)));

            try (StunProbe stranger = new StunProbe(leg)) {
                double refusedBefore = gw.requiredMetric(REFUSED);
                stranger.send(theirs + ":" + ours, password); // the USERNAME the other way round
                stranger.send(ours + ":" + theirs, "not-the-gateway-password-0123"); // a MESSAGE-INTEGRITY forged
                stranger.send(ours + ":" + theirs, null); // no MESSAGE-INTEGRITY
                Await.until(LIMIT, "the three checks refused", () -> metric(gw, REFUSED) == refusedBefore + 3);
                // The stranger's datagrams do reach the port: one signed with the password (which only the page
                // has) is answered, as any source's is before the browser nominates one; it nominates nothing.
                byte[] signed = stranger.send(ours + ":" + theirs, password);
                assertTrue(stranger.answered(signed, LIMIT), "a check with the password is answered");
                assertEquals(refusedBefore + 3, gw.requiredMetric(REFUSED));

                // The page takes the answer it held: its own checks nominate its address and the phone comes up.
                b.script("delete window.outdialPhone.answered; window.outdialPhone.answered(window.heldAnswer);");
                b.awaitText("#phone-state", "connected");
                takeCall(b);
                awaitContactAudio(b, 50);

                // Mid-call the stranger tries again: the socket is connected to the browser now, nothing moves.
                long pageBefore = inboundAudio(b.driver()).get("packetsReceived").longValue();
                double relayedBefore = gw.requiredMetric("outdial_rtp_packets_relayed_total");
                stranger.send(theirs + ":" + ours, password);
                stranger.send(ours + ":" + theirs, "not-the-gateway-password-0123");
                stranger.send(ours + ":" + theirs, null);
                // Both ways keep flowing: the page keeps receiving the contact's tone, and the relay counts more
                // than the page received, the rest being the browser's audio sent on to the contact.
                b.await(d -> inboundAudio(d).get("packetsReceived").longValue() > pageBefore + 150);
                double relayedAfter = gw.requiredMetric("outdial_rtp_packets_relayed_total");
                long pageAfter = inboundAudio(b.driver()).get("packetsReceived").longValue();
                double browserToContact = (relayedAfter - relayedBefore) - (pageAfter - pageBefore);
                assertTrue(browserToContact > 100, "relayed from the browser after the probe: " + browserToContact);
                assertEquals("connected", b.find("#phone-state").getText());
                assertEquals("Connected", b.find("#call-status").getText());
            }
            endCall(b);
            assertTrue(contact.awaitExit(LIMIT).passed(), "the contact got the gateway's BYE");
            markDone(b);
            Await.until(LIMIT, "the record Updated", () -> gw.records("bp").get(0).status().name().equals("UPDATED"));
            assertEquals("ANSWER", gw.records("bp").get(0).callResult().name());
            assertEquals(0.0, gw.metricSum(FAILURES));

            closeTabLeavingNothing(b, gw);
        }
    }

    private static String attribute(String sdp, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(sdp);
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in\n" + sdp);
        }
        return m.group(1);
    }
}
