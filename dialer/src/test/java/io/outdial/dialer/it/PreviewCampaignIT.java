package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.ContactHistoryEntry;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Preview (manual, pull) campaigns end to end: a real WebSocket desktop asks for records, previews them, calls the
 * contact (its own SIPp phone first, then the SIPp contact through the trunk) or declines them.
 */
class PreviewCampaignIT {
    static final Duration LIMIT = Duration.ofSeconds(40);
    static final String AGENTS = "  - { id: ann, secret: s3cret }";
    static final String CAMPAIGN = "  - { name: pv, description: \"Preview drive\", dialingMode: preview,"
            + " agents: [ann], autoLoad: false, dispositionCodes: [Accepted, Rejected, Transferred] }";

    static CtiClient login(GatewayHarness gw, Sipp phone) throws InterruptedException {
        CtiClient desk = new CtiClient(gw.ctiUrl());
        desk.send(new CtiCommand.Login("login", "ann", "s3cret", (phone == null ? "sip:ann@127.0.0.1:5999" : phone.uri("ann"))));
        desk.await("LoggedIn", LIMIT);
        return desk;
    }

    static String ixOf(JsonNode event) {
        return event.path("interaction").path("interactionId").asText();
    }

    static JsonNode getRecord(CtiClient desk, String requestId) throws InterruptedException {
        desk.send(new CtiCommand.GetRecord(requestId, "pv"));
        return desk.await("InteractionPreview", LIMIT);
    }

    static String agentState(GatewayHarness gw) throws Exception {
        return GatewayHarness.JSON.readTree(gw.get("/api/agents")).get(0).path("state").asText();
    }

