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
import io.outdial.media.corpus.AudioFiles;
import io.outdial.media.corpus.Signal;
import io.outdial.sip.testing.Sipp;
import io.outdial.sip.testing.TelephoneEventReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The browser as the agent's phone, end to end (issue 17): a headless Chromium with a fake microphone (a WAV made
 * here) logs in on /agent with "Use this browser as my phone", its page offers over the CTI WebSocket and connects
 * (ICE-lite, DTLS-SRTP) to the gateway; a progressive call to a SIPp contact that plays a tone is delivered to that
 * browser phone with no SIP phone anywhere. The page receives the contact's audio (getStats), the contact's leg is
 * sent the browser's (relay counter beyond what the contact sent), the record ends Answer with the agent, the phone
 * stays up after the call, and closing the tab leaves no call, leg or port (mid-call too: the contact gets a BYE and
 * the record the result of a call its agent's phone hung up, ANSWER). An engaged agent (ASM or assured connection)
 * hears the call-waiting music on the page while the contact rings; the microphone chosen on the page is remembered
 * and taken at the next login, and a refused microphone is shown with no phone and no call. The page is given the
 * configured ICE servers; the keypad's digits, pressed while talking on the browser phone, reach the contact as
 * RFC 4733 events (decoded at the contact's RTP port, as in AgentKeypadIT), or as SIP INFO to a contact that offered
 * no telephone-event.
 */
class BrowserPhoneDeskIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    /** The contact's tone: 3 s, 150 RTP packets of 20 ms; the contact hangs up 8 s after its answer. */
    private static final int CONTACT_TONE_MS = 3000;
    private static final String TURN_CREDENTIAL = "t0rn-Secret-77";

    @Test
    void agentTakesAProgressiveCallOnTheBrowserPhone() throws Exception {
        Path contactAudio = ContactAudio.folder("tone-440-browser-phone");
        AudioFiles.writeRawPcmu(contactAudio.resolve("audio/contact.raw"),
                Signal.create().tone(CONTACT_TONE_MS, -12, 440).pcm());
        try (Sipp contact = Sipp.scenario("uas-answer-audio.xml").directory(contactAudio).calls(1).start();
             GatewayHarness gw = BrowserPhonePage.progressiveGateway(contact, "bp", "2005550801",
                     // Nothing answers there: the host candidate still connects, and the page shows it was given them.
                     "browserPhone:\n  iceServers:\n    - urls: stun:127.0.0.1:3\n"
                             + "    - { urls: [\"turn:127.0.0.1:3?transport=udp\"], username: desk,"
                             + " credential: \"" + TURN_CREDENTIAL + "\" }\n");
             Browser b = BrowserPhonePage.start("agent-browser-phone", 20_000)) {
            BrowserPhonePage.logIn(b, gw);
            assertEquals("true", b.script("return localStorage.getItem('outdial.browserPhone');"),
                    "the choice is remembered");
            b.awaitText("#voice-state", "NotReady");
            b.awaitText("#phone-state", "connected");
            assertEquals("[{\"urls\":[\"stun:127.0.0.1:3\"]},{\"urls\":[\"turn:127.0.0.1:3?transport=udp\"],"
                    + "\"username\":\"desk\",\"credential\":\"" + TURN_CREDENTIAL + "\"}]",
                    b.script("return JSON.stringify(window.outdialPhone.pc.getConfiguration().iceServers"
                            + ".map(s => ({urls: [].concat(s.urls), username: s.username || undefined,"
                            + " credential: s.credential || undefined})));"),
                    "the page's RTCPeerConnection has browserPhone.iceServers");
            assertEquals(1L, (long) gw.requiredMetric("outdial_browser_phones_connected"));
            // The fake microphone's tone moves the input level meter; Mute stops it and the outgoing audio.
            b.await(d -> Double.parseDouble(d.findElement(org.openqa.selenium.By.id("mic-level"))
                    .getAttribute("value")) > 0.05);
            b.click("#btn-mute");
            b.await(d -> Double.parseDouble(d.findElement(org.openqa.selenium.By.id("mic-level"))
                    .getAttribute("value")) == 0.0);
            assertEquals(Boolean.FALSE, b.script("return window.outdialPhone.stream.getAudioTracks()[0].enabled;"));
            b.click("#btn-mute");
            assertEquals(Boolean.TRUE, b.script("return window.outdialPhone.stream.getAudioTracks()[0].enabled;"));

            takeCall(b);
            b.screenshot("agent-browser-phone-connected");
            // The contact's tone reaches the page.
            awaitContactAudio(b, 50);
            b.awaitText("#call-status", "Ended");
            b.awaitText("#phone-state", "connected"); // the nailed-up phone outlives the call
            // The page's RTCP about the gateway's audio: SRTCP authenticated with the DTLS keys, its report blocks
            // read into loss and jitter (Chromium reports every few seconds), none of its packets dropped.
            Await.until(LIMIT, "a report block from the browser", () -> metric(gw,
                    "outdial_browser_phone_rtcp_jitter_seconds_count") > 0);
            assertTrue(gw.requiredMetric("outdial_browser_phone_rtcp_lost_percent_count") > 0);
            for (String reason : List.of("malformed", "forged", "replayed")) {
                assertEquals(0.0, gw.requiredMetric("outdial_browser_phone_rtcp_dropped_total{reason=\"" + reason
                        + "\"}"), "RTCP dropped as " + reason);
            }
            markDone(b);

            Await.until(LIMIT, "the record Updated", () -> gw.records("bp").get(0).status().name().equals("UPDATED"));
            CallingRecord r = gw.records("bp").get(0);
            assertEquals("ANSWER", r.callResult().name());
            assertEquals("ann", r.agentId());
            // Relayed beyond the contact's own packets: the browser's audio went to the contact's leg.
            double relayed = gw.requiredMetric("outdial_rtp_packets_relayed_total");
            assertTrue(relayed > CONTACT_TONE_MS / 20 + 100, "relayed " + relayed);
            assertTrue(contact.awaitExit(LIMIT).passed(), "the SIPp contact's call went as scripted");

            // The tab goes away: the phone session ends with it and nothing is left open.
            closeTabLeavingNothing(b, gw);
            assertEquals(0L, (long) gw.requiredMetric("outdial_browser_phones_connected"));
        }
    }

    @Test
    void theTabClosedMidCallHangsUpTheContactAndLeavesNothing() throws Exception {
        // The contact stays on the line until the gateway's BYE: its scenario passes only if one comes.
        try (Sipp contact = Sipp.scenario("uas-answer-wait-bye.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = BrowserPhonePage.progressiveGateway(contact, "bp", "2005550802");
             Browser b = BrowserPhonePage.start("agent-browser-phone-tab-closed", 20_000)) {
            b.open(gw.baseUrl() + "/agent");
            b.script("localStorage.setItem('outdial.browserPhone', 'true');");
            b.open(gw.baseUrl() + "/agent"); // the remembered choice: the box comes checked
            assertEquals(Boolean.TRUE, b.script("return document.getElementById('use-browser-phone').checked;"));
            BrowserPhonePage.logIn(b, gw);
            b.awaitText("#phone-state", "connected");
            takeCall(b);
            b.await(d -> inboundAudio(d).get("packetsReceived").longValue() > 25);

            closeTabLeavingNothing(b, gw);
            assertTrue(contact.awaitExit(LIMIT).passed(), "the contact got the gateway's BYE");
            assertEquals(0L, (long) gw.requiredMetric("outdial_browser_phones_connected"));
            Await.until(LIMIT, "the record Updated", () -> gw.records("bp").get(0).status().name().equals("UPDATED"));
            CallingRecord r = gw.records("bp").get(0);
            assertEquals("ann", r.agentId());
            assertEquals("ANSWER", r.callResult().name(), "as when an agent's phone hangs up a connected call");

            // The agent comes back: the desk says what happened to the phone and to the call it carried.
            BrowserPhonePage.logIn(b, gw); // the remembered choice
            b.awaitText("#phone-lost-notice", "Your browser phone was lost");
            String notice = b.find("#phone-lost-notice").getText();
            assertTrue(notice.contains("during the call to 2005550802 (bp, "), notice);
            assertTrue(notice.contains("which ended with the result " + r.callResult().name()), notice);
            assertTrue(notice.contains("(the desktop closed)") || notice.contains("DTLS"), notice);
            b.screenshot("agent-browser-phone-lost-notice");
            b.awaitText("#phone-state", "connected");
            b.click("#btn-logout");
            b.awaitText("#messages", "Logged out");
            // Told once: the next login has nothing to tell.
            BrowserPhonePage.logIn(b, gw); // the remembered choice
            b.awaitText("#phone-state", "connected");
            assertEquals(0, b.driver().findElements(org.openqa.selenium.By.id("phone-lost-notice")).size());
        }
    }

    @Test
    void anEngagedAgentHearsTheCallWaitingMusicOnThePage() throws Exception {
        engagedAgentHearsTheMusic("  - { name: asm, dialingMode: progressive, engageAgentFirst: true, agents: [ann],"
                + " autoLoad: false }", "asm", "agent-browser-phone-engaged");
    }

    @Test
    void anAssuredConnectionAgentHearsTheCallWaitingMusicOnThePage() throws Exception {
        engagedAgentHearsTheMusic("  - { name: ac, dialingMode: assured_connection, agents: [ann], autoLoad: false,"
                + " maxAttempts: 1 }", "ac", "agent-browser-phone-assured");
    }

    /** The engaging phase of {@code campaignYaml} (ASM or assured connection) on the browser phone. */
    private static void engagedAgentHearsTheMusic(String campaignYaml, String campaign, String screenshot)
            throws Exception {
        Path music = ContactAudio.messageWav();
        // The contact rings until the gateway gives up: everything the page hears meanwhile is the music.
        try (Sipp contact = Sipp.scenario("uas-ring-forever.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AgentDesktopIT.AGENTS, campaignYaml,
                     "audio:\n  holdMusic: \"" + music + "\"\n");
             Browser b = BrowserPhonePage.start(screenshot, 20_000)) {
            gw.uploadAndStart(campaign, "contact_info\n2005550803\n");
            BrowserPhonePage.logIn(b, gw);
            b.awaitText("#phone-state", "connected");
            assertEquals(0L, inboundAudio(b.driver()).get("packetsReceived").longValue(),
                    "nothing is sent to an idle browser phone");
            b.click("#btn-ready");
            awaitContactAudio(b, 50);
            assertTrue(contact.isAlive(), "the contact is still ringing: the audio is the call-waiting music");
            assertEquals("Establishing", b.find("#call-status").getText(), "the page shows the engaging phase");
        }
    }

    @Test
    void theChosenMicrophoneIsRememberedAndTakenAtTheNextLogin() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer-wait-bye.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = BrowserPhonePage.progressiveGateway(contact, "mc", "2005550806");
             Browser b = BrowserPhonePage.start("agent-browser-phone-microphone", 20_000)) {
            BrowserPhonePage.logIn(b, gw);
            b.awaitText("#phone-state", "connected");
            // Once the page may use the microphone, the choice lists the browser's inputs (Chromium's fake ones).
            b.await(d -> ((Number) b.script("return document.getElementById('microphone').options.length;"))
                    .intValue() > 1);
            String chosen = (String) b.script("const s = document.getElementById('microphone');"
                    + " return s.options[s.options.length - 1].value;");
            assertTrue(!chosen.isEmpty(), "an input of its own, not the default");
            b.setValue("#microphone", chosen);
            assertEquals(chosen, b.script("return localStorage.getItem('outdial.microphone');"), "remembered");

            BrowserPhonePage.logIn(b, gw); // a fresh page: the phone starts on the remembered input
            b.awaitText("#phone-state", "connected");
            assertEquals(chosen, b.script("return document.getElementById('microphone').value;"));
            assertEquals(chosen, b.script("return window.outdialPhone.stream.getAudioTracks()[0]"
                    + ".getSettings().deviceId;"), "the phone's audio is the chosen microphone");
            b.open("about:blank");
        }
    }

    @Test
    void aRefusedMicrophoneIsShownAndNoPhoneComesUp() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer-wait-bye.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = BrowserPhonePage.progressiveGateway(contact, "mr", "2005550809");
             Browser b = BrowserPhonePage.start("agent-browser-phone-microphone-refused", 5_000)) {
            b.open(gw.baseUrl() + "/agent");
            // The agent answers the browser's permission prompt with Block.
            b.script("navigator.mediaDevices.getUserMedia = () =>"
                    + " Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));");
            BrowserPhonePage.submitLogin(b);
            b.awaitText("#phone-state", "lost");
            String state = b.find("#phone-state").getText();
            assertTrue(state.contains("no microphone: Permission denied"), state);
            b.awaitText("#messages", "The browser phone needs the microphone: Permission denied");
            assertEquals(0.0, gw.requiredMetric("outdial_browser_phones_connected"));
            b.click("#btn-ready");
            b.awaitText("#messages", "Ready waits for the browser phone");
            assertEquals("NotReady", b.find("#voice-state").getText());
            assertEquals(0.0, gw.requiredMetric("outdial_calls_dialed_total{campaign=\"mr\"}"), "nobody is dialed");
            closeTabLeavingNothing(b, gw);
        }
    }

    @Test
    void keypadDigitsPressedOnTheBrowserPhoneReachTheContact() throws Exception {
        // The contact's SDP names a port where the test decodes RFC 4733 events (payload type 96, not our 101).
        try (TelephoneEventReceiver contactRtp = new TelephoneEventReceiver(96);
             Sipp contact = Sipp.scenario("uas-answer-telephone-event.xml").timeout(Duration.ofMinutes(2))
                     .set("contact_rtp_port", Integer.toString(contactRtp.port())).start();
             GatewayHarness gw = BrowserPhonePage.progressiveGateway(contact, "kp", "2005550804");
             Browser b = BrowserPhonePage.start("agent-browser-phone-keypad", 20_000)) {
            BrowserPhonePage.logIn(b, gw);
            b.awaitText("#phone-state", "connected");
            takeCall(b);
            b.awaitVisible("#keypad");
            for (String key : List.of("#dtmf-9", "#dtmf-star", "#dtmf-0", "#dtmf-hash")) {
                b.click(key);
            }
            b.awaitText("#dtmf-sent", "9*0#");
            List<TelephoneEventReceiver.Event> heard = contactRtp.awaitEvents(4, LIMIT, Duration.ofMillis(300));
            assertEquals("9*0#", heard.stream().map(e -> String.valueOf(e.key())).reduce("", String::concat),
                    heard::toString);
            assertTrue(heard.stream().allMatch(e -> e.payloadType() == 96 && e.complete()), heard::toString);
            assertTrue(contactRtp.otherPackets() > 0, "the browser's audio reached the contact too");
            assertEquals("connected", b.find("#phone-state").getText(), "the browser phone stayed up");

            endCall(b);
            markDone(b);
            Sipp.Result result = contact.awaitExit(LIMIT);
            assertTrue(result.passed(), result::describe);
        }
    }

    @Test
    void keypadDigitsReachAContactWithoutTelephoneEventAsSipInfo() throws Exception {
        // The contact offers PCMU alone: the digits go as SIP INFO; its scenario fails unless it gets exactly "9" then
        // "#", application/dtmf-relay, Duration=160 (SendDtmf's default, the keypad naming none).
        try (Sipp contact = Sipp.scenario("uas-answer-info-keypad.xml").timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = BrowserPhonePage.progressiveGateway(contact, "ki", "2005550805");
             Browser b = BrowserPhonePage.start("agent-browser-phone-keypad-info", 20_000)) {
            BrowserPhonePage.logIn(b, gw);
            b.awaitText("#phone-state", "connected");
            takeCall(b);
            b.await(d -> inboundAudio(d).get("packetsReceived").longValue() > 25); // the contact's tone: talking
            b.click("#dtmf-9");
            b.click("#dtmf-hash");
            b.awaitText("#dtmf-sent", "9#");
            assertEquals("connected", b.find("#phone-state").getText(), "the browser phone stayed up");

            endCall(b);
            markDone(b);
            Sipp.Result result = contact.awaitExit(LIMIT);
            assertTrue(result.passed(), result::describe);
        }
    }
}
