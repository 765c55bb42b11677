package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.dialer.record.CallResult;
import io.outdial.sip.testing.Sipp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Several trunks: each campaign dials through the trunk it names and presents its own caller id (the first of its
 * callerIds), and a preview agent picks one of the campaign's caller ids with Call. The far ends are SIPp trunks;
 * what they received is read from their message traces.
 */
class SeveralTrunksIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    private static String trunkB(Sipp b) {
        return "trunks:\n  - { name: carrier-b, host: 127.0.0.1, port: " + b.sipPort()
                + ", callerId: \"18005550999\", callerName: \"Carrier B\" }\n";
    }

    /** The From header of the first INVITE in a SIPp message trace. */
    private static String inviteFrom(Sipp.Result result) throws Exception {
        String trace = Files.readString(result.messageFile(), StandardCharsets.ISO_8859_1);
        int invite = trace.indexOf("INVITE sip:");
        assertTrue(invite >= 0, "an INVITE reached " + result.scenario() + ": " + result.describe());
        return trace.substring(invite).lines().filter(l -> l.startsWith("From:")).findFirst().orElseThrow();
    }

    @Test
    void eachCampaignDialsThroughItsOwnTrunkPresentingItsOwnCallerId() throws Exception {
        try (Sipp phone1 = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp phone2 = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp a = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(1).start();
             Sipp b = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(a.hostPort(),
                     "  - { id: agent1, phone: \"" + phone1.uri("agent1") + "\", autoReady: true, wrapUp: 0s }\n"
                             + "  - { id: agent2, phone: \"" + phone2.uri("agent2") + "\", autoReady: true, wrapUp: 0s }",
                     "  - { name: viaA, dialingMode: progressive, agents: [agent1], autoLoad: false }\n"
                             + "  - { name: viaB, dialingMode: progressive, agents: [agent2], autoLoad: false,"
                             + " trunk: carrier-b, callerIds: [{ number: \"18005550111\", name: \"Acme Sales\" },"
                             + " { number: \"18005550122\" }] }",
                     trunkB(b), 40, "60s")) {
            JsonNode trunks = GatewayHarness.JSON.readTree(gw.get("/api/trunks"));
            assertEquals("default", trunks.get(0).path("name").asText());
            assertEquals("carrier-b", trunks.get(1).path("name").asText());
            assertEquals(b.sipPort(), trunks.get(1).path("port").asInt());

            gw.uploadAndStart("viaA", "contact_info\n2005550141\n");
            gw.uploadAndStart("viaB", "contact_info\n2005550142\n");
            assertEquals(CallResult.ANSWER, gw.awaitAllUpdated("viaA", LIMIT).get(0).callResult());
            assertEquals(CallResult.ANSWER, gw.awaitAllUpdated("viaB", LIMIT).get(0).callResult());

            Sipp.Result atA = a.awaitExit(LIMIT);
            Sipp.Result atB = b.awaitExit(LIMIT);
            assertTrue(atA.passed() && atB.passed(), atA.describe() + atB.describe());
            String fromA = inviteFrom(atA);
            String fromB = inviteFrom(atB);
            assertTrue(fromA.contains("<sip:18005550100@"), "the default trunk's own caller id: " + fromA);
            assertTrue(fromB.contains("\"Acme Sales\" <sip:18005550111@"), "the campaign's first caller id: " + fromB);
            String traceA = Files.readString(atA.messageFile(), StandardCharsets.ISO_8859_1);
            assertTrue(!traceA.contains("2005550142"), "viaB's number never went to the default trunk");

            JsonNode campaigns = GatewayHarness.JSON.readTree(gw.get("/api/campaigns"));
            assertEquals("default", campaigns.get(0).path("trunk").asText());
            assertEquals("carrier-b", campaigns.get(1).path("trunk").asText());
            assertEquals("18005550122", campaigns.get(1).path("callerIds").get(1).path("number").asText());
        }
    }

    @Test
    void aPreviewAgentCallsPresentingTheCallerIdItPicked() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp a = Sipp.scenario("uas-answer.xml").calls(1).start();
             Sipp b = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(a.hostPort(), "  - { id: ann, secret: s3cret }",
                     "  - { name: pv, dialingMode: preview, agents: [ann], autoLoad: false, trunk: carrier-b,"
                             + " callerIds: [{ number: \"18005550111\", name: \"Acme Sales\" },"
                             + " { number: \"18005550122\", name: \"Acme Care\" }] }",
                     trunkB(b), 40, "60s")) {
            gw.uploadAndStart("pv", "contact_info\n2005550143\n");
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login("login", "ann", "s3cret", phone.uri("ann")));
                JsonNode loggedIn = desk.await("LoggedIn", LIMIT);
                JsonNode offered = loggedIn.path("campaigns").get(0).path("callerIds");
                assertEquals(2, offered.size(), loggedIn.toString());
                assertEquals("Acme Care", offered.get(1).path("name").asText());

                desk.send(new CtiCommand.GetRecord("g1", "pv"));
                String id = desk.await("InteractionPreview", LIMIT).path("interaction").path("interactionId").asText();
                desk.send(new CtiCommand.Call("c0", id, "18005550999"));
                JsonNode refused = desk.await("Error", LIMIT);
                assertEquals("INVALID", refused.path("code").asText());
                assertTrue(refused.path("message").asText().contains("18005550111"), refused.toString());

                desk.send(new CtiCommand.Call("c1", id, "18005550122"));
                desk.await("InteractionEstablished", LIMIT);
                desk.await("InteractionReleased", LIMIT);
            }
            Sipp.Result atB = b.awaitExit(LIMIT);
            assertTrue(atB.passed(), atB.describe());
            String from = inviteFrom(atB);
            assertTrue(from.contains("\"Acme Care\" <sip:18005550122@"), "the caller id the agent picked: " + from);
        }
    }
}