    @Test
    void getRecordCallAnswerSetResultThenDoneGivesTheNextRecord() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(2)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS, CAMPAIGN)) {
            gw.uploadAndStart("pv", "contact_info,first_name,balance\n2005550101,Ann,10\n2005550102,Bob,20\n");
            try (CtiClient desk = login(gw, phone)) {
                JsonNode started = desk.await("CampaignStarted", LIMIT);
                assertEquals("Manual", started.path("campaign").path("deliveryMode").asText());
                assertEquals("Preview", started.path("campaign").path("dialingMode").asText());

                JsonNode preview = getRecord(desk, "g1");
                assertEquals("g1", preview.path("requestId").asText());
                JsonNode ix = preview.path("interaction");
                assertEquals("Preview", ix.path("state").asText());
                assertEquals("Outbound campaign call to 2005550101",
                        ix.path("caseInformation").path("Origin").asText());
                assertEquals("pv", ix.path("caseInformation").path("Campaign").asText());
                assertEquals("Ann", ix.path("record").path("first_name").asText());
                assertEquals("Reserved", agentState(gw));
                assertEquals(RecordStatus.RETRIEVED, gw.records("pv").get(0).status());
                assertEquals(0, gw.gateway().userAgent().activeLegs(), "nothing is dialed while the agent reads");

                String id = ixOf(preview);
                desk.send(new CtiCommand.MarkDone("early", id));
                assertEquals("NOT_ALLOWED", desk.await("Error", LIMIT).path("code").asText());

                desk.send(new CtiCommand.Call("c1", id));
                assertEquals("Ringing", desk.await("InteractionRinging", LIMIT).path("interaction").path("state")
                        .asText());
                desk.await("InteractionEstablished", LIMIT);
                assertEquals("Busy", agentState(gw));
                JsonNode released = desk.await("InteractionReleased", LIMIT);
                assertEquals("ANSWER", released.path("interaction").path("callResult").asText());
                assertEquals("AfterCallWork", agentState(gw));

                desk.send(new CtiCommand.SetCallResult("r1", id, "WRONG_PARTY"));
                desk.await("CallResultSet", LIMIT);
                desk.send(new CtiCommand.SetDisposition("s0", id, "Maybe", null, null));
                JsonNode refused = desk.await("Error", LIMIT);
                assertEquals("INVALID_DISPOSITION", refused.path("code").asText());
                assertTrue(refused.path("message").asText().contains("'Maybe'"), refused.toString());
                desk.send(new CtiCommand.SetDisposition("s1", id, "Rejected", true, "asked us not to call"));
                JsonNode disposition = desk.await("DispositionSet", LIMIT);
                assertEquals("Rejected", disposition.path("dispositionCode").asText());
                assertTrue(disposition.path("doNotCall").asBoolean());
                desk.send(new CtiCommand.MarkDone("d1", id));
                assertEquals("WRONG_PARTY", desk.await("InteractionDone", LIMIT).path("callResult").asText());
                JsonNode next = desk.await("InteractionPreview", LIMIT);
                assertEquals("2005550102", next.path("interaction").path("record").path("contact_info").asText());
                assertTrue(contact.awaitExit(LIMIT).passed(), "the contact's scenario completed");

                desk.send(new CtiCommand.Decline("x", ixOf(next), "later"));
                assertEquals("later", desk.await("InteractionDeclined", LIMIT).path("reason").asText());
                Await.until(LIMIT, "agent back to NotReady", () -> "NotReady".equals(stateQuietly(gw)));
            }
            Await.until(LIMIT, "second record back to Ready",
                    () -> gw.records("pv").get(1).status() == RecordStatus.READY);
            CallingRecord called = gw.records("pv").get(0);
            assertEquals(RecordStatus.UPDATED, called.status());
            assertEquals(CallResult.WRONG_PARTY, called.callResult());
            assertEquals(1, called.attempt());
            assertEquals("ann", called.agentId());
            assertEquals(0, gw.records("pv").get(1).attempt());
            List<ContactHistoryEntry> history = gw.gateway().store().ledger().history(called.recordId());
            assertEquals(1, history.size());
            assertEquals("Rejected", history.get(0).dispositionCode());
            assertEquals("asked us not to call", history.get(0).note());
            assertEquals(CallResult.WRONG_PARTY, history.get(0).callResult());
            assertTrue(history.get(0).doNotCall());
            assertTrue(gw.gateway().store().doNotCall().list().stream()
                    .anyMatch(e -> e.phone().equals("2005550101") && "pv".equals(e.campaign())));
        }
    }

    @Test
    void declinedDoNotCallIsCancelledAndNeverDialedAgain() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-busy.xml").calls(2).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS, CAMPAIGN)) {
            gw.uploadAndStart("pv", "contact_info\n3005550101\n3005550102\n");
            try (CtiClient desk = login(gw, null)) {
                JsonNode first = getRecord(desk, "g1");
                assertEquals("3005550101", first.path("interaction").path("record").path("contact_info").asText());
                desk.send(new CtiCommand.Decline("x1", ixOf(first), "do_not_call"));
                desk.await("InteractionDeclined", LIMIT);

                for (int i = 0; i < 2; i++) {
                    // Declined "later", the other record comes back; the cancelled one never does.
                    JsonNode again = getRecord(desk, "g" + (i + 2));
                    assertEquals("3005550102", again.path("interaction").path("record").path("contact_info")
                            .asText());
                    desk.send(new CtiCommand.Decline("y" + i, ixOf(again), "later"));
                    desk.await("InteractionDeclined", LIMIT);
                }
                desk.send(new CtiCommand.Decline("bad", "pv-1", "x"));
                assertEquals("UNKNOWN_INTERACTION", desk.await("Error", LIMIT).path("code").asText());
            }
            CallingRecord cancelled = gw.records("pv").get(0);
            assertEquals(RecordStatus.CANCELLED, cancelled.status());
            assertEquals(CallResult.CANCEL_RECORD, cancelled.callResult());
            assertEquals(0, cancelled.attempt());
            Sipp.Result contacts = contact.stop();
            assertEquals(0, contacts.successful() + contacts.failed(), "no contact was ever dialed");
        }
    }

    @Test
    void busyContactIsReleasedAndDoneAndStopGivesNoNextRecord() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-busy.xml").calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS, CAMPAIGN)) {
            gw.uploadAndStart("pv", "contact_info\n4865550101\n4865550102\n");
            try (CtiClient desk = login(gw, phone)) {
                desk.send(new CtiCommand.Ready("rd"));
                desk.await("AgentStateChanged", LIMIT);
                String id = ixOf(getRecord(desk, "g1"));
                desk.send(new CtiCommand.Call("c1", id));
                JsonNode released = desk.await("InteractionReleased", LIMIT);
                assertEquals("BUSY", released.path("interaction").path("callResult").asText());
                desk.send(new CtiCommand.Call("c2", id));
                assertEquals("NOT_ALLOWED", desk.await("Error", LIMIT).path("code").asText());
                desk.send(new CtiCommand.DoneAndStop("d1", id));
                assertEquals("BUSY", desk.await("InteractionDone", LIMIT).path("callResult").asText());
                // A fence: anything Done would have sent comes before this answer.
                Await.until(LIMIT, "agent Ready again", () -> "Ready".equals(stateQuietly(gw)));
                desk.send(new CtiCommand.GetMyCampaigns("fence"));
                desk.await("MyCampaigns", LIMIT);
                assertEquals(1, desk.types().stream().filter("InteractionPreview"::equals).count());
                assertFalse(desk.types().contains("NoRecord"));
            }
            List<CallingRecord> records = gw.records("pv");
            assertEquals(CallResult.BUSY, records.get(0).callResult());
            assertEquals(RecordStatus.READY, records.get(1).status());
        }
    }

    static String stateQuietly(GatewayHarness gw) {
        try {
            return agentState(gw);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
