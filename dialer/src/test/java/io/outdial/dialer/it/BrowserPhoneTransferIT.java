package io.outdial.dialer.it;

import static io.outdial.dialer.it.BrowserPhonePage.inboundAudio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.dialer.call.CampaignCall;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A blind transfer from the browser phone (issue 17), as TransferIT does it between SIP phones: ann talks to a SIPp
 * contact on her page's browser phone and transfers the call from the page to bob, whose SIPp phone echoes what it
 * hears. bob gets the contact's audio, the record follows him, ann's page stops receiving the contact once her leg
 * ended while her browser phone stays connected for the next call, and nothing is left after the tab goes. And a
 * consultation from the page, as ConsultIT: the browser's voice reaches bob and his comes back to the page while the
 * contact hears the hold music, then Complete Transfer hands the contact to bob.
 */
class BrowserPhoneTransferIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @Test
    void anAgentOnTheBrowserPhoneTransfersTheContactToASecondAgent() throws Exception {
        try (Sipp bobPhone = Sipp.scenario("agent-phone-listening.xml").rtpEcho().calls(1)
                     .timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(12)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), TransferIT.AGENTS,
                     "  - { name: bt, dialingMode: progressive, agents: [ann], autoLoad: false }");
             Browser b = BrowserPhonePage.start("agent-browser-phone-transfer", 30_000);
             CtiClient bob = new CtiClient(gw.ctiUrl())) {
            bob.send(TransferIT.login("bob", bobPhone));
            bob.await("LoggedIn", LIMIT);
            bob.send(new CtiCommand.Ready("b1"));
            bob.await("AgentStateChanged", LIMIT);
            gw.uploadAndStart("bt", "contact_info\n2005550821\n");
            BrowserPhonePage.logIn(b, gw);
            b.awaitText("#phone-state", "connected");
            b.click("#btn-ready");
            b.awaitText("#call-status", "Connected");
            b.await(d -> inboundAudio(d).get("packetsReceived").longValue() > 50
                    && inboundAudio(d).get("audioLevel").doubleValue() > 0);

            b.type("#party-target", "bob");
            b.click("#btn-transfer");
            JsonNode ringing = bob.await("InteractionRinging", LIMIT).path("interaction");
            String ix = ringing.path("interactionId").asText();
            assertEquals("2005550821", ringing.path("record").path("contact_info").asText());
            assertEquals("Transferred from agent ann", ringing.path("caseInformation").path("Origin").asText());
            assertEquals("Established", bob.await("InteractionEstablished", LIMIT).path("interaction")
                    .path("state").asText());
            b.awaitText("#call-status", "Ended");
            b.screenshot("agent-browser-phone-transferred");
            assertEquals("connected", b.find("#phone-state").getText(), "the browser phone outlives the transfer");

            // The contact's audio now reaches bob (echoed back by his phone), and no longer ann's page.
            CampaignCall call = gw.gateway().dialing().findCall(ix).get(5, TimeUnit.SECONDS).orElseThrow();
            long pageAtHandOver = inboundAudio(b.driver()).get("packetsReceived").longValue();
            long bobAtHandOver = call.agentMedia().packetsReceived();
            Await.until(LIMIT, "the contact's audio reaches bob's phone (echoed back)",
                    () -> call.agentMedia().packetsReceived() - bobAtHandOver > 100);
            long pageAfter = inboundAudio(b.driver()).get("packetsReceived").longValue();
            assertTrue(pageAfter - pageAtHandOver <= 5, "ann's page still received "
                    + (pageAfter - pageAtHandOver) + " packets after her leg ended");
            b.click("#btn-mark-done");
            b.awaitText("#messages", "Done:");

            // The contact hangs up on bob; bob wraps up and owns the record.
            assertEquals(ix, bob.await("InteractionReleased", LIMIT).path("interaction").path("interactionId")
                    .asText());
            bob.send(new CtiCommand.SetCallResult("b2", ix, "ANSWER"));
            bob.await("CallResultSet", LIMIT);
            bob.send(new CtiCommand.MarkDone("b3", ix));
            bob.await("InteractionDone", LIMIT);
            CallingRecord record = gw.awaitAllUpdated("bt", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, record.callResult());
            assertEquals("bob", record.agentId(), "the record follows the transfer");
            assertTrue(contact.awaitExit(LIMIT).passed(), "the contact's call went as scripted");
            assertEquals(1.0, gw.requiredMetric("outdial_browser_phones_connected"));
            assertEquals(0.0, gw.metricSum("outdial_browser_phone_failures_total"));

            b.open("about:blank");
            Await.until(LIMIT, "no call, leg or port left", () -> gw.leftovers().equals(List.of(0, 0, 0)));
        }
    }

    @Test
    void anAgentOnTheBrowserPhoneConsultsASecondAgentThenCompletesTheTransfer() throws Exception {
        Path music = ContactAudio.messageWav();
        try (Sipp bobPhone = Sipp.scenario("agent-phone-listening.xml").rtpEcho().calls(1)
                     .timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(15)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), TransferIT.AGENTS,
                     "  - { name: bc, dialingMode: progressive, agents: [ann], autoLoad: false }",
                     "audio:\n  holdMusic: \"" + music + "\"\n");
             Browser b = BrowserPhonePage.start("agent-browser-phone-consult", 30_000);
             CtiClient bob = new CtiClient(gw.ctiUrl())) {
            bob.send(TransferIT.login("bob", bobPhone));
            bob.await("LoggedIn", LIMIT);
            bob.send(new CtiCommand.Ready("b1"));
            bob.await("AgentStateChanged", LIMIT);
            gw.uploadAndStart("bc", "contact_info\n2005550822\n");
            BrowserPhonePage.logIn(b, gw);
            b.awaitText("#phone-state", "connected");
            b.click("#btn-ready");
            b.awaitText("#call-status", "Connected");
            b.await(d -> inboundAudio(d).get("packetsReceived").longValue() > 50);

            b.type("#party-target", "bob");
            b.click("#btn-consult");
            JsonNode ringing = bob.await("InteractionRinging", LIMIT).path("interaction");
            String ix = ringing.path("interactionId").asText();
            assertEquals("Consultation from agent ann", ringing.path("caseInformation").path("Origin").asText());
            bob.await("InteractionEstablished", LIMIT);
            b.awaitText("#call-status", "Consulting");
            b.awaitVisible("#btn-complete-transfer");

            // bob's phone echoes what it hears: packets back from it are the browser's voice that reached him, and
            // the consultation's mix sends them on to the page; the contact hears the hold music meanwhile.
            CampaignCall call = gw.gateway().dialing().findCall(ix).get(5, TimeUnit.SECONDS).orElseThrow();
            long bobIn = call.consultTargetMedia().packetsReceived();
            long pageIn = inboundAudio(b.driver()).get("packetsReceived").longValue();
            long contactOut = call.contactMedia().packetsSent();
            Await.until(LIMIT, "the browser's voice reaches bob (echoed back)",
                    () -> call.consultTargetMedia().packetsReceived() - bobIn > 50);
            b.await(d -> inboundAudio(d).get("packetsReceived").longValue() > pageIn + 50
                    && inboundAudio(d).get("audioLevel").doubleValue() > 0);
            Await.until(LIMIT, "the contact hears the hold music meanwhile",
                    () -> call.contactMedia().packetsSent() - contactOut > 50);
            b.screenshot("agent-browser-phone-consulting");

            b.click("#btn-complete-transfer");
            b.awaitText("#call-status", "Ended");
            assertEquals("connected", b.find("#phone-state").getText(), "the browser phone outlives the transfer");
            long pageAtHandOver = inboundAudio(b.driver()).get("packetsReceived").longValue();
            long bobAtTransfer = call.agentMedia().packetsReceived();
            Await.until(LIMIT, "the contact's audio reaches bob (echoed back)",
                    () -> call.agentMedia().packetsReceived() - bobAtTransfer > 100);
            long pageAfter = inboundAudio(b.driver()).get("packetsReceived").longValue();
            assertTrue(pageAfter - pageAtHandOver <= 5, "ann's page still received "
                    + (pageAfter - pageAtHandOver) + " packets after the transfer completed");
            b.click("#btn-mark-done");
            b.awaitText("#messages", "Done:");

            bob.await("InteractionReleased", LIMIT);
            bob.send(new CtiCommand.MarkDone("b2", ix));
            bob.await("InteractionDone", LIMIT);
            CallingRecord record = gw.awaitAllUpdated("bc", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, record.callResult());
            assertEquals("bob", record.agentId(), "the record follows the completed transfer");

            b.open("about:blank");
            Await.until(LIMIT, "no call, leg or port left", () -> gw.leftovers().equals(List.of(0, 0, 0)));
        }
    }
}
