package io.outdial.dialer.it;

import static io.outdial.dialer.it.BrowserPhonePage.awaitContactAudio;
import static io.outdial.dialer.it.BrowserPhonePage.closeTabLeavingNothing;
import static io.outdial.dialer.it.BrowserPhonePage.endCall;
import static io.outdial.dialer.it.BrowserPhonePage.inboundAudio;
import static io.outdial.dialer.it.BrowserPhonePage.markDone;
import static io.outdial.dialer.it.BrowserPhonePage.takeCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A predictive call on the browser phone (issue 17: "every dialing mode"). Unlike progressive and preview, the
 * predictive engine dials the contact first and places the agent's leg only once the contact answered, inside the
 * connect window: the browser leg must answer at once on the nailed-up phone. The page then hears the contact and
 * the contact's leg is sent the browser's audio; the record ends Answer with the agent, and nothing is left.
 */
class BrowserPhonePredictiveIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @Test
    void aPredictiveAnswerIsConnectedToTheBrowserPhone() throws Exception {
        // The contact talks (a looped tone) until the gateway's BYE: its scenario passes only if one comes.
        try (Sipp contact = Sipp.scenario("uas-answer-wait-bye.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AgentDesktopIT.AGENTS,
                     PredictiveCampaignIT.campaign("ann"),
                     "audio:\n  safeHarbourMessage: \"" + ContactAudio.messageWav() + "\"\n");
             Browser b = BrowserPhonePage.start("agent-browser-phone-predictive", 30_000)) {
            gw.uploadAndStart("pd", "contact_info\n2005550821\n");
            BrowserPhonePage.logIn(b, gw);
            b.awaitText("#phone-state", "connected");
            takeCall(b);
            awaitContactAudio(b, 50);
            // The relay carried more than the page received: the rest is the browser's audio sent to the contact.
            long pageBefore = inboundAudio(b.driver()).get("packetsReceived").longValue();
            double relayedBefore = gw.requiredMetric("outdial_rtp_packets_relayed_total");
            b.await(d -> inboundAudio(d).get("packetsReceived").longValue() > pageBefore + 100);
            double relayed = gw.requiredMetric("outdial_rtp_packets_relayed_total") - relayedBefore;
            long page = inboundAudio(b.driver()).get("packetsReceived").longValue() - pageBefore;
            assertTrue(relayed - page > 50, "relayed from the browser: " + (relayed - page));
            b.screenshot("agent-browser-phone-predictive");

            endCall(b);
            assertTrue(contact.awaitExit(LIMIT).passed(), "the contact got the gateway's BYE");
            markDone(b);
            Await.until(LIMIT, "the record Updated", () -> gw.records("pd").get(0).status().name().equals("UPDATED"));
            CallingRecord r = gw.records("pd").get(0);
            assertEquals("ANSWER", r.callResult().name());
            assertEquals("ann", r.agentId());
            assertEquals("connected", b.find("#phone-state").getText(), "the browser phone outlives the call");
            assertEquals(0.0, gw.metricSum("outdial_browser_phone_failures_total"));
            assertEquals(1.0, gw.requiredMetric("outdial_calls_dialed_total{campaign=\"pd\"}"), "dialed once");

            closeTabLeavingNothing(b, gw);
        }
    }
}
