package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.call.CampaignCall;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A three-party conference over the real WebSocket with SIPp: both agents' phones only echo what they receive, so
 * every packet that comes back from them is audio the mixer sent them, which starts with the contact's (the only
 * party that speaks of its own). Then the first agent leaves: its phone gets a BYE and contact and second agent talk
 * on.
 */
class ConferenceIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    private static CampaignCall call(GatewayHarness gw, String ix) throws Exception {
        return gw.gateway().dialing().findCall(ix).get(5, TimeUnit.SECONDS).orElseThrow();
    }

    @Test
    void contactAudioReachesBothAgentsAndTheFirstAgentLeaves() throws Exception {
        try (Sipp annPhone = Sipp.scenario("agent-phone-listening.xml").rtpEcho().calls(1)
                .timeout(Duration.ofMinutes(2)).start();
             Sipp bobPhone = Sipp.scenario("agent-phone-listening.xml").rtpEcho().calls(1)
                     .timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(10)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), TransferIT.AGENTS, TransferIT.CAMPAIGN)) {
            gw.post("/api/campaigns/it/records", "contact_info\n2005550501\n");
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
                CampaignCall call = call(gw, ix);

                ann.send(new CtiCommand.Conference("a2", ix, "bob", null));
                assertEquals("bob", ann.await("ConferenceStarted", LIMIT).path("target").asText());
                JsonNode ringing = bob.await("InteractionRinging", LIMIT).path("interaction");
                assertEquals("Conference with agent ann", ringing.path("caseInformation").path("Origin").asText());
                assertEquals("Conference", bob.await("InteractionEstablished", LIMIT).path("interaction")
                        .path("state").asText());
                ann.await("ConferenceJoined", LIMIT);
                long annAtJoin = call.agentMedia().packetsReceived();
                Await.until(Duration.ofSeconds(5), "the mix reached both agents' phones (echoed back)",
                        () -> call.agentMedia().packetsReceived() - annAtJoin > 50
                                && call.conferenceTargetMedia().packetsReceived() > 50);

                ann.send(new CtiCommand.Hold("a3", ix));
                assertEquals("NOT_ALLOWED", ann.await("Error", LIMIT).path("code").asText(), "no hold in a conference");
                ann.send(new CtiCommand.LeaveConference("a4", ix));
                assertEquals("Released", ann.await("InteractionReleased", LIMIT).path("interaction").path("state")
                        .asText());
                Sipp.Result annResult = annPhone.awaitExit(LIMIT);
                assertTrue(annResult.passed(), "ann's phone got a BYE: " + annResult.describe());
                assertEquals("ann", bob.await("ConferencePartyLeft", LIMIT).path("party").asText());
                long bobAtLeave = call.agentMedia().packetsReceived();
                Await.until(Duration.ofSeconds(5), "contact and bob talk on, two-party",
                        () -> call.agentMedia().packetsReceived() - bobAtLeave > 50);
                ann.send(new CtiCommand.MarkDone("a5", ix));
                ann.await("InteractionDone", LIMIT);

                bob.await("InteractionReleased", LIMIT);
                bob.send(new CtiCommand.MarkDone("b2", ix));
                bob.await("InteractionDone", LIMIT);
            }
            CallingRecord record = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals("bob", record.agentId(), "the agent who left gave the call and the record to bob");
        }
    }
}
