package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Preview with timed auto-dial over a real WebSocket desktop, real SIPp agent phone and contact: the countdown
 * dials on its own, PauseAutoDial holds it, ChangeNumber dials an "other phone number" stored on the record.
 */
class PreviewAutoDialIT {
    static final Duration LIMIT = PreviewCampaignIT.LIMIT;
    static final String CAMPAIGN = "  - { name: pv, dialingMode: preview, agents: [ann], autoLoad: false,"
            + " preview: { autoDial: timed, autoDialAfter: 2s } }";

    @Test
    void timedAutoDialFiresPauseHoldsItAndChangeNumberDialsTheOtherNumber() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-busy.xml").calls(2).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), PreviewCampaignIT.AGENTS, CAMPAIGN)) {
            gw.uploadAndStart("pv", "contact_info\n5005550101\n5005550102\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, phone)) {
                JsonNode first = PreviewCampaignIT.getRecord(desk, "g1");
                assertEquals(2, first.path("autoDialIn").asInt(), first.toString());
                // No Call: the countdown dials (when, to the millisecond, is AutoDialCountdownTest's).
                JsonNode ringing = desk.await("InteractionRinging", LIMIT);
                assertEquals("5005550101", ringing.path("interaction").path("record").path("contact_info").asText());
                String id = PreviewCampaignIT.ixOf(first);
                assertEquals("BUSY", desk.await("InteractionReleased", LIMIT).path("interaction")
                        .path("callResult").asText());
                desk.send(new CtiCommand.PauseAutoDial("late", id));
                assertEquals("NOT_ALLOWED", desk.await("Error", LIMIT).path("code").asText());
                desk.send(new CtiCommand.MarkDone("d1", id));
                desk.await("InteractionDone", LIMIT);

                JsonNode second = desk.await("InteractionPreview", LIMIT);
                assertEquals(2, second.path("autoDialIn").asInt());
                String id2 = PreviewCampaignIT.ixOf(second);
                desk.send(new CtiCommand.PauseAutoDial("p1", id2));
                assertEquals(id2, desk.await("AutoDialPaused", LIMIT).path("interactionId").asText());
                Thread.sleep(3_000); // longer than the countdown: paused, nothing is dialed
                desk.send(new CtiCommand.GetMyCampaigns("fence"));
                desk.await("MyCampaigns", LIMIT);
                assertEquals(1, desk.types().stream().filter("InteractionRinging"::equals).count());
                assertEquals(0, gw.gateway().userAgent().activeLegs());

                desk.send(new CtiCommand.ChangeNumber("n0", id2, null, "12", null));
                assertEquals("INVALID", desk.await("Error", LIMIT).path("code").asText());
                desk.send(new CtiCommand.ChangeNumber("n1", id2, null, "500-555-0199", "Mobile"));
                JsonNode changed = desk.await("InteractionPreview", LIMIT);
                assertEquals("n1", changed.path("requestId").asText());
                assertEquals("5005550199", changed.path("interaction").path("record").path("contact_info").asText());
                assertEquals("Mobile", changed.path("interaction").path("record").path("contact_info_type")
                        .asText());
                assertEquals(2, changed.path("autoDialIn").asInt(), "the countdown starts again");
                JsonNode ringing2 = desk.await("InteractionRinging", LIMIT);
                assertEquals("5005550199", ringing2.path("interaction").path("record").path("contact_info")
                        .asText());
                assertEquals("BUSY", desk.await("InteractionReleased", LIMIT).path("interaction")
                        .path("callResult").asText());
                desk.send(new CtiCommand.DoneAndStop("d2", id2));
                desk.await("InteractionDone", LIMIT);
            }
            Sipp.Result contacts = contact.awaitExit(LIMIT);
            assertEquals(2, contacts.successful(), "the contact side saw both dials");
            String seen = java.nio.file.Files.readString(contacts.messageFile());
            assertTrue(seen.contains("INVITE sip:5005550101@"), "first dial on the record's number");
            assertTrue(seen.contains("INVITE sip:5005550199@"), "second dial on the other phone number");
            List<CallingRecord> records = gw.records("pv");
            assertEquals("5005550101", records.get(0).contactInfo());
            CallingRecord other = records.get(1);
            assertEquals("5005550199", other.contactInfo());
            assertEquals("Mobile", other.contactInfoType());
            assertEquals(1, other.attempt());
            assertEquals(RecordStatus.UPDATED, other.status());
        }
    }
}
