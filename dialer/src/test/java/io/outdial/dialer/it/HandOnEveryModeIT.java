package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.call.TransferableCall;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Transfer and conference of calls other than progressive and predictive, over the real WebSocket with SIPp phones
 * and contacts: a preview call and an assured-connection call (once bridged) transferred to a second agent, and a
 * preview call conferenced with a second agent. The second agent's phone only echoes what it receives: packets coming
 * back from it are the contact's audio that reached it.
 */
class HandOnEveryModeIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final String AGENTS = TransferIT.AGENTS;
    private static final String PREVIEW = "  - { name: pv, dialingMode: preview, agents: [ann], autoLoad: false }";
    private static final String ASSURED =
            "  - { name: vip, dialingMode: assured_connection, agents: [ann], autoLoad: false, maxAttempts: 1 }";

    private static TransferableCall call(GatewayHarness gw, String ix) throws Exception {
        return gw.gateway().findCall(ix).get(5, TimeUnit.SECONDS).orElseThrow();
    }

    private static void loginBoth(CtiClient ann, Sipp annPhone, CtiClient bob, Sipp bobPhone) throws Exception {
        ann.send(TransferIT.login("ann", annPhone));
        ann.await("LoggedIn", LIMIT);
        bob.send(TransferIT.login("bob", bobPhone));
        bob.await("LoggedIn", LIMIT);
        bob.send(new CtiCommand.Ready("b1"));
        bob.await("AgentStateChanged", LIMIT);
    }

    /** ann takes a preview record and calls it; returns the interaction id once the contact is bridged. */
    private static String previewCall(CtiClient ann) throws Exception {
        ann.send(new CtiCommand.GetRecord("a1", "pv"));
        String ix = PreviewCampaignIT.ixOf(ann.await("InteractionPreview", LIMIT));
        ann.send(new CtiCommand.Call("a2", ix));
        assertEquals(ix, PreviewCampaignIT.ixOf(ann.await("InteractionEstablished", LIMIT)));
        return ix;
    }

    /** bob takes the transferred call: rings with the record, then talks with the contact. */
    private static void bobTakesIt(CtiClient bob, String ix, String contactInfo) throws Exception {
        JsonNode ringing = bob.await("InteractionRinging", LIMIT).path("interaction");
        assertEquals(ix, ringing.path("interactionId").asText());
        assertEquals(contactInfo, ringing.path("record").path("contact_info").asText());
        assertEquals("Transferred from agent ann", ringing.path("caseInformation").path("Origin").asText());
        assertEquals("Established", bob.await("InteractionEstablished", LIMIT).path("interaction")
                .path("state").asText());
    }

    /** The contact hangs up; bob wraps up and marks the record done. */
    private static void bobWrapsUp(CtiClient bob, String ix) throws Exception {
        assertEquals(ix, PreviewCampaignIT.ixOf(bob.await("InteractionReleased", LIMIT)));
        bob.send(new CtiCommand.MarkDone("b3", ix));
        assertEquals("ANSWER", bob.await("InteractionDone", LIMIT).path("callResult").asText());
    }

    @Test
    void aPreviewCallIsTransferredWithItsRecord() throws Exception {
        try (Sipp annPhone = Sipp.scenario("agent-phone.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp bobPhone = Sipp.scenario("agent-phone-listening.xml").rtpEcho().calls(1)
                     .timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(9)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS, PREVIEW)) {
            gw.post("/api/campaigns/pv/records", "contact_info\n2005550601\n");
            gw.post("/api/campaigns/pv/load", "");
            gw.post("/api/campaigns/pv/start", "");
            try (CtiClient ann = new CtiClient(gw.ctiUrl()); CtiClient bob = new CtiClient(gw.ctiUrl())) {
                loginBoth(ann, annPhone, bob, bobPhone);
                String ix = previewCall(ann);
                ann.send(new CtiCommand.Transfer("a3", ix, "bob", null));
                assertEquals("bob", ann.await("TransferStarted", LIMIT).path("target").asText());
                bobTakesIt(bob, ix, "2005550601");
                assertEquals("bob", ann.await("TransferCompleted", LIMIT).path("recordOwner").asText());
                assertEquals("Released", ann.await("InteractionReleased", LIMIT).path("interaction").path("state")
                        .asText());
                Sipp.Result annResult = annPhone.awaitExit(LIMIT);
                assertTrue(annResult.passed(), "ann's phone got a BYE: " + annResult.describe());
                TransferableCall call = call(gw, ix);
                long atHandOver = call.agentMedia().packetsReceived();
                Await.until(Duration.ofSeconds(5), "the contact's audio reaches bob's phone (echoed back)",
                        () -> call.agentMedia().packetsReceived() - atHandOver > 50);
                ann.send(new CtiCommand.DoneAndStop("a4", ix));
                ann.await("InteractionDone", LIMIT);
                bobWrapsUp(bob, ix);
            }
            CallingRecord record = gw.awaitAllUpdated("pv", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, record.callResult());
            assertEquals("bob", record.agentId(), "the record follows the transfer");
        }
    }

    @Test
    void anAssuredConnectionCallIsTransferredOnceBridgedAndTheEngagementEnds() throws Exception {
        try (Sipp annPhone = Sipp.scenario("agent-phone.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp bobPhone = Sipp.scenario("agent-phone-listening.xml").rtpEcho().calls(1)
                     .timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(9)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS, ASSURED)) {
            gw.post("/api/campaigns/vip/records", "contact_info\n2005550602\n");
            gw.post("/api/campaigns/vip/load", "");
            try (CtiClient ann = new CtiClient(gw.ctiUrl()); CtiClient bob = new CtiClient(gw.ctiUrl())) {
                loginBoth(ann, annPhone, bob, bobPhone);
                gw.post("/api/campaigns/vip/start", "");
                ann.send(new CtiCommand.Ready("a1"));
                String ix = PreviewCampaignIT.ixOf(ann.await("InteractionEngaged", LIMIT));
                CtiCommand transfer = new CtiCommand.Transfer("a2", ix, "bob", null);
                assertEquals(ix, PreviewCampaignIT.ixOf(ann.await("InteractionEstablished", LIMIT)));
                ann.send(transfer);
                ann.await("TransferStarted", LIMIT);
                bobTakesIt(bob, ix, "2005550602");
                assertEquals("bob", ann.await("TransferCompleted", LIMIT).path("recordOwner").asText());
                ann.await("InteractionReleased", LIMIT);
                Sipp.Result annResult = annPhone.awaitExit(LIMIT);
                assertTrue(annResult.passed(), "ann's engaged phone got a BYE: " + annResult.describe());
                TransferableCall call = call(gw, ix);
                long atHandOver = call.agentMedia().packetsReceived();
                Await.until(Duration.ofSeconds(5), "the contact's audio reaches bob's phone (echoed back)",
                        () -> call.agentMedia().packetsReceived() - atHandOver > 50);
                assertTrue(gw.gateway().dialing().engagedAgentMedia("ann").isPresent(),
                        "the engagement lasts as long as the contact's call");
                ann.send(new CtiCommand.MarkDone("a3", ix));
                ann.await("InteractionDone", LIMIT);
                bobWrapsUp(bob, ix);
                gw.gateway().dialing().idle().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
                assertTrue(gw.gateway().dialing().engagedAgentMedia("ann").isEmpty(),
                        "the engagement ended with the call and ann is not engaged again (no record left)");
            }
            CallingRecord record = gw.awaitAllUpdated("vip", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, record.callResult());
            assertEquals("bob", record.agentId(), "the ASM / assured record follows the transfer");
        }
    }

    @Test
    void aPreviewCallIsConferenced() throws Exception {
        try (Sipp annPhone = Sipp.scenario("agent-phone-listening.xml").rtpEcho().calls(1)
                .timeout(Duration.ofMinutes(2)).start();
             Sipp bobPhone = Sipp.scenario("agent-phone-listening.xml").rtpEcho().calls(1)
                     .timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(8)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS, PREVIEW)) {
            gw.post("/api/campaigns/pv/records", "contact_info\n2005550603\n");
            gw.post("/api/campaigns/pv/load", "");
            gw.post("/api/campaigns/pv/start", "");
            try (CtiClient ann = new CtiClient(gw.ctiUrl()); CtiClient bob = new CtiClient(gw.ctiUrl())) {
                loginBoth(ann, annPhone, bob, bobPhone);
                String ix = previewCall(ann);
                TransferableCall call = call(gw, ix);
                ann.send(new CtiCommand.Conference("a3", ix, "bob", null));
                ann.await("ConferenceStarted", LIMIT);
                assertEquals("Conference", bob.await("InteractionEstablished", LIMIT).path("interaction")
                        .path("state").asText());
                ann.await("ConferenceJoined", LIMIT);
                long annAtJoin = call.agentMedia().packetsReceived();
                Await.until(Duration.ofSeconds(5), "the mix reached both agents' phones (echoed back)",
                        () -> call.agentMedia().packetsReceived() - annAtJoin > 50
                                && call.conferenceTargetMedia().packetsReceived() > 50);
                // The contact hangs up: both agents wrap up; ann's preview record is hers.
                assertEquals("Released", ann.await("InteractionReleased", LIMIT).path("interaction").path("state")
                        .asText());
                ann.send(new CtiCommand.DoneAndStop("a4", ix));
                ann.await("InteractionDone", LIMIT);
                bob.await("InteractionReleased", LIMIT);
                bob.send(new CtiCommand.MarkDone("b3", ix));
                bob.await("InteractionDone", LIMIT);
            }
            CallingRecord record = gw.awaitAllUpdated("pv", LIMIT).get(0);
            assertEquals("ann", record.agentId(), "the conference's own agent keeps the record");
        }
    }
}
