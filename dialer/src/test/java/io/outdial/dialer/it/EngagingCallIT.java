package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.record.CallResult;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** ASM / engaging call on a progressive campaign: the agent is engaged first with an empty record, filled in later. */
class EngagingCallIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @Test
    void theAgentGetsAnEmptyRecordFirstAndTheFilledOneWhenTheContactConnects() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(2)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), "  - { id: ann, secret: s3cret }",
                     "  - { name: asm, dialingMode: progressive, engageAgentFirst: true, agents: [ann],"
                             + " autoLoad: false }")) {
            gw.post("/api/campaigns/asm/records", "contact_info\n2005550501\n");
            gw.post("/api/campaigns/asm/load", "");
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login("1", "ann", "s3cret", phone.uri("ann")));
                desk.await("LoggedIn", LIMIT);
                gw.post("/api/campaigns/asm/start", "");
                desk.send(new CtiCommand.Ready("2"));

                JsonNode empty = desk.await("InteractionEngaged", LIMIT).path("interaction");
                assertEquals("Establishing", empty.path("state").asText());
                assertEquals(0, empty.path("record").size(), "an empty record: " + empty);
                assertFalse(empty.has("caseInformation"), "nothing about the contact yet: " + empty);

                JsonNode filled = desk.await("InteractionUpdated", LIMIT).path("interaction");
                assertEquals(empty.path("interactionId").asText(), filled.path("interactionId").asText());
                assertEquals("2005550501", filled.path("record").path("contact_info").asText());
                assertTrue(filled.has("caseInformation"));
                JsonNode established = desk.await("InteractionEstablished", LIMIT).path("interaction");
                assertEquals("2005550501", established.path("record").path("contact_info").asText());

                String ix = established.path("interactionId").asText();
                desk.await("InteractionReleased", LIMIT);
                desk.send(new CtiCommand.MarkDone("3", ix));
                desk.await("InteractionDone", LIMIT);
            }
            assertEquals(CallResult.ANSWER, gw.awaitAllUpdated("asm", LIMIT).get(0).callResult());
        }
    }

    private static CtiClient readyDesk(GatewayHarness gw, Sipp phone) throws InterruptedException {
        CtiClient desk = new CtiClient(gw.ctiUrl());
        desk.send(new CtiCommand.Login("1", "ann", "s3cret", phone.uri("ann")));
        desk.await("LoggedIn", LIMIT);
        return desk;
    }

    @Test
    void aContactWhoDoesNotAnswerEndsTheEmptyInteractionAndTheNextRecordIsEngagedAfresh() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(2).timeout(Duration.ofMinutes(2)).start();
             Sipp farm = Sipp.scenario("contact-farm.xml").calls(2).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(farm.hostPort(), "  - { id: ann, secret: s3cret }",
                     "  - { name: asm, dialingMode: progressive, engageAgentFirst: true, agents: [ann],"
                             + " autoLoad: false }")) {
            // 480...: rings 2 s, then 480 (No Answer); the second number answers.
            gw.post("/api/campaigns/asm/records", "contact_info\n4805550601\n2005550602\n");
            gw.post("/api/campaigns/asm/load", "");
            try (CtiClient desk = readyDesk(gw, phone)) {
                gw.post("/api/campaigns/asm/start", "");
                desk.send(new CtiCommand.Ready("2"));

                JsonNode first = desk.await("InteractionEngaged", LIMIT).path("interaction");
                assertEquals(0, first.path("record").size(), "an empty record: " + first);
                JsonNode released = desk.await("InteractionReleased", LIMIT).path("interaction");
                assertEquals(first.path("interactionId").asText(), released.path("interactionId").asText());
                assertEquals("NO_ANSWER", released.path("callResult").asText());
                assertEquals("4805550601", released.path("record").path("contact_info").asText(),
                        "the ended interaction says which record it was");
                JsonNode ready = desk.await("AgentStateChanged", LIMIT);
                while (!"Ready".equals(ready.path("state").asText())) {
                    ready = desk.await("AgentStateChanged", LIMIT);
                }

                JsonNode second = desk.await("InteractionEngaged", LIMIT).path("interaction");
                assertFalse(second.path("interactionId").asText().equals(first.path("interactionId").asText()),
                        "a new engagement for the next record");
                assertEquals(0, second.path("record").size());
                JsonNode filled = desk.await("InteractionUpdated", LIMIT).path("interaction");
                assertEquals("2005550602", filled.path("record").path("contact_info").asText());
                String ix = desk.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();
                desk.await("InteractionReleased", LIMIT);
                desk.send(new CtiCommand.MarkDone("3", ix));
                desk.await("InteractionDone", LIMIT);
            }
            var records = gw.awaitAllUpdated("asm", LIMIT);
            assertEquals(CallResult.NO_ANSWER, records.get(0).callResult());
            assertEquals(1, records.get(0).attempt());
            assertEquals(CallResult.ANSWER, records.get(1).callResult());
            Sipp.Result agentCalls = phone.awaitExit(LIMIT);
            assertEquals(2, agentCalls.successful(), "the agent's phone was engaged once per record");
        }
    }

    @Test
    void aPredictiveCampaignWithEngageAgentFirstEngagesTheAgentBeforeDialing() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(2)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), "  - { id: ann, secret: s3cret }",
                     "  - { name: pasm, dialingMode: predictive, engageAgentFirst: true, agents: [ann],"
                             + " autoLoad: false }")) {
            gw.post("/api/campaigns/pasm/records", "contact_info\n2005550701\n");
            gw.post("/api/campaigns/pasm/load", "");
            try (CtiClient desk = readyDesk(gw, phone)) {
                gw.post("/api/campaigns/pasm/start", "");
                desk.send(new CtiCommand.Ready("2"));
                JsonNode empty = desk.await("InteractionEngaged", LIMIT).path("interaction");
                assertEquals("Establishing", empty.path("state").asText());
                assertEquals(0, empty.path("record").size(), "an empty record: " + empty);
                JsonNode filled = desk.await("InteractionUpdated", LIMIT).path("interaction");
                assertEquals(empty.path("interactionId").asText(), filled.path("interactionId").asText());
                assertEquals("2005550701", filled.path("record").path("contact_info").asText());
                desk.await("InteractionEstablished", LIMIT);
                desk.await("InteractionReleased", LIMIT);
                desk.send(new CtiCommand.MarkDone("3", empty.path("interactionId").asText()));
                desk.await("InteractionDone", LIMIT);
            }
            assertEquals(CallResult.ANSWER, gw.awaitAllUpdated("pasm", LIMIT).get(0).callResult());
            assertEquals(1.0, gw.metric("outdial_calls_dialed_total{campaign=\"pasm\"}"), "its one record dialed once");
        }
    }
}
