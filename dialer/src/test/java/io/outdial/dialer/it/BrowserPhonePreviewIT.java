package io.outdial.dialer.it;

import static io.outdial.dialer.it.BrowserPhonePage.inboundAudio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The browser phone in preview mode, with hold (issue 17): the agent, on the page's browser phone, gets a record,
 * calls it, talks (the contact's tone reaches the page), holds and retrieves the contact from the page, hangs up and
 * marks done; the record ends Answer with the agent and the phone stays up for the next call. In push preview the
 * record is pushed to the page (outbound preview channel Ready; in direct push preview, Get Record), accepted there
 * and talked on the browser phone.
 */
class BrowserPhonePreviewIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @Test
    void anAgentCallsAPreviewRecordAndHoldsTheContactOnTheBrowserPhone() throws Exception {
        Path music = ContactAudio.messageWav();
        // The contact talks (a looped tone) until the gateway's BYE: its scenario passes only if one comes.
        try (Sipp contact = Sipp.scenario("uas-answer-wait-bye.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AgentDesktopIT.AGENTS,
                     "  - { name: pv, dialingMode: preview, agents: [ann], autoLoad: false }",
                     "audio:\n  holdMusic: \"" + music + "\"\n");
             Browser b = BrowserPhonePage.start("agent-browser-phone-preview", 30_000)) {
            gw.uploadAndStart("pv", "contact_info\n2005550805\n");
            BrowserPhonePage.logIn(b, gw);
            b.awaitText("#phone-state", "connected");

            b.click("#campaigns tr[data-campaign='pv'] button");
            b.awaitText("#call-status", "Preview");
            assertEquals(0L, inboundAudio(b.driver()).get("packetsReceived").longValue(),
                    "nothing reaches the browser phone while the record is only previewed");
            b.click("#btn-call");
            b.awaitText("#call-status", "Connected");
            b.await(d -> inboundAudio(d).get("packetsReceived").longValue() > 50
                    && inboundAudio(d).get("audioLevel").doubleValue() > 0);

            b.click("#btn-hold");
            b.awaitText("#call-status", "On Hold");
            b.click("#btn-retrieve");
            b.awaitText("#call-status", "Connected");
            long atRetrieve = inboundAudio(b.driver()).get("packetsReceived").longValue();
            b.await(d -> inboundAudio(d).get("packetsReceived").longValue() > atRetrieve + 50);
            b.screenshot("agent-browser-phone-preview-retrieved");

            b.click("#btn-end");
            b.awaitText("#call-status", "Ended");
            assertTrue(contact.awaitExit(LIMIT).passed(), "the contact got the gateway's BYE");
            b.click("#btn-mark-done");
            b.awaitText("#messages", "Done:");
            Await.until(LIMIT, "the record Updated", () -> gw.records("pv").get(0).status().name().equals("UPDATED"));
            CallingRecord r = gw.records("pv").get(0);
            assertEquals("ANSWER", r.callResult().name());
            assertEquals("ann", r.agentId());
            assertEquals("connected", b.find("#phone-state").getText(), "the nailed-up phone outlives the call");

            b.open("about:blank");
            Await.until(LIMIT, "no call, leg or port left", () -> gw.leftovers().equals(List.of(0, 0, 0)));
        }
    }

    @Test
    void aPushedPreviewAcceptedOnThePageIsTalkedOnTheBrowserPhone() throws Exception {
        pushedAndAccepted("push_preview", "2005550807", b -> b.click("#btn-preview-ready"));
    }

    @Test
    void aDirectPushPreviewAcceptedOnThePageIsTalkedOnTheBrowserPhone() throws Exception {
        // Direct push preview: Get Record of "My Campaigns" starts the delivery.
        pushedAndAccepted("direct_push_preview", "2005550808",
                b -> b.click("#campaigns tr[data-campaign='pp'] button"));
    }

    /** A record of a push mode delivered ({@code startDelivery}), accepted on the page, talked on the browser phone. */
    private static void pushedAndAccepted(String mode, String number, java.util.function.Consumer<Browser> startDelivery)
            throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer-wait-bye.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AgentDesktopIT.AGENTS,
                     PushPreviewIT.campaign(mode, "{ acceptTimeout: 60s }"));
             Browser b = BrowserPhonePage.start("agent-browser-phone-" + mode.replace('_', '-'), 30_000)) {
            gw.uploadAndStart("pp", "contact_info\n" + number + "\n");
            BrowserPhonePage.logIn(b, gw);
            b.awaitText("#phone-state", "connected");

            startDelivery.accept(b);
            b.awaitVisible("#ix-preview");
            String pushed = b.find("#ix-preview-body").getText();
            assertTrue(pushed.contains(number), pushed);
            assertEquals(0L, inboundAudio(b.driver()).get("packetsReceived").longValue(),
                    "nothing reaches the browser phone before Accept");
            b.click("#btn-accept");
            b.awaitText("#call-status", "Connected");
            BrowserPhonePage.awaitContactAudio(b, 50);

            BrowserPhonePage.endCall(b);
            assertTrue(contact.awaitExit(LIMIT).passed(), "the contact got the gateway's BYE");
            BrowserPhonePage.markDone(b);
            Await.until(LIMIT, "the record Updated", () -> gw.records("pp").get(0).status().name().equals("UPDATED"));
            CallingRecord r = gw.records("pp").get(0);
            assertEquals("ANSWER", r.callResult().name());
            assertEquals("ann", r.agentId());
            assertEquals("connected", b.find("#phone-state").getText(), "the nailed-up phone outlives the call");
            BrowserPhonePage.closeTabLeavingNothing(b, gw);
        }
    }
}
