package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.call.CampaignCall;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Consultation over the real WebSocket with SIPp: ann consults bob while the contact hears the hold music; ann's
 * phone sends audio and bob's only echoes what it receives, so packets coming back from bob are ann's voice that
 * reached him (and the mix sends his back to ann). Then CompleteTransfer: the contact talks with bob (its audio echoed
 * back by bob's phone), ann's phone gets a BYE, and bob owns the record.
 */
class ConsultIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    private static double relayed(GatewayHarness gw) {
        return TransferIT.metric(gw, "outdial_rtp_packets_relayed_total");
    }

    @Test
    void consultTheSecondAgentThenCompleteTheTransfer() throws Exception {
        Path music = ContactAudio.messageWav();
        try (Sipp annPhone = Sipp.scenario("agent-phone.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp bobPhone = Sipp.scenario("agent-phone-listening.xml").rtpEcho().calls(1)
                     .timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(15)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), TransferIT.AGENTS, TransferIT.CAMPAIGN,
                     "audio:\n  holdMusic: \"" + music + "\"\n")) {
            gw.post("/api/campaigns/it/records", "contact_info\n2005550701\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient ann = new CtiClient(gw.ctiUrl()); CtiClient bob = new CtiClient(gw.ctiUrl())) {
                ann.send(TransferIT.login("ann", annPhone));
                ann.await("LoggedIn", LIMIT);
                bob.send(TransferIT.login("bob", bobPhone));
                bob.await("LoggedIn", LIMIT);
                bob.send(new CtiCommand.Ready("b1"));
                bob.await("AgentStateChanged", LIMIT);
                gw.post("/api/campaigns/it/start", "");
                ann.send(new CtiCommand.Ready("a1"));
                String ix = ann.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();
                CampaignCall call = gw.gateway().dialing().findCall(ix).get(5, TimeUnit.SECONDS).orElseThrow();

                ann.send(new CtiCommand.CompleteTransfer("a2", ix));
                assertEquals("NOT_ALLOWED", ann.await("Error", LIMIT).path("code").asText(), "no consultation yet");
                ann.send(new CtiCommand.Consult("a3", ix, "bob", null));
                assertEquals("bob", ann.await("ConsultStarted", LIMIT).path("target").asText());
                JsonNode ringing = bob.await("InteractionRinging", LIMIT).path("interaction");
                assertEquals("Consultation from agent ann", ringing.path("caseInformation").path("Origin").asText());
                assertEquals("2005550701", ringing.path("record").path("contact_info").asText());
                bob.await("InteractionEstablished", LIMIT);
                assertEquals("bob", ann.await("ConsultEstablished", LIMIT).path("target").asText());

                long bobIn = call.consultTargetMedia().packetsReceived();
                long annOut = call.agentMedia().packetsSent();
                long contactOut = call.contactMedia().packetsSent();
                double relayedAtConsult = relayed(gw);
                Await.until(Duration.ofSeconds(5), "ann's audio reaches bob (echoed back) and the mix feeds ann",
                        () -> call.consultTargetMedia().packetsReceived() - bobIn > 50
                                && call.agentMedia().packetsSent() - annOut > 50);
                Await.until(Duration.ofSeconds(5), "the contact hears the hold music meanwhile",
                        () -> call.contactMedia().packetsSent() - contactOut > 50);
                assertTrue(relayed(gw) - relayedAtConsult < 10, "the contact is not relayed to anyone while held");

                ann.send(new CtiCommand.Hold("a4", ix));
                assertEquals("NOT_ALLOWED", ann.await("Error", LIMIT).path("code").asText(), "no hold while consulting");
                ann.send(new CtiCommand.CompleteTransfer("a5", ix));
                JsonNode completed = ann.await("TransferCompleted", LIMIT);
                assertEquals("a5", completed.path("requestId").asText());
                assertEquals("bob", completed.path("recordOwner").asText());
                ann.await("InteractionReleased", LIMIT);
                Sipp.Result annResult = annPhone.awaitExit(LIMIT);
                assertTrue(annResult.passed(), "ann's phone got a BYE: " + annResult.describe());
                long bobAtTransfer = call.agentMedia().packetsReceived();
                Await.until(Duration.ofSeconds(5), "the contact's audio reaches bob (echoed back)",
                        () -> call.agentMedia().packetsReceived() - bobAtTransfer > 50);
                ann.send(new CtiCommand.MarkDone("a6", ix));
                ann.await("InteractionDone", LIMIT);

                bob.await("InteractionReleased", LIMIT);
                bob.send(new CtiCommand.MarkDone("b2", ix));
                bob.await("InteractionDone", LIMIT);
            }
            CallingRecord record = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, record.callResult());
            assertEquals("bob", record.agentId(), "the record follows the completed transfer");
        }
    }

    @Test
    void cancelBringsTheAgentBackAndAConsultationBecomesAConferenceOnceTheResultIsSet() throws Exception {
        String campaign = "  - { name: it, dialingMode: progressive, agents: [ann], autoLoad: false,"
                + " resultRequiredBeforeTransfer: true }";
        try (Sipp annPhone = Sipp.scenario("agent-phone.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp bobPhone = Sipp.scenario("agent-phone-listening.xml").rtpEcho().calls(2)
                     .timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(14)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), TransferIT.AGENTS, campaign)) {
            gw.post("/api/campaigns/it/records", "contact_info\n2005550702\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient ann = new CtiClient(gw.ctiUrl()); CtiClient bob = new CtiClient(gw.ctiUrl())) {
                ann.send(TransferIT.login("ann", annPhone));
                ann.await("LoggedIn", LIMIT);
                bob.send(TransferIT.login("bob", bobPhone));
                bob.await("LoggedIn", LIMIT);
                bob.send(new CtiCommand.Ready("b1"));
                bob.await("AgentStateChanged", LIMIT);
                gw.post("/api/campaigns/it/start", "");
                ann.send(new CtiCommand.Ready("a1"));
                String ix = ann.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();
                CampaignCall call = gw.gateway().dialing().findCall(ix).get(5, TimeUnit.SECONDS).orElseThrow();
                CtiCommand consult = new CtiCommand.Consult("a2", ix, "bob", null);

                // Consulting needs no result; completing does.
                ann.send(consult);
                ann.await("ConsultStarted", LIMIT);
                bob.await("InteractionEstablished", LIMIT);
                ann.await("ConsultEstablished", LIMIT);
                ann.send(new CtiCommand.CompleteTransfer("a3", ix));
                assertEquals("CALL_RESULT_REQUIRED", ann.await("Error", LIMIT).path("code").asText());
                ann.send(new CtiCommand.CancelConsult("a4", ix));
                JsonNode ended = ann.await("ConsultEnded", LIMIT);
                assertEquals("cancelled", ended.path("reason").asText());
                assertEquals("Established", ann.await("InteractionRetrieved", LIMIT).path("interaction")
                        .path("state").asText());
                double relayedAtRetrieve = relayed(gw);
                Await.until(Duration.ofSeconds(5), "ann and the contact talk again",
                        () -> relayed(gw) - relayedAtRetrieve > 60);
                bob.await("InteractionReleased", LIMIT);
                bob.send(new CtiCommand.MarkDone("b2", ix));
                bob.await("InteractionDone", LIMIT);
                JsonNode bobState;
                do {
                    bobState = bob.await("AgentStateChanged", LIMIT);
                } while (!"Ready".equals(bobState.path("state").asText()));

                ann.send(new CtiCommand.SetCallResult("a5", ix, "ANSWER"));
                ann.await("CallResultSet", LIMIT);
                ann.send(consult);
                ann.await("ConsultStarted", LIMIT);
                ann.await("ConsultEstablished", LIMIT);
                ann.send(new CtiCommand.CompleteConference("a6", ix));
                assertEquals("a6", ann.await("ConferenceJoined", LIMIT).path("requestId").asText());
                JsonNode bobInConference;
                do {
                    bobInConference = bob.await("InteractionEstablished", LIMIT).path("interaction");
                } while (!"Conference".equals(bobInConference.path("state").asText()));
                long annAtJoin = call.agentMedia().packetsSent();
                long bobAtJoin = call.consultTargetMedia().packetsReceived();
                Await.until(Duration.ofSeconds(5), "the three-party mix feeds ann and reaches bob (echoed back)",
                        () -> call.agentMedia().packetsSent() - annAtJoin > 50
                                && call.consultTargetMedia().packetsReceived() - bobAtJoin > 50);
                ann.send(new CtiCommand.SetCallResult("a7", ix, "WRONG_PARTY"));
                assertEquals("READ_ONLY", ann.await("Error", LIMIT).path("code").asText());

                // The contact hangs up: both agents wrap up; ann, who stayed, keeps the record.
                ann.await("InteractionReleased", LIMIT);
                ann.send(new CtiCommand.MarkDone("a8", ix));
                ann.await("InteractionDone", LIMIT);
                bob.await("InteractionReleased", LIMIT);
                bob.send(new CtiCommand.MarkDone("b3", ix));
                bob.await("InteractionDone", LIMIT);
            }
            CallingRecord record = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, record.callResult());
            assertEquals("ann", record.agentId());
        }
    }
}
