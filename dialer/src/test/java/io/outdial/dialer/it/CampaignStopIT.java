package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Stopping a campaign (not unloading it) takes back the offers in front of agents: a push-preview offer and a
 * progressive interaction preview end with InteractionRejected "Withdrawn" and their records go back to the top of
 * the list, while a connected call (a phone-only agent talking to a SIPp contact) is left to finish.
 */
class CampaignStopIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    private static String stateOf(GatewayHarness gw, String agent) throws Exception {
        for (JsonNode a : GatewayHarness.JSON.readTree(gw.get("/api/agents"))) {
            if (agent.equals(a.path("id").asText()) || agent.equals(a.path("agentId").asText())) {
                return a.path("state").asText();
            }
        }
        throw new AssertionError("no agent " + agent + " in " + gw.get("/api/agents"));
    }

    private static String quietly(GatewayHarness gw, String agent) {
        try {
            return stateOf(gw, agent);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void stopWithdrawsAPushPreviewOfferAndTheRecordComesBackFirstWhenItStartsAgain() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-busy.xml").calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), PushPreviewIT.AGENTS,
                     PushPreviewIT.campaign("push_preview", "{ acceptTimeout: 60s }"))) {
            gw.uploadAndStart("pp", "contact_info\n2005551101\n2005551102\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, null)) {
                desk.send(new CtiCommand.OutboundPreviewReady("op"));
                JsonNode offered = desk.await("InteractionPreview", LIMIT);
                assertEquals("2005551101", PushPreviewIT.phoneOf(offered));

                gw.post("/api/campaigns/pp/stop", "");
                desk.await("CampaignStopped", LIMIT);
                JsonNode withdrawn = desk.await("InteractionRejected", LIMIT);
                assertEquals("Withdrawn", withdrawn.path("reason").asText());
                assertEquals(PushPreviewIT.ix(offered), withdrawn.path("interactionId").asText());
                Await.until(LIMIT, "record back", () -> gw.records("pp").get(0).status() == RecordStatus.READY);
                assertEquals(0, gw.records("pp").get(0).attempt());
                PushPreviewIT.fence(desk, "f1");
                assertEquals(1, PushPreviewIT.count(desk, "InteractionPreview"), "nothing offered while stopped");

                gw.post("/api/campaigns/pp/start", "");
                JsonNode again = desk.await("InteractionPreview", LIMIT);
                assertEquals("2005551101", PushPreviewIT.phoneOf(again), "the withdrawn record is on top");
            }
            Sipp.Result run = contact.stop();
            assertEquals(0, run.successful() + run.failed(), "nothing was dialed");
        }
    }

    @Test
    void stopWithdrawsAProgressiveInteractionPreviewAndLeavesAConnectedCallToFinish() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(2).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(4)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), PushPreviewIT.AGENTS + "\n  - { id: agent2,"
                             + " phone: \"" + phone.uri("agent2") + "\", autoReady: true, wrapUp: 0s }",
                     "  - { name: pg, dialingMode: progressive, agents: [ann, agent2], autoLoad: false,"
                             + " preview: { interactionPreview: true, acceptTimeout: 60s } }")) {
            try (CtiClient desk = PreviewCampaignIT.login(gw, null)) {
                gw.uploadAndStart("pg", "contact_info\n2005551201\n2005551202\n");
                Await.until(LIMIT, "agent2 talking", () -> "Busy".equals(quietly(gw, "agent2")));
                desk.send(new CtiCommand.Ready("rd"));
                JsonNode offered = desk.await("InteractionPreview", LIMIT);
                assertEquals("2005551202", PushPreviewIT.phoneOf(offered));

                gw.post("/api/campaigns/pg/stop", "");
                assertEquals("Withdrawn", desk.await("InteractionRejected", LIMIT).path("reason").asText());
                Await.until(LIMIT, "record back", () -> gw.records("pg").get(1).status() == RecordStatus.READY);
                assertEquals("Busy", stateOf(gw, "agent2"), "the connected call goes on");
                assertEquals("Ready", stateOf(gw, "ann"));
            }
            Await.until(LIMIT, "call finished", () -> gw.records("pg").get(0).status() == RecordStatus.UPDATED);
            CallingRecord talked = gw.records("pg").get(0);
            assertEquals(CallResult.ANSWER, talked.callResult());
            assertEquals("agent2", talked.agentId());
            assertTrue(contact.awaitExit(LIMIT).passed(), "the contact talked until it hung up");
            assertEquals(0, gw.records("pg").get(1).attempt(), "the withdrawn record was never dialed");
        }
    }
}
