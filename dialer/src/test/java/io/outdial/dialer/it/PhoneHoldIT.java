package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.dialer.record.CallResult;
import io.outdial.sip.testing.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hold and retrieve pressed on the agent's phone (re-INVITE sendonly, then sendrecv) on a connected progressive call:
 * the phone gets recvonly then sendrecv answers, the desktop sees InteractionHeld (OnHold) and InteractionRetrieved
 * (Established) as with its own Hold, and the contact hears the hold music meanwhile.
 */
class PhoneHoldIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @Test
    void holdAndRetrieveFromThePhoneShowOnTheDesktopAndTheContactHearsHoldMusic() throws Exception {
        Path music = ContactAudio.messageWav();
        try (Sipp phone = Sipp.scenario("agent-phone-holds.xml").talkTime(Duration.ofMillis(1500)).calls(1)
                     .timeout(Duration.ofMinutes(1)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(7)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), "  - { id: ann, secret: s3cret }",
                     "  - { name: it, dialingMode: progressive, agents: [ann], autoLoad: false }",
                     "audio:\n  holdMusic: \"" + music + "\"\n")) {
            gw.post("/api/campaigns/it/records", "contact_info\n2005550302\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login("1", "ann", "s3cret", phone.uri("ann")));
                desk.await("LoggedIn", LIMIT);
                gw.post("/api/campaigns/it/start", "");
                desk.send(new CtiCommand.Ready("2"));
                String ix = desk.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();

                JsonNode held = desk.await("InteractionHeld", LIMIT);
                assertEquals(ix, held.path("interaction").path("interactionId").asText());
                assertEquals("OnHold", held.path("interaction").path("state").asText());
                assertTrue(held.path("requestId").isMissingNode() || held.path("requestId").isNull(),
                        "no command asked for it: " + held);
                desk.send(new CtiCommand.Hold("3", ix));
                assertEquals("NOT_ALLOWED", desk.await("Error", LIMIT).path("code").asText(),
                        "the desktop knows the call is on hold already");

                JsonNode retrieved = desk.await("InteractionRetrieved", LIMIT);
                assertEquals("Established", retrieved.path("interaction").path("state").asText());

                desk.await("InteractionReleased", LIMIT);
                desk.send(new CtiCommand.MarkDone("4", ix));
                desk.await("InteractionDone", LIMIT);
            }
            assertEquals(CallResult.ANSWER, gw.awaitAllUpdated("it", LIMIT).get(0).callResult());
            Sipp.Result phoneResult = phone.awaitExit(LIMIT);
            assertTrue(phoneResult.passed(), phoneResult::describe);
            // The phone sent audio all along; the contact got it relayed except while held (2 s), when it got the hold
            // music instead: without the music it would have had about 100 packets fewer.
            double agentIn = gw.metric("outdial_rtp_leg_packets_total{direction=\"in\",leg=\"agent\"}");
            double contactOut = gw.metric("outdial_rtp_leg_packets_total{direction=\"out\",leg=\"contact\"}");
            assertTrue(contactOut > agentIn - 40, "hold music filled the hold: contact got " + contactOut
                    + " packets, the agent sent " + agentIn);
        }
    }

    @Test
    void inPreviewThePhonesHoldAndRetrieveShowOnTheDesktopToo() throws Exception {
        // The phone holds 3 s after answering: in preview the contact is dialed once the agent's phone answered, so
        // the call is bridged well before (a hold before the bridge would be no news, and the test would wait).
        try (Sipp phone = Sipp.scenario("agent-phone-holds.xml").talkTime(Duration.ofSeconds(3)).calls(1)
                     .timeout(Duration.ofMinutes(1)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(8)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), PreviewCampaignIT.AGENTS,
                     PreviewCampaignIT.CAMPAIGN)) {
            gw.uploadAndStart("pv", "contact_info\n4865550111\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, phone)) {
                desk.send(new CtiCommand.Ready("rd"));
                desk.await("AgentStateChanged", LIMIT);
                String id = PreviewCampaignIT.ixOf(PreviewCampaignIT.getRecord(desk, "g1"));
                desk.send(new CtiCommand.Call("c1", id));
                desk.await("InteractionEstablished", LIMIT);
                assertEquals("OnHold", desk.await("InteractionHeld", LIMIT).path("interaction").path("state").asText());
                assertEquals("Established", desk.await("InteractionRetrieved", LIMIT).path("interaction")
                        .path("state").asText());
                desk.await("InteractionReleased", LIMIT);
            }
            Sipp.Result phoneResult = phone.awaitExit(LIMIT);
            assertTrue(phoneResult.passed(), phoneResult::describe);
        }
    }
}
