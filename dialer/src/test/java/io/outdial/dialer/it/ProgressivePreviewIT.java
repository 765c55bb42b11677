package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Progressive with {@code preview.interactionPreview}: the record reserved for a Ready desktop agent is shown first;
 * nothing is dialed until Accept, and the agent's SIPp phone rings only once the SIPp contact answered.
 */
class ProgressivePreviewIT {
    static final Duration LIMIT = Duration.ofSeconds(40);

    static String campaign(String preview) {
        return "  - { name: pg, dialingMode: progressive, agents: [ann], autoLoad: false, preview: " + preview + " }";
    }

    @Test
    void rejectPutsTheRecordBackOnTopAcceptDialsAndConnectsAfterTheContactAnswers() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(2)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), PushPreviewIT.AGENTS,
                     campaign("{ interactionPreview: true, acceptTimeout: 20s }"))) {
            gw.uploadAndStart("pg", "contact_info\n2005550501\n2005550502\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, phone)) {
                desk.send(new CtiCommand.Ready("rd"));
                JsonNode offered = desk.await("InteractionPreview", LIMIT);
                assertEquals("2005550501", PushPreviewIT.phoneOf(offered));
                assertEquals(20, offered.path("acceptTimeout").asInt());
                assertEquals("Reserved", PreviewCampaignIT.agentState(gw));
                assertEquals(0, gw.gateway().userAgent().activeLegs(), "nothing is dialed before Accept");

                desk.send(new CtiCommand.Reject("rj", PushPreviewIT.ix(offered)));
                assertEquals("Rejected", desk.await("InteractionRejected", LIMIT).path("reason").asText());
                JsonNode again = desk.await("InteractionPreview", LIMIT);
                assertEquals("2005550501", PushPreviewIT.phoneOf(again), "the rejected record comes back first");

                desk.send(new CtiCommand.Accept("ac", PushPreviewIT.ix(again)));
                assertEquals("ac", desk.await("InteractionAccepted", LIMIT).path("requestId").asText());
                JsonNode ringing = desk.await("InteractionRinging", LIMIT);
                assertEquals(PushPreviewIT.ix(again), PushPreviewIT.ix(ringing));
                desk.await("InteractionEstablished", LIMIT);
                assertEquals("ANSWER", desk.await("InteractionReleased", LIMIT).path("interaction")
                        .path("callResult").asText());
                desk.send(new CtiCommand.NotReady("nr", null));
                desk.send(new CtiCommand.MarkDone("md", PushPreviewIT.ix(again)));
                desk.await("InteractionDone", LIMIT);
                assertTrue(contact.awaitExit(LIMIT).passed(), "the contact's scenario completed");
            }
            Await.until(LIMIT, "first record Updated",
                    () -> gw.records("pg").get(0).status() == RecordStatus.UPDATED);
            assertEquals(CallResult.ANSWER, gw.records("pg").get(0).callResult());
            assertEquals(1, gw.records("pg").get(0).attempt());
            assertEquals(RecordStatus.READY, gw.records("pg").get(1).status());
        }
    }

    @Test
    void timeoutWithAutoRejectReturnsTheRecordAndSetsTheAgentNotReady() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-busy.xml").calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), PushPreviewIT.AGENTS,
                     campaign("{ interactionPreview: true, acceptTimeout: 1s, autoReject: true }"))) {
            gw.uploadAndStart("pg", "contact_info\n2005550601\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, null)) {
                desk.send(new CtiCommand.Ready("rd"));
                desk.await("InteractionPreview", LIMIT);
                assertEquals("AutoRejected", desk.await("InteractionRejected", LIMIT).path("reason").asText());
                Await.until(LIMIT, "agent NotReady", () -> "NotReady".equals(PreviewCampaignIT.stateQuietly(gw)));
                Await.until(LIMIT, "record back", () -> gw.records("pg").get(0).status() == RecordStatus.READY);
                PushPreviewIT.fence(desk, "f");
                assertEquals(1, PushPreviewIT.count(desk, "InteractionPreview"));
                assertEquals(0, gw.records("pg").get(0).attempt());
            }
            Sipp.Result contacts = contact.stop();
            assertEquals(0, contacts.successful() + contacts.failed(), "the contact was never dialed");
        }
    }
}
