package io.outdial.dialer.it;

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
                desk.send("{\"type\":\"Login\",\"requestId\":\"1\",\"agentId\":\"ann\",\"secret\":\"s3cret\","
                        + "\"phone\":\"" + phone.uri("ann") + "\"}");
                desk.await("LoggedIn", LIMIT);
                gw.post("/api/campaigns/asm/start", "");
                desk.send("{\"type\":\"Ready\",\"requestId\":\"2\"}");

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
                desk.send("{\"type\":\"MarkDone\",\"requestId\":\"3\",\"interactionId\":\"" + ix + "\"}");
                desk.await("InteractionDone", LIMIT);
            }
            assertEquals(CallResult.ANSWER, gw.awaitAllUpdated("asm", LIMIT).get(0).callResult());
        }
    }
}
