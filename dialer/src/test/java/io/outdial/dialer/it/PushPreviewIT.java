package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Push preview and direct push preview end to end: records pushed to a real WebSocket desktop as interaction
 * previews, accepted (its SIPp phone, then the SIPp contact through the trunk), rejected or left to time out.
 */
class PushPreviewIT {
    static final Duration LIMIT = Duration.ofSeconds(40);
    static final String AGENTS = "  - { id: ann, secret: s3cret }";

    static String campaign(String mode, String preview) {
        return "  - { name: pp, description: \"Push drive\", dialingMode: " + mode + ", agents: [ann],"
                + " autoLoad: false, preview: " + preview + " }";
    }

    static String ix(JsonNode event) {
        return event.path("interaction").path("interactionId").asText();
    }

    static String phoneOf(JsonNode event) {
        return event.path("interaction").path("record").path("contact_info").asText();
    }

    /** A fence: every event sent before this answer has arrived. */
    static void fence(CtiClient desk, String id) throws InterruptedException {
        desk.send(new CtiCommand.GetMyCampaigns(id));
        desk.await("MyCampaigns", LIMIT);
    }

    static long count(CtiClient desk, String type) {
        return desk.types().stream().filter(type::equals).count();
    }

    @Test
    void pushedWhileTheChannelIsReadyRejectAndTimeoutPutTheRecordBackOnTopAcceptDials() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(2)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS,
                     campaign("push_preview", "{ acceptTimeout: 4s }"))) {
            // The callback falls due while the first record is in front of the agent: without "top of the list"
            // it would be retrieved before the returned record.
            String due = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).toString();
            gw.uploadAndStart("pp", "contact_info,record_type,dial_sched_time\n2005550101,GENERAL,\n"
                    + "2005550102,CAMPAIGN_CALLBACK," + due + "\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, phone)) {
                JsonNode started = desk.await("CampaignStarted", LIMIT);
                assertEquals("Push Preview", started.path("campaign").path("dialingMode").asText());
                assertEquals("Automatic", started.path("campaign").path("deliveryMode").asText());
                fence(desk, "f0");
                assertEquals(0, count(desk, "InteractionPreview"), "nothing pushed while the channel is NotReady");

                desk.send(new CtiCommand.OutboundPreviewReady("op1"));
                JsonNode channel = desk.await("OutboundPreviewStateChanged", LIMIT);
                assertEquals("op1", channel.path("requestId").asText());
                assertEquals("Ready", channel.path("state").asText());
                JsonNode first = desk.await("InteractionPreview", LIMIT);
                assertEquals("2005550101", phoneOf(first));
                assertEquals("Preview", first.path("interaction").path("state").asText());
                assertEquals(4, first.path("acceptTimeout").asInt());
                assertTrue(first.path("rejectAllowed").asBoolean());
                assertEquals("Reserved", PreviewCampaignIT.agentState(gw), "voice Reserved while the record is offered");
                assertEquals(0, gw.gateway().userAgent().activeLegs(), "nothing is dialed before Accept");

                desk.send(new CtiCommand.MarkDone("md0", ix(first)));
                assertEquals("NOT_ALLOWED", desk.await("Error", LIMIT).path("code").asText());
                desk.send(new CtiCommand.Reject("rj1", ix(first)));
                JsonNode rejected = desk.await("InteractionRejected", LIMIT);
                assertEquals("rj1", rejected.path("requestId").asText());
                assertEquals("Rejected", rejected.path("reason").asText());
                JsonNode again = desk.await("InteractionPreview", LIMIT);
                assertEquals("2005550101", phoneOf(again), "a rejected record is the next one retrieved");
                desk.send(new CtiCommand.Reject("rj2", ix(first)));
                assertEquals("UNKNOWN_INTERACTION", desk.await("Error", LIMIT).path("code").asText());

                // No answer: the record goes back to the top, ahead of the callback that fell due meanwhile.
                JsonNode timedOut = desk.await("InteractionRejected", Duration.ofSeconds(10));
                assertEquals("Timeout", timedOut.path("reason").asText());
                assertEquals(ix(again), timedOut.path("interactionId").asText());
                JsonNode third = desk.await("InteractionPreview", LIMIT);
                assertEquals("2005550101", phoneOf(third), "a timed-out record is the next one retrieved");

                desk.send(new CtiCommand.Accept("ac1", ix(third)));
                JsonNode accepted = desk.await("InteractionAccepted", LIMIT);
                assertEquals("ac1", accepted.path("requestId").asText());
                assertFalse(accepted.path("auto").asBoolean());
                desk.send(new CtiCommand.Accept("ac2", ix(third)));
                assertEquals("NOT_ALLOWED", desk.await("Error", LIMIT).path("code").asText());
                desk.await("InteractionRinging", LIMIT);
                desk.await("InteractionEstablished", LIMIT);
                JsonNode released = desk.await("InteractionReleased", LIMIT);
                assertEquals("ANSWER", released.path("interaction").path("callResult").asText());
                desk.send(new CtiCommand.MarkDone("d1", ix(third)));
                desk.await("InteractionDone", LIMIT);
                JsonNode callback = desk.await("InteractionPreview", LIMIT);
                assertEquals("2005550102", phoneOf(callback), "Done: the next record is pushed");
                assertEquals("Callback", callback.path("interaction").path("caseInformation").path("Origin")
                        .asText());

                desk.send(new CtiCommand.OutboundPreviewNotReady("op2", "Break"));
                assertEquals("NotReady", desk.await("OutboundPreviewStateChanged", LIMIT).path("state").asText());
                desk.send(new CtiCommand.Reject("rj3", ix(callback)));
                desk.await("InteractionRejected", LIMIT);
                Await.until(LIMIT, "agent back to NotReady", () -> "NotReady".equals(
                        PreviewCampaignIT.stateQuietly(gw)));
                fence(desk, "f1");
                assertEquals(4, count(desk, "InteractionPreview"), "nothing more pushed once the channel is NotReady");
                assertTrue(contact.awaitExit(LIMIT).passed(), "the contact's scenario completed");
            }
            Await.until(LIMIT, "callback back to Ready",
                    () -> gw.records("pp").get(1).status() == RecordStatus.READY);
            List<CallingRecord> records = gw.records("pp");
            assertEquals(RecordStatus.UPDATED, records.get(0).status());
            assertEquals(CallResult.ANSWER, records.get(0).callResult());
            assertEquals(1, records.get(0).attempt(), "rejects and timeouts count no attempt");
            assertEquals(0, records.get(1).attempt());
        }
    }

    @Test
    void autoAnswerCountdownAcceptsOnTheAgentsBehalfAndRejectIsRefusedDuringIt() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS,
                     campaign("push_preview", "{ autoAnswer: 2s, rejectDuringAutoAnswer: false }"))) {
            gw.uploadAndStart("pp", "contact_info\n2005550201\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, phone)) {
                desk.send(new CtiCommand.OutboundPreviewReady("op1"));
                JsonNode offered = desk.await("InteractionPreview", LIMIT);
                assertEquals(2, offered.path("autoAnswerIn").asInt());
                assertFalse(offered.path("rejectAllowed").asBoolean());
                assertFalse(offered.has("acceptTimeout"));
                desk.send(new CtiCommand.Reject("rj", ix(offered)));
                JsonNode refused = desk.await("Error", LIMIT);
                assertEquals("NOT_ALLOWED", refused.path("code").asText());
                assertTrue(refused.path("message").asText().contains("auto-answer"), refused.toString());
                JsonNode accepted = desk.await("InteractionAccepted", LIMIT);
                assertTrue(accepted.path("auto").asBoolean());
                desk.await("InteractionEstablished", LIMIT);
                assertEquals("ANSWER", desk.await("InteractionReleased", LIMIT).path("interaction")
                        .path("callResult").asText());
            }
            Await.until(LIMIT, "record Updated", () -> gw.records("pp").get(0).status() == RecordStatus.UPDATED);
            assertEquals(CallResult.ANSWER, gw.records("pp").get(0).callResult());
        }
    }

    @Test
    void autoRejectSetsTheOutboundPreviewChannelNotReady() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-busy.xml").calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS,
                     campaign("push_preview", "{ acceptTimeout: 1s, autoReject: true }"))) {
            gw.uploadAndStart("pp", "contact_info\n2005550301\n2005550302\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, null)) {
                desk.send(new CtiCommand.OutboundPreviewReady("op1"));
                JsonNode offered = desk.await("InteractionPreview", LIMIT);
                JsonNode rejected = desk.await("InteractionRejected", LIMIT);
                assertEquals("AutoRejected", rejected.path("reason").asText());
                JsonNode channel = desk.await("OutboundPreviewStateChanged", LIMIT);
                assertEquals("NotReady", channel.path("state").asText());
                assertEquals("AutoRejected", channel.path("reason").asText());
                Await.until(LIMIT, "record back", () -> gw.records("pp").get(0).status() == RecordStatus.READY);
                fence(desk, "f");
                assertEquals(1, count(desk, "InteractionPreview"), "no record pushed after the auto-reject: "
                        + ix(offered));
            }
        }
    }

    @Test
    void directPushPreviewDeliversBetweenGetRecordAndStopWhateverTheChannel() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-busy.xml").calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS,
                     campaign("direct_push_preview", "{ acceptTimeout: 30s }"))) {
            gw.uploadAndStart("pp", "contact_info\n4865550401\n4865550402\n4865550403\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, phone)) {
                assertEquals("Direct Push Preview", desk.await("CampaignStarted", LIMIT).path("campaign")
                        .path("dialingMode").asText());
                fence(desk, "f0");
                assertEquals(0, count(desk, "InteractionPreview"), "nothing delivered before Get Record");

                desk.send(new CtiCommand.GetRecord("g1", "pp"));
                JsonNode on = desk.await("RecordDeliveryChanged", LIMIT);
                assertEquals("g1", on.path("requestId").asText());
                assertTrue(on.path("delivering").asBoolean());
                JsonNode first = desk.await("InteractionPreview", LIMIT);
                assertEquals("4865550401", phoneOf(first), "delivered with both channels NotReady");
                desk.send(new CtiCommand.Accept("a1", ix(first)));
                desk.await("InteractionAccepted", LIMIT);
                assertEquals("BUSY", desk.await("InteractionReleased", LIMIT).path("interaction")
                        .path("callResult").asText());
                desk.send(new CtiCommand.MarkDone("d1", ix(first)));
                desk.await("InteractionDone", LIMIT);
                JsonNode second = desk.await("InteractionPreview", LIMIT);
                assertEquals("4865550402", phoneOf(second), "records keep coming after Done");

                desk.send(new CtiCommand.StopRecords("s1", "pp"));
                JsonNode off = desk.await("RecordDeliveryChanged", LIMIT);
                assertFalse(off.path("delivering").asBoolean());
                assertEquals("Stop", off.path("reason").asText());
                desk.send(new CtiCommand.Reject("r1", ix(second)));
                desk.await("InteractionRejected", LIMIT);
                Await.until(LIMIT, "record back", () -> gw.records("pp").get(1).status() == RecordStatus.READY);
                fence(desk, "f1");
                assertEquals(2, count(desk, "InteractionPreview"), "nothing delivered after Stop");

                desk.send(new CtiCommand.StopRecords("s2", "nope"));
                assertEquals("INVALID", desk.await("Error", LIMIT).path("code").asText());
                desk.send(new CtiCommand.GetRecord("g2", "pp"));
                desk.await("RecordDeliveryChanged", LIMIT);
                JsonNode back = desk.await("InteractionPreview", LIMIT);
                assertEquals("4865550402", phoneOf(back), "Get Record again: the rejected record first");
            }
            assertEquals(CallResult.BUSY, gw.records("pp").get(0).callResult());
        }
    }

    @Test
    void aDesktopClosedMidOfferPutsTheRecordBackOnTopAndItIsOfferedToAnotherAgent() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-busy.xml").calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(),
                     AGENTS + "\n  - { id: bob, secret: s3cret }",
                     "  - { name: pp, dialingMode: push_preview, agents: [ann, bob], autoLoad: false,"
                             + " preview: { acceptTimeout: 60s } }")) {
            gw.uploadAndStart("pp", "contact_info\n2005551301\n");
            CtiClient bob = new CtiClient(gw.ctiUrl());
            try (bob) {
                bob.send(new CtiCommand.Login("l", "bob", "s3cret", "sip:bob@127.0.0.1:5998"));
                bob.await("LoggedIn", LIMIT);
                JsonNode offered;
                try (CtiClient ann = PreviewCampaignIT.login(gw, null)) {
                    ann.send(new CtiCommand.OutboundPreviewReady("op"));
                    offered = ann.await("InteractionPreview", LIMIT);
                    assertEquals("2005551301", phoneOf(offered));
                    bob.send(new CtiCommand.OutboundPreviewReady("op"));
                    bob.await("OutboundPreviewStateChanged", LIMIT);
                    fence(bob, "f1");
                    assertEquals(0, count(bob, "InteractionPreview"), "one record, in front of ann");
                } // ann's desktop goes away with the offer on screen

                JsonNode handedOn = bob.await("InteractionPreview", LIMIT);
                assertEquals("2005551301", phoneOf(handedOn), "the record came back on top and went to bob");
                assertTrue(!ix(handedOn).equals(ix(offered)), "a new offer");
                assertEquals(RecordStatus.RETRIEVED, gw.records("pp").get(0).status());
                assertEquals(0, gw.records("pp").get(0).attempt(), "never dialed");
                Await.until(LIMIT, "ann logged out", () -> agentState(gw, "ann").equals("LoggedOut"));
            }
            Sipp.Result run = contact.stop();
            assertEquals(0, run.successful() + run.failed(), "nothing was dialed");
        }
    }

    private static String agentState(GatewayHarness gw, String id) {
        try {
            for (JsonNode a : GatewayHarness.JSON.readTree(gw.get("/api/agents"))) {
                if (id.equals(a.path("id").asText())) {
                    return a.path("state").asText();
                }
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
