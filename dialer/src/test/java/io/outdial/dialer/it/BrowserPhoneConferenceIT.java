package io.outdial.dialer.it;

import static io.outdial.dialer.it.BrowserPhonePage.heardShare;
import static io.outdial.dialer.it.BrowserPhonePage.inboundAudio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A three-party conference from the browser phone (issue 17), as ConferenceIT does it between SIP phones, but with
 * each party saying its own tone so that the test tells who hears whom: ann's page (the fake microphone's 1 kHz),
 * the contact (440 Hz) and bob's phone (1.8 kHz) are each a {@link TonePort} or the page's Web Audio analyser. ann
 * puts the contact in conference with bob from the page: the page shows the Conference state without Hold, the
 * keypad, Transfer, Conference and Consult (the gateway refuses them there), each party hears the two others and not
 * itself; ann leaves from the page: contact and bob talk on without her, her browser phone stays connected, the
 * record goes to bob, and nothing is left after the tab goes.
 */
class BrowserPhoneConferenceIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    /** BrowserPhonePage's fake microphone. */
    private static final double ANN_HZ = 1000;
    private static final double CONTACT_HZ = 440;
    private static final double BOB_HZ = 1800;
    /** A tone heard in a mix of two (about 0.5 each when as loud). */
    private static final double HEARD = 0.1;
    /** A tone not heard. */
    private static final double ABSENT = 0.02;

    @Test
    void anAgentOnTheBrowserPhoneConferencesASecondAgentAndAllThreeHearEachOther() throws Exception {
        try (TonePort contactRtp = new TonePort(CONTACT_HZ);
             TonePort bobRtp = new TonePort(BOB_HZ);
             Sipp contact = Sipp.scenario("uas-answer-telephone-event.xml").timeout(Duration.ofMinutes(2))
                     .set("contact_rtp_port", Integer.toString(contactRtp.port())).start();
             Sipp bobPhone = Sipp.scenario("agent-phone-telephone-event.xml").calls(1).timeout(Duration.ofMinutes(2))
                     .set("agent_rtp_port", Integer.toString(bobRtp.port())).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), TransferIT.AGENTS,
                     "  - { name: bf, dialingMode: progressive, agents: [ann], autoLoad: false }");
             Browser b = BrowserPhonePage.start("agent-browser-phone-conference", 60_000);
             CtiClient bob = new CtiClient(gw.ctiUrl())) {
            bob.send(TransferIT.login("bob", bobPhone));
            bob.await("LoggedIn", LIMIT);
            bob.send(new CtiCommand.Ready("b1"));
            bob.await("AgentStateChanged", LIMIT);
            gw.uploadAndStart("bf", "contact_info\n2005550831\n");
            BrowserPhonePage.logIn(b, gw);
            b.awaitText("#phone-state", "connected");
            b.click("#btn-ready");
            b.awaitText("#call-status", "Connected");
            assertTrue(b.find("#btn-hold").isDisplayed(), "Hold is offered on a connected call");
            assertTrue(b.find("#keypad").isDisplayed(), "the keypad is offered on a connected call");
            assertFalse(b.find("#btn-leave-conference").isDisplayed(), "no Leave Conference outside a conference");
            // Two parties first: page and contact hear each other.
            b.await(d -> heardShare(b, CONTACT_HZ) > 0.3);
            Await.until(LIMIT, "the contact hears the browser", () -> contactRtp.share(ANN_HZ) > 0.3);

            b.type("#party-target", "bob");
            b.click("#btn-conference");
            b.awaitText("#call-status", "Conference");
            b.awaitText("#messages", "Conference: dialing bob");
            JsonNode ringing = bob.await("InteractionRinging", LIMIT).path("interaction");
            String ix = ringing.path("interactionId").asText();
            assertEquals("Conference with agent ann", ringing.path("caseInformation").path("Origin").asText());
            assertEquals("Conference", bob.await("InteractionEstablished", LIMIT).path("interaction")
                    .path("state").asText());
            b.awaitText("#messages", "Conference: bob joined");
            assertEquals("Conference", b.find("#call-status").getText());

            // All three hear the two others, and nobody hears itself.
            Await.until(LIMIT, "bob hears the contact and the browser, not himself",
                    () -> bobRtp.share(CONTACT_HZ) > HEARD && bobRtp.share(ANN_HZ) > HEARD
                            && bobRtp.share(BOB_HZ) < ABSENT);
            Await.until(LIMIT, "the contact hears the browser and bob, not itself",
                    () -> contactRtp.share(ANN_HZ) > HEARD && contactRtp.share(BOB_HZ) > HEARD
                            && contactRtp.share(CONTACT_HZ) < ABSENT);
            b.await(d -> heardShare(b, CONTACT_HZ) > HEARD && heardShare(b, BOB_HZ) > HEARD
                    && heardShare(b, ANN_HZ) < ABSENT);
            b.screenshot("agent-browser-phone-conference");
            // The gateway takes neither Hold nor SendDtmf in a conference (NOT_ALLOWED): the page shows neither, and
            // both controls, clicked by script all the same, are refused.
            assertFalse(b.find("#btn-hold").isDisplayed(), "no Hold button in a conference");
            assertFalse(b.find("#keypad").isDisplayed(), "no keypad in a conference");
            for (String refused : List.of("#btn-transfer", "#btn-conference", "#btn-consult", "#party-target")) {
                assertFalse(b.find(refused).isDisplayed(), refused + " is refused in a conference: not shown");
            }
            assertTrue(b.find("#btn-leave-conference").isDisplayed(), "Leave Conference is offered");
            b.script("document.querySelector('#btn-hold').click()");
            b.awaitText("#messages", "[NOT_ALLOWED]");
            assertEquals("Conference", b.find("#call-status").getText(), "no hold in a conference");
            b.script("document.querySelector('#dtmf-1').click()");
            b.awaitText("#messages", "SendDtmf is not allowed: the call is Conference");

            // ann leaves from the page: contact and bob talk on without her.
            b.click("#btn-leave-conference");
            b.awaitText("#call-status", "Ended");
            assertEquals("ann", bob.await("ConferencePartyLeft", LIMIT).path("party").asText());
            assertEquals("connected", b.find("#phone-state").getText(), "the browser phone outlives the conference");
            Await.until(LIMIT, "bob hears the contact alone",
                    () -> bobRtp.share(CONTACT_HZ) > 0.3 && bobRtp.share(ANN_HZ) < ABSENT);
            Await.until(LIMIT, "the contact hears bob alone",
                    () -> contactRtp.share(BOB_HZ) > 0.3 && contactRtp.share(ANN_HZ) < ABSENT);
            long pageAtLeave = inboundAudio(b.driver()).get("packetsReceived").longValue();
            long bobAtLeave = bobRtp.samplesHeard();
            Await.until(LIMIT, "bob goes on hearing the contact", () -> bobRtp.samplesHeard() - bobAtLeave > 8000);
            long pageAfter = inboundAudio(b.driver()).get("packetsReceived").longValue();
            assertTrue(pageAfter - pageAtLeave <= 5, "ann's page still received "
                    + (pageAfter - pageAtLeave) + " packets after she left the conference");
            b.click("#btn-mark-done");
            b.awaitText("#messages", "Done:");

            bob.send(new CtiCommand.ReleaseCall("b2", ix));
            bob.await("InteractionReleased", LIMIT);
            bob.send(new CtiCommand.MarkDone("b3", ix));
            bob.await("InteractionDone", LIMIT);
            CallingRecord record = gw.awaitAllUpdated("bf", LIMIT).get(0);
            assertEquals("bob", record.agentId(), "the agent who left gave the call and the record to bob");
            assertTrue(contact.awaitExit(LIMIT).passed(), "the contact got the gateway's BYE");
            assertTrue(bobPhone.awaitExit(LIMIT).passed(), "bob's phone got the gateway's BYE");
            assertEquals(0.0, gw.metricSum("outdial_browser_phone_failures_total"));

            b.open("about:blank");
            Await.until(LIMIT, "no call, leg or port left", () -> gw.leftovers().equals(List.of(0, 0, 0)));
        }
    }
}
