package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.ContactHistoryEntry;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Callbacks scheduled by a desktop over the real WebSocket, delivered a few seconds later over real SIP. */
class CallbackIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static String inNewYork(long secondsFromNow) {
        return LocalDateTime.now(NEW_YORK).plusSeconds(secondsFromNow).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void aPastCallbackIsRefusedAndBlocksDoneThenANearOneIsDeliveredAsCallback() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), PreviewCampaignIT.AGENTS,
                     PreviewCampaignIT.CAMPAIGN)) {
            gw.uploadAndStart("pv", "contact_info,tz,daily_from,daily_till\n2005550111,America/New_York,0,86400\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, phone)) {
                String ix = PreviewCampaignIT.ixOf(PreviewCampaignIT.getRecord(desk, "g1"));
                desk.send(new CtiCommand.Call("c1", ix));
                desk.await("InteractionReleased", LIMIT);

                desk.send(new CtiCommand.ScheduleCallback("s1", ix, inNewYork(-3600), null, null, null));
                JsonNode refused = desk.await("Error", LIMIT);
                assertEquals("INVALID_CALLBACK", refused.path("code").asText());
                assertTrue(refused.path("message").asText().contains("in the past"), refused.toString());
                desk.send(new CtiCommand.MarkDone("d1", ix));
                JsonNode blocked = desk.await("Error", LIMIT);
                assertEquals("NOT_ALLOWED", blocked.path("code").asText());
                assertEquals("d1", blocked.path("requestId").asText());

                String due = inNewYork(4);
                desk.send(new CtiCommand.ScheduleCallback("s2", ix, due, null, null, null));
                JsonNode scheduled = desk.await("CallbackScheduled", LIMIT);
                assertEquals("Campaign", scheduled.path("callbackType").asText());
                assertEquals("America/New_York", scheduled.path("timeZone").asText());
                desk.send(new CtiCommand.DoneAndStop("d2", ix));
                desk.await("InteractionDone", LIMIT);

                desk.send(new CtiCommand.GetRecord("early", "pv"));
                assertEquals("NoRecord", desk.awaitAny(LIMIT, "NoRecord", "InteractionPreview").path("type").asText(),
                        "not before its time");
                java.time.Instant dueAt = LocalDateTime.parse(due).atZone(NEW_YORK).toInstant();
                Await.until(LIMIT, "the callback's time", () -> java.time.Instant.now().isAfter(dueAt));
                desk.send(new CtiCommand.GetRecord("g2", "pv"));
                JsonNode delivered = desk.awaitAny(LIMIT, "NoRecord", "InteractionPreview");
                assertEquals("InteractionPreview", delivered.path("type").asText(), delivered.toString());
                JsonNode interaction = delivered.path("interaction");
                assertEquals("Callback", interaction.path("caseInformation").path("Origin").asText());
                assertEquals("CAMPAIGN_CALLBACK", interaction.path("record").path("record_type").asText());
                assertEquals("2005550111", interaction.path("record").path("contact_info").asText());
            }
            CallingRecord record = gw.records("pv").get(0);
            List<ContactHistoryEntry> history = gw.gateway().store().ledger().history(record.recordId());
            assertEquals(1, history.size());
            assertEquals(RecordType.CAMPAIGN_CALLBACK, history.get(0).callbackType());
            Await.until(LIMIT, "record back in the list", () -> gw.records("pv").get(0).status() == RecordStatus.READY);
        }
    }

    @Test
    void aPersonalCallbackOnANewNumberIsDialedAgainForItsAgentInAProgressiveCampaign() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(2)
                     .timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), PreviewCampaignIT.AGENTS,
                     "  - { name: pg, dialingMode: progressive, agents: [ann], autoLoad: false }")) {
            gw.uploadAndStart("pg", "contact_info,tz,daily_from,daily_till\n2005550121,Europe/London,0,86400\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, phone)) {
                desk.send(new CtiCommand.Ready("r"));
                JsonNode first = desk.await("InteractionRinging", LIMIT);
                assertEquals("Outbound campaign call to 2005550121",
                        first.path("interaction").path("caseInformation").path("Origin").asText());
                String ix = PreviewCampaignIT.ixOf(first);
                desk.await("InteractionReleased", LIMIT);
                String due = LocalDateTime.now(ZoneId.of("Europe/London")).plusSeconds(3)
                        .truncatedTo(ChronoUnit.SECONDS).toString();
                desk.send(new CtiCommand.ScheduleCallback("s1", ix, due, true, "200-555-0122", "Mobile"));
                JsonNode scheduled = desk.await("CallbackScheduled", LIMIT);
                assertEquals("Personal", scheduled.path("callbackType").asText());
                assertEquals("2005550122", scheduled.path("phone").asText());
                desk.send(new CtiCommand.MarkDone("d1", ix));
                desk.await("InteractionDone", LIMIT);

                JsonNode again = desk.await("InteractionRinging", LIMIT);
                JsonNode interaction = again.path("interaction");
                assertEquals("Personal Callback", interaction.path("caseInformation").path("Origin").asText());
                assertEquals("2005550122", interaction.path("record").path("contact_info").asText());
                assertEquals("Mobile", interaction.path("record").path("contact_info_type").asText());
                String second = PreviewCampaignIT.ixOf(again);
                desk.await("InteractionReleased", LIMIT);
                desk.send(new CtiCommand.MarkDone("d2", second));
                desk.await("InteractionDone", LIMIT);
            }
            CallingRecord record = gw.records("pg").get(0);
            assertEquals(RecordType.PERSONAL_CALLBACK, record.recordType());
            assertEquals(2, record.attempt());
            assertEquals("ann", record.agentId());
            assertTrue(contact.awaitExit(LIMIT).passed(), "both calls reached the contact side and completed");
        }
    }
}
