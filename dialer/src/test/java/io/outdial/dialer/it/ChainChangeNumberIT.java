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
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Preview ChangeNumber to another record of the contact's chain over the real WebSocket: refused with its own code
 * for another chain's record, a finished record, a closed calling window and a do-not-call number; then accepted
 * (InteractionUpdated), and Call dials the new record's number at the SIPp contact, never the first one.
 */
class ChainChangeNumberIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    private static Map<String, CallingRecord> byPhone(GatewayHarness gw) {
        return gw.records("pv").stream().collect(Collectors.toMap(CallingRecord::contactInfo, Function.identity()));
    }

    private static void changeTo(CtiClient desk, String requestId, String ix, long recordId) {
        desk.send(new CtiCommand.ChangeNumber(requestId, ix, recordId, null, null));
    }

    private static JsonNode error(CtiClient desk, String requestId) throws InterruptedException {
        JsonNode e = desk.await("Error", LIMIT);
        assertEquals(requestId, e.path("requestId").asText(), e.toString());
        return e;
    }

    @Test
    void theAgentMovesToAnotherReadyRecordOfTheChainAndCallsItOthersAreRefusedWithTheirCode() throws Exception {
        int closedHour = (Instant.now().atZone(ZoneOffset.UTC).getHour() + 2) % 24;
        String closed = String.format("%02d:00,%02d:30", closedHour, closedHour);
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(2).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), PreviewCampaignIT.AGENTS,
                     PreviewCampaignIT.CAMPAIGN)) {
            gw.post("/api/dnc", "{\"phone\": \"2005550905\"}");
            gw.uploadAndStart("pv", "contact_info,chain_id,chain_n,tz,daily_from,daily_till\n"
                    + "2005550900,k,0,UTC,00:00,24:00\n2005550901,k,1,UTC,00:00,24:00\n"
                    + "2005550902,k,2,UTC,00:00,24:00\n2005550903,m,0,UTC,00:00,24:00\n"
                    + "2005550904,k,3,UTC," + closed + "\n2005550905,k,4,UTC,00:00,24:00\n");
            // The contact's first number was dialed already (Busy): a finished record of the chain.
            var store = gw.gateway().store();
            CallingRecord first = store.retrieveFromChain("pv", "k", Instant.now(), Duration.ZERO).orElseThrow();
            assertEquals("2005550900", first.contactInfo());
            store.complete(first.recordId(), CallResult.BUSY, Instant.now(), null);
            Map<String, CallingRecord> r = byPhone(gw);

            try (CtiClient desk = PreviewCampaignIT.login(gw, phone)) {
                JsonNode preview = PreviewCampaignIT.getRecord(desk, "g1");
                assertEquals("2005550901", PushPreviewIT.phoneOf(preview));
                String ix = PreviewCampaignIT.ixOf(preview);
                desk.send(new CtiCommand.GetContactNumbers("n1", ix));
                JsonNode numbers = desk.await("ContactNumbers", LIMIT);
                assertEquals("n1", numbers.path("requestId").asText());
                List<String> chain = new java.util.ArrayList<>();
                List<String> selectable = new java.util.ArrayList<>();
                for (JsonNode n : numbers.path("numbers")) {
                    chain.add(n.path("contactInfo").asText() + " " + n.path("status").asText());
                    if (n.path("selectable").asBoolean()) {
                        selectable.add(n.path("contactInfo").asText());
                    }
                }
                assertEquals(List.of("2005550900 UPDATED", "2005550901 RETRIEVED", "2005550902 READY",
                        "2005550904 READY", "2005550905 READY"), chain, "the contact's chain, in order: " + numbers);
                assertEquals(List.of("2005550902", "2005550905"), selectable,
                        "Ready and inside the window (the do-not-call list is checked at ChangeNumber)");

                changeTo(desk, "other-chain", ix, r.get("2005550903").recordId());
                assertEquals("NOT_IN_CHAIN", error(desk, "other-chain").path("code").asText());
                changeTo(desk, "finished", ix, r.get("2005550900").recordId());
                JsonNode finished = error(desk, "finished");
                assertEquals("RECORD_NOT_READY", finished.path("code").asText());
                assertTrue(finished.path("message").asText().contains("UPDATED"), finished.toString());
                changeTo(desk, "window", ix, r.get("2005550904").recordId());
                JsonNode window = error(desk, "window");
                assertEquals("OUTSIDE_CALLING_WINDOW", window.path("code").asText());
                assertTrue(window.path("message").asText().contains("opens at"), window.toString());
                changeTo(desk, "dnc", ix, r.get("2005550905").recordId());
                assertEquals("ON_DO_NOT_CALL_LIST", error(desk, "dnc").path("code").asText());
                desk.send(new CtiCommand.ChangeNumber("both", ix, r.get("2005550902").recordId(), "2005550999", null));
                assertEquals("INVALID", error(desk, "both").path("code").asText());
                assertEquals(RecordStatus.RETRIEVED, byPhone(gw).get("2005550901").status(), "nothing moved");

                changeTo(desk, "ok", ix, r.get("2005550902").recordId());
                JsonNode updated = desk.await("InteractionUpdated", LIMIT);
                assertEquals("ok", updated.path("requestId").asText());
                assertEquals(ix, PushPreviewIT.ix(updated), "the same interaction, with the chain's other record");
                assertEquals("2005550902", PushPreviewIT.phoneOf(updated));
                assertEquals(r.get("2005550902").recordId(),
                        updated.path("interaction").path("record").path("record_id").asLong());
                assertEquals(RecordStatus.READY, byPhone(gw).get("2005550901").status(), "the previous one is back");

                desk.send(new CtiCommand.Call("c1", ix));
                desk.await("InteractionEstablished", LIMIT);
                assertEquals("ANSWER", desk.await("InteractionReleased", LIMIT).path("interaction")
                        .path("callResult").asText());
                desk.send(new CtiCommand.DoneAndStop("d1", ix));
                desk.await("InteractionDone", LIMIT);
            }
            CallingRecord called = byPhone(gw).get("2005550902");
            assertEquals(CallResult.ANSWER, called.callResult());
            assertEquals(1, called.attempt());
            assertEquals(0, byPhone(gw).get("2005550901").attempt());
            Sipp.Result run = contact.awaitExit(LIMIT);
            assertTrue(run.passed(), run.describe());
            String invites = Files.readAllLines(run.messageFile()).stream().filter(l -> l.startsWith("INVITE sip:"))
                    .collect(Collectors.joining("\n"));
            assertTrue(invites.contains("2005550902"), invites);
            assertFalse(invites.contains("2005550901"), invites);
        }
    }
}
