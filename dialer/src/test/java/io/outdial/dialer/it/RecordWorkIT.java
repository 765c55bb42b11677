package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Working a record over the real WebSocket with real SIPp phones and contacts: Record Information edited and
 * persisted, the contact history after two attempts, a forced callback type, automatic Mark Done.
 */
class RecordWorkIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final String FIELDS = "recordFields: ["
            + "{ name: name, label: Name, type: text, required: true },"
            + "{ name: notes, label: Notes, type: text, editable: true },"
            + "{ name: vip, label: VIP, type: checkbox, editable: true },"
            + "{ name: visit, label: Visit, type: datetime, editable: true, required: true },"
            + "{ name: plan, label: Plan, type: dropdown, options: [Gold, Silver], editable: true } ]";

    /** Record fields in the order given (the gateway reports the first bad one). */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static JsonNode refusedField(CtiClient desk, String ix, String requestId, Map<String, Object> fields)
            throws InterruptedException {
        desk.send(new CtiCommand.UpdateRecordFields(requestId, ix, fields));
        JsonNode e = desk.awaitAny(LIMIT, "Error", "RecordFieldsUpdated");
        assertEquals("Error", e.path("type").asText(), e.toString());
        assertEquals("INVALID_RECORD_FIELD", e.path("code").asText(), e.toString());
        assertEquals(requestId, e.path("requestId").asText());
        return e;
    }

    private static JsonNode storedRecord(GatewayHarness gw) throws Exception {
        return GatewayHarness.JSON.readTree(gw.get("/api/campaigns/pv/records")).get(0);
    }

    private static String inLondon(long secondsFromNow) {
        return LocalDateTime.now(ZoneId.of("Europe/London")).plusSeconds(secondsFromNow)
                .truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void fieldsAreEditedAndPersistedAndTheHistoryShowsBothAttempts() throws Exception {
        String campaign = "  - { name: pv, dialingMode: preview, agents: [ann], autoLoad: false,"
                + " dispositionCodes: [Sale, NoSale], callbacks: { type: campaign }, " + FIELDS + " }";
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(2)
                     .timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), PreviewCampaignIT.AGENTS, campaign)) {
            gw.uploadAndStart("pv", "contact_info,tz,daily_from,daily_till,name,notes,vip,visit,plan\n"
                    + "2005550131,Europe/London,0,86400,Ann Lee,,false,2026-11-21T16:30,Gold\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, phone)) {
                JsonNode preview = PreviewCampaignIT.getRecord(desk, "g1");
                String ix = PreviewCampaignIT.ixOf(preview);
                JsonNode info = preview.path("interaction").path("recordInformation");
                assertEquals(5, info.size(), info.toString());
                assertEquals("Ann Lee", info.get(0).path("value").asText());
                assertFalse(info.get(0).path("editable").asBoolean());
                assertEquals("checkbox", info.get(2).path("type").asText());
                assertEquals("datetime", info.get(3).path("type").asText());
                assertEquals("[\"Gold\",\"Silver\"]", info.get(4).path("options").toString());

                assertEquals("visit", refusedField(desk, ix, "bad-date", fields("visit", "next tuesday"))
                        .path("field").asText());
                assertEquals("plan", refusedField(desk, ix, "bad-option", fields("plan", "Bronze"))
                        .path("field").asText());
                assertEquals("name", refusedField(desk, ix, "read-only", fields("name", "Bob"))
                        .path("field").asText());
                assertEquals("shoeSize", refusedField(desk, ix, "unknown", fields("shoeSize", "42"))
                        .path("field").asText());
                assertEquals("vip", refusedField(desk, ix, "partial", fields("notes", "never written", "vip", "maybe"))
                        .path("field").asText());
                JsonNode untouched = storedRecord(gw);
                assertEquals("", untouched.path("notes").asText(), "nothing of a refused edit is written");
                assertEquals("Gold", untouched.path("plan").asText());

                desk.send(new CtiCommand.UpdateRecordFields("u1", ix, fields("notes", "prefers mornings", "vip", true,
                        "visit", "2026-12-01T09:15", "plan", "Silver")));
                JsonNode updated = desk.await("RecordFieldsUpdated", LIMIT);
                assertEquals("u1", updated.path("requestId").asText());
                assertEquals("Silver", updated.path("record").path("plan").asText());
                assertEquals("true", updated.path("recordInformation").get(2).path("value").asText());
                JsonNode stored = storedRecord(gw);
                assertEquals("prefers mornings", stored.path("notes").asText());
                assertEquals("true", stored.path("vip").asText());
                assertEquals("2026-12-01T09:15", stored.path("visit").asText());
                assertEquals("Silver", stored.path("plan").asText());

                // First attempt: called, a note, a campaign callback a few seconds ahead.
                desk.send(new CtiCommand.Call("c1", ix));
                desk.await("InteractionReleased", LIMIT);
                desk.send(new CtiCommand.SetDisposition("sd1", ix, "NoSale", null, "call back"));
                desk.await("DispositionSet", LIMIT);
                desk.send(new CtiCommand.ScheduleCallback("personal", ix, inLondon(600), true, null, null));
                JsonNode forced = desk.await("Error", LIMIT);
                assertEquals("INVALID_CALLBACK", forced.path("code").asText());
                assertTrue(forced.path("message").asText().contains("only takes campaign callbacks"),
                        forced.toString());
                String due = inLondon(3);
                desk.send(new CtiCommand.ScheduleCallback("s1", ix, due, null, null, null));
                assertEquals("Campaign", desk.await("CallbackScheduled", LIMIT).path("callbackType").asText());
                desk.send(new CtiCommand.DoneAndStop("d1", ix));
                desk.await("InteractionDone", LIMIT);
                desk.send(new CtiCommand.UpdateRecordFields("late", ix, fields("notes", "too late")));
                JsonNode late = desk.await("Error", LIMIT);
                assertEquals("late", late.path("requestId").asText());
                assertEquals("prefers mornings", storedRecord(gw).path("notes").asText(),
                        "Record Information is read-only after Mark Done");

                // Second attempt: the callback, history so far, then another note and callback.
                java.time.Instant dueAt = LocalDateTime.parse(due).atZone(ZoneId.of("Europe/London")).toInstant();
                Await.until(LIMIT, "the callback's time", () -> java.time.Instant.now().isAfter(dueAt));
                JsonNode again = PreviewCampaignIT.getRecord(desk, "g2");
                String ix2 = PreviewCampaignIT.ixOf(again);
                assertEquals("Silver", again.path("interaction").path("recordInformation").get(4).path("value")
                        .asText(), "the edit is in the record the next agent sees");
                desk.send(new CtiCommand.GetContactHistory("h1", ix2));
                JsonNode history = desk.await("ContactHistory", LIMIT);
                assertEquals(1, history.path("entries").size(), history.toString());
                assertEquals("call back", history.path("entries").get(0).path("note").asText());
                desk.send(new CtiCommand.Call("c2", ix2));
                desk.await("InteractionReleased", LIMIT);
                desk.send(new CtiCommand.SetDisposition("sd2", ix2, "Sale", null, "bought Silver"));
                desk.await("DispositionSet", LIMIT);
                String due2 = inLondon(3);
                desk.send(new CtiCommand.ScheduleCallback("s2", ix2, due2, null, null, null));
                desk.await("CallbackScheduled", LIMIT);
                desk.send(new CtiCommand.DoneAndStop("d2", ix2));
                desk.await("InteractionDone", LIMIT);

                java.time.Instant dueAt2 = LocalDateTime.parse(due2).atZone(ZoneId.of("Europe/London")).toInstant();
                Await.until(LIMIT, "the second callback's time", () -> java.time.Instant.now().isAfter(dueAt2));
                String ix3 = PreviewCampaignIT.ixOf(PreviewCampaignIT.getRecord(desk, "g3"));
                desk.send(new CtiCommand.GetContactHistory("h2", ix3));
                JsonNode both = desk.await("ContactHistory", LIMIT);
                assertEquals("h2", both.path("requestId").asText());
                JsonNode entries = both.path("entries");
                assertEquals(2, entries.size(), both.toString());
                assertEquals("ann", entries.get(0).path("agentId").asText());
                assertEquals("NoSale", entries.get(0).path("dispositionCode").asText());
                assertEquals(ix, entries.get(0).path("interactionId").asText());
                assertEquals("CAMPAIGN_CALLBACK", entries.get(0).path("callbackType").asText());
                assertEquals("Sale", entries.get(1).path("dispositionCode").asText());
                assertEquals("bought Silver", entries.get(1).path("note").asText());
                assertEquals(ix2, entries.get(1).path("interactionId").asText());
                assertFalse(entries.get(1).path("at").asText().isEmpty());
                assertFalse(entries.get(1).path("callResult").asText().isEmpty());
            }
            assertTrue(contact.awaitExit(LIMIT).passed(), "both calls reached the contact and completed");
        }
    }

    @Test
    void markDoneIsDoneForTheAgentWhenTheCallEnds() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), PreviewCampaignIT.AGENTS,
                     "  - { name: pg, dialingMode: progressive, agents: [ann], autoLoad: false, markDone: on_end }")) {
            gw.uploadAndStart("pg", "contact_info\n2005550141\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, phone)) {
                desk.send(new CtiCommand.Ready("r"));
                String ix = PreviewCampaignIT.ixOf(desk.await("InteractionRinging", LIMIT));
                desk.await("InteractionReleased", LIMIT);
                JsonNode done = desk.await("InteractionDone", LIMIT);
                assertEquals(ix, done.path("interactionId").asText());
                Await.until(LIMIT, "agent Ready again", () -> {
                    try {
                        return "Ready".equals(PreviewCampaignIT.agentState(gw));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertEquals(1, gw.gateway().store().ledger().history(gw.records("pg").get(0).recordId()).size());
            }
        }
    }

    @Test
    void onDispositionMarkDoneWaitsForTheDisposition() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), PreviewCampaignIT.AGENTS,
                     "  - { name: pg, dialingMode: progressive, agents: [ann], autoLoad: false,"
                             + " dispositionCodes: [Sale], markDone: on_disposition }")) {
            gw.uploadAndStart("pg", "contact_info\n2005550151\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, phone)) {
                desk.send(new CtiCommand.Ready("r"));
                String ix = PreviewCampaignIT.ixOf(desk.await("InteractionRinging", LIMIT));
                desk.await("InteractionReleased", LIMIT);
                // An observation window, not a wait for a condition: nothing may mark the interaction Done by itself.
                Thread.sleep(500);
                assertEquals("AfterCallWork", PreviewCampaignIT.agentState(gw), "no disposition yet: still wrapping up");
                desk.send(new CtiCommand.SetDisposition("sd", ix, "Sale", null, null));
                desk.await("DispositionSet", LIMIT);
                JsonNode done = desk.await("InteractionDone", LIMIT);
                assertEquals(ix, done.path("interactionId").asText());
                assertEquals("Sale", gw.gateway().store().ledger().history(gw.records("pg").get(0).recordId()).get(0)
                        .dispositionCode());
            }
        }
    }
}
