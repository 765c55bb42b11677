package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Blind transfer of a connected progressive call, over the real WebSocket with SIPp phones and contact: to a second
 * agent (whose phone then gets the contact's audio, while the first agent's phone gets a BYE), and to a busy target
 * (the contact comes back to the first agent).
 */
class TransferIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    static final String AGENTS = "  - { id: ann, secret: s3cret }\n  - { id: bob, secret: s3cret }";
    static final String CAMPAIGN = "  - { name: it, dialingMode: progressive, agents: [ann], autoLoad: false }";

    static double metric(GatewayHarness gw, String sample) {
        try {
            return gw.metric(sample);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static CtiCommand login(String agent, Sipp phone) {
        return new CtiCommand.Login("l-" + agent, agent, "s3cret", phone.uri(agent));
    }

    @Test
    void transferToASecondAgentHandsOverTheContactAndTheRecord() throws Exception {
        try (Sipp annPhone = Sipp.scenario("agent-phone.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp bobPhone = Sipp.scenario("agent-phone-listening.xml").rtpEcho().calls(1)
                     .timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(9)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS, CAMPAIGN)) {
            gw.post("/api/campaigns/it/records", "contact_info\n2005550401\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient ann = new CtiClient(gw.ctiUrl()); CtiClient bob = new CtiClient(gw.ctiUrl())) {
                ann.send(login("ann", annPhone));
                ann.await("LoggedIn", LIMIT);
                bob.send(login("bob", bobPhone));
                bob.await("LoggedIn", LIMIT);
                bob.send(new CtiCommand.Ready("b1"));
                bob.await("AgentStateChanged", LIMIT);
                gw.post("/api/campaigns/it/start", "");
                ann.send(new CtiCommand.Ready("a1"));
                String ix = ann.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();

                ann.send(new CtiCommand.Transfer("a2", ix, "bob", null));
                JsonNode started = ann.await("TransferStarted", LIMIT);
                assertEquals("bob", started.path("target").asText());

                JsonNode ringing = bob.await("InteractionRinging", LIMIT).path("interaction");
                assertEquals(ix, ringing.path("interactionId").asText());
                assertEquals("2005550401", ringing.path("record").path("contact_info").asText());
                assertEquals("Transferred from agent ann", ringing.path("caseInformation").path("Origin").asText());
                assertEquals("Established", bob.await("InteractionEstablished", LIMIT).path("interaction")
                        .path("state").asText());

                JsonNode completed = ann.await("TransferCompleted", LIMIT);
                assertEquals("bob", completed.path("recordOwner").asText());
                assertEquals("Released", ann.await("InteractionReleased", LIMIT).path("interaction").path("state")
                        .asText());
                Sipp.Result annResult = annPhone.awaitExit(LIMIT);
                assertTrue(annResult.passed(), "ann's phone got a BYE and ended its call: " + annResult.describe());
                ann.send(new CtiCommand.MarkDone("a3", ix));
                ann.await("InteractionDone", LIMIT);

                // The contact talks on with bob until it hangs up; then bob wraps up and owns the record.
                JsonNode released = bob.await("InteractionReleased", LIMIT).path("interaction");
                assertEquals(ix, released.path("interactionId").asText());
                bob.send(new CtiCommand.SetCallResult("b2", ix, "ANSWER"));
                bob.await("CallResultSet", LIMIT);
                bob.send(new CtiCommand.MarkDone("b3", ix));
                bob.await("InteractionDone", LIMIT);
            }
            CallingRecord record = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, record.callResult());
            assertEquals("bob", record.agentId(), "the record follows the transfer");
            // bob's phone only echoes what it receives: packets from it are the contact's audio that reached it.
            double echoed = metric(gw, "outdial_rtp_leg_packets_total{direction=\"in\",leg=\"agent\"}");
            assertTrue(echoed > 50, "the contact's audio reached bob's phone: " + echoed + " packets echoed");
        }
    }

    @Test
    void theTransferCarriesOnWhenTheTransferringAgentHangsUpFirst() throws Exception {
        // ann's phone hangs up 2 s after it answers; bob's phone rings 5 s before it answers.
        try (Sipp annPhone = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(2)).calls(1).start();
             Sipp bobPhone = Sipp.scenario("agent-phone-late-answer.xml").rtpEcho().talkTime(Duration.ofSeconds(5))
                     .calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(14)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS, CAMPAIGN)) {
            gw.post("/api/campaigns/it/records", "contact_info\n2005550406\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient ann = new CtiClient(gw.ctiUrl()); CtiClient bob = new CtiClient(gw.ctiUrl())) {
                ann.send(login("ann", annPhone));
                ann.await("LoggedIn", LIMIT);
                bob.send(login("bob", bobPhone));
                bob.await("LoggedIn", LIMIT);
                bob.send(new CtiCommand.Ready("b1"));
                bob.await("AgentStateChanged", LIMIT);
                gw.post("/api/campaigns/it/start", "");
                ann.send(new CtiCommand.Ready("a1"));
                String ix = ann.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();
                ann.send(new CtiCommand.Transfer("a2", ix, "bob", null));
                ann.await("TransferStarted", LIMIT);
                bob.await("InteractionRinging", LIMIT);
                Sipp.Result annResult = annPhone.awaitExit(LIMIT);
                assertTrue(annResult.passed(), "ann hung up while bob's phone rang: " + annResult.describe());
                // The call outlives ann's leg: still there to be looked up, with the contact on hold.
                io.outdial.dialer.call.CampaignCall call = gw.gateway().dialing().findCall(ix)
                        .get(5, java.util.concurrent.TimeUnit.SECONDS).orElseThrow();

                assertEquals("Established", bob.await("InteractionEstablished", LIMIT).path("interaction")
                        .path("state").asText());
                assertEquals("bob", ann.await("TransferCompleted", LIMIT).path("recordOwner").asText());
                ann.await("InteractionReleased", LIMIT);
                long atHandOver = call.agentMedia().packetsReceived();
                Await.until(Duration.ofSeconds(5), "the contact's audio reaches bob's phone (echoed back)",
                        () -> call.agentMedia().packetsReceived() - atHandOver > 50);
                ann.send(new CtiCommand.MarkDone("a3", ix));
                ann.await("InteractionDone", LIMIT);
                bob.await("InteractionReleased", LIMIT);
                bob.send(new CtiCommand.MarkDone("b2", ix));
                bob.await("InteractionDone", LIMIT);
            }
            CallingRecord record = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, record.callResult());
            assertEquals("bob", record.agentId());
        }
    }

    @Test
    void busyTargetGivesAnErrorAndTheContactBackToTheAgent() throws Exception {
        try (Sipp annPhone = Sipp.scenario("agent-phone.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp bobPhone = Sipp.scenario("uas-busy.xml").calls(1).start();
             Sipp contact = Sipp.scenario("uas-answer-wait-bye.xml").calls(1).timeout(Duration.ofMinutes(2))
                     .start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS, CAMPAIGN)) {
            gw.post("/api/campaigns/it/records", "contact_info\n2005550402\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient ann = new CtiClient(gw.ctiUrl()); CtiClient bob = new CtiClient(gw.ctiUrl())) {
                ann.send(login("ann", annPhone));
                ann.await("LoggedIn", LIMIT);
                bob.send(login("bob", bobPhone));
                bob.await("LoggedIn", LIMIT);
                gw.post("/api/campaigns/it/start", "");
                ann.send(new CtiCommand.Ready("a1"));
                String ix = ann.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();

                CtiCommand transfer = new CtiCommand.Transfer("a2", ix, "bob", null);
                ann.send(transfer);
                JsonNode notReady = ann.await("Error", LIMIT);
                assertEquals("NOT_ALLOWED", notReady.path("code").asText(), "bob is not Ready yet");
                assertTrue(notReady.path("message").asText().contains("bob"), notReady.toString());
                ann.send(new CtiCommand.Transfer("a3", ix, null, null));
                assertEquals("INVALID", ann.await("Error", LIMIT).path("code").asText(), "no target");

                bob.send(new CtiCommand.Ready("b1"));
                bob.await("AgentStateChanged", LIMIT);
                ann.send(transfer);
                ann.await("TransferStarted", LIMIT);
                JsonNode failed = ann.await("Error", LIMIT);
                assertEquals("TRANSFER_FAILED", failed.path("code").asText());
                assertTrue(failed.path("message").asText().contains("486"), failed.toString());
                assertEquals("Established", ann.await("InteractionRetrieved", LIMIT).path("interaction")
                        .path("state").asText());
                JsonNode bobState;
                do {
                    bobState = bob.await("AgentStateChanged", LIMIT);
                } while (!"NotReady".equals(bobState.path("state").asText()));

                double relayedAtRestore = metric(gw, "outdial_rtp_packets_relayed_total");
                Await.until(Duration.ofSeconds(5), "ann and the contact talk again",
                        () -> metric(gw, "outdial_rtp_packets_relayed_total") - relayedAtRestore > 60);

                ann.send(new CtiCommand.ReleaseCall("a4", ix));
                ann.await("InteractionReleased", LIMIT);
                ann.send(new CtiCommand.MarkDone("a5", ix));
                ann.await("InteractionDone", LIMIT);
            }
            CallingRecord record = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals("ann", record.agentId());
            assertTrue(bobPhone.awaitExit(LIMIT).passed(), "bob's phone answered busy and got its ACK");
        }
    }

    @Test
    void requiredCallResultComesFirstAndIsReadOnlyAfterTheTransfer() throws Exception {
        String campaign = "  - { name: it, dialingMode: progressive, agents: [ann], autoLoad: false,"
                + " resultRequiredBeforeTransfer: true, recordFields: [{ name: Plan, editable: true }] }";
        try (Sipp annPhone = Sipp.scenario("agent-phone.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp bobPhone = Sipp.scenario("agent-phone.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(6)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS, campaign)) {
            gw.post("/api/campaigns/it/records", "contact_info,Plan\n2005550403,Silver\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient ann = new CtiClient(gw.ctiUrl()); CtiClient bob = new CtiClient(gw.ctiUrl())) {
                ann.send(login("ann", annPhone));
                ann.await("LoggedIn", LIMIT);
                bob.send(login("bob", bobPhone));
                bob.await("LoggedIn", LIMIT);
                bob.send(new CtiCommand.Ready("b1"));
                bob.await("AgentStateChanged", LIMIT);
                gw.post("/api/campaigns/it/start", "");
                ann.send(new CtiCommand.Ready("a1"));
                String ix = ann.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();
                CtiCommand transfer = new CtiCommand.Transfer("a2", ix, "bob", null);
                ann.send(transfer);
                JsonNode refused = ann.await("Error", LIMIT);
                assertEquals("CALL_RESULT_REQUIRED", refused.path("code").asText());
                assertTrue(refused.path("message").asText().contains("set the call result"), refused.toString());

                // Record Information is still editable before the transfer.
                ann.send(new CtiCommand.UpdateRecordFields("a3", ix, Map.of("Plan", "Gold")));
                ann.await("RecordFieldsUpdated", LIMIT);
                ann.send(new CtiCommand.SetCallResult("a4", ix, "ANSWER"));
                ann.await("CallResultSet", LIMIT);
                ann.send(transfer);
                ann.await("TransferStarted", LIMIT);
                ann.await("TransferCompleted", LIMIT);
                ann.await("InteractionReleased", LIMIT);
                JsonNode established = bob.await("InteractionEstablished", LIMIT).path("interaction");
                assertEquals("ANSWER", established.path("callResult").asText(), "the result travels with the call");

                ann.send(new CtiCommand.SetCallResult("a5", ix, "WRONG_PARTY"));
                JsonNode readOnly = ann.await("Error", LIMIT);
                assertEquals("READ_ONLY", readOnly.path("code").asText());
                assertEquals("callResult", readOnly.path("field").asText());
                bob.send(new CtiCommand.UpdateRecordFields("b2", ix, Map.of("Plan", "Bronze")));
                JsonNode fieldReadOnly = bob.await("Error", LIMIT);
                assertEquals("READ_ONLY", fieldReadOnly.path("code").asText());
                assertEquals("Plan", fieldReadOnly.path("field").asText());

                ann.send(new CtiCommand.MarkDone("a6", ix));
                ann.await("InteractionDone", LIMIT);
                bob.await("InteractionReleased", LIMIT);
                bob.send(new CtiCommand.MarkDone("b3", ix));
                assertEquals("ANSWER", bob.await("InteractionDone", LIMIT).path("callResult").asText());
            }
            CallingRecord record = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, record.callResult());
            assertEquals("Gold", record.customFields().get("Plan"));
        }
    }

    @Test
    void aPredictiveCallIsTransferredToo() throws Exception {
        String campaign = """
                  - name: pd
                    dialingMode: predictive
                    agents: [ann]
                    autoLoad: false
                    pacing:
                      priorAnswerRate: 0.9
                      maxLinesPerAgent: 1
                """;
        try (Sipp annPhone = Sipp.scenario("agent-phone.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp bobPhone = Sipp.scenario("agent-phone.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(6)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS, campaign)) {
            gw.post("/api/campaigns/pd/records", "contact_info\n2005550404\n");
            gw.post("/api/campaigns/pd/load", "");
            try (CtiClient ann = new CtiClient(gw.ctiUrl()); CtiClient bob = new CtiClient(gw.ctiUrl())) {
                ann.send(login("ann", annPhone));
                ann.await("LoggedIn", LIMIT);
                bob.send(login("bob", bobPhone));
                bob.await("LoggedIn", LIMIT);
                bob.send(new CtiCommand.Ready("b1"));
                bob.await("AgentStateChanged", LIMIT);
                gw.post("/api/campaigns/pd/start", "");
                ann.send(new CtiCommand.Ready("a1"));
                String ix = ann.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();
                ann.send(new CtiCommand.Transfer("a2", ix, "bob", null));
                ann.await("TransferStarted", LIMIT);
                assertEquals(ix, bob.await("InteractionEstablished", LIMIT).path("interaction")
                        .path("interactionId").asText());
                assertEquals("bob", ann.await("TransferCompleted", LIMIT).path("recordOwner").asText());
                ann.await("InteractionReleased", LIMIT);
                assertTrue(annPhone.awaitExit(LIMIT).passed(), "ann's phone got a BYE");
                ann.send(new CtiCommand.MarkDone("a3", ix));
                ann.await("InteractionDone", LIMIT);
                bob.await("InteractionReleased", LIMIT);
                bob.send(new CtiCommand.MarkDone("b2", ix));
                bob.await("InteractionDone", LIMIT);
            }
            CallingRecord record = gw.awaitAllUpdated("pd", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, record.callResult());
            assertEquals("bob", record.agentId());
        }
    }

    @Test
    void transferToAnOutsideNumberGoesThroughTheTrunkAndTheAgentKeepsTheRecord() throws Exception {
        try (Sipp annPhone = Sipp.scenario("agent-phone.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             // The trunk: the contact's call and then the transfer's, each answered until the gateway hangs up.
             Sipp trunk = Sipp.scenario("uas-answer-wait-bye.xml").calls(2).timeout(Duration.ofMinutes(2))
                     .start();
             GatewayHarness gw = GatewayHarness.start(trunk.hostPort(), AGENTS, CAMPAIGN)) {
            gw.post("/api/campaigns/it/records", "contact_info\n2005550405\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient ann = new CtiClient(gw.ctiUrl())) {
                ann.send(login("ann", annPhone));
                ann.await("LoggedIn", LIMIT);
                gw.post("/api/campaigns/it/start", "");
                ann.send(new CtiCommand.Ready("a1"));
                String ix = ann.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();
                ann.send(new CtiCommand.Transfer("a2", ix, null, "nine"));
                assertEquals("INVALID", ann.await("Error", LIMIT).path("code").asText(), "not a phone number");
                ann.send(new CtiCommand.Transfer("a3", ix, null, "+1 555-0199"));
                assertEquals("+15550199", ann.await("TransferStarted", LIMIT).path("target").asText());
                JsonNode completed = ann.await("TransferCompleted", LIMIT);
                assertEquals("ann", completed.path("recordOwner").asText(), "an outside number owns no record");
                ann.await("InteractionReleased", LIMIT);
                assertTrue(annPhone.awaitExit(LIMIT).passed(), "ann's phone got a BYE");
                ann.send(new CtiCommand.SetCallResult("a4", ix, "ANSWER"));
                ann.await("CallResultSet", LIMIT);
                ann.send(new CtiCommand.MarkDone("a5", ix));
                ann.await("InteractionDone", LIMIT);
                // Contact and outside number talk on without any agent until the campaign is unloaded.
                gw.post("/api/campaigns/it/stop", "");
                gw.post("/api/campaigns/it/unload", "");
            }
            CallingRecord record = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals("ann", record.agentId());
            Sipp.Result trunkResult = trunk.awaitExit(LIMIT);
            assertEquals(2, trunkResult.successful(), "the contact and the transfer's outside number: "
                    + trunkResult.describe());
        }
    }
}
