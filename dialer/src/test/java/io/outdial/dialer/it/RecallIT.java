package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A preview record dialed again after its call ended, over the real WebSocket with SIPp phone and contact: Recall on
 * the same number, ChangeNumber to an other phone number (a do-not-call one refused first), ChangeNumber to another
 * record of the chain; each attempt is counted on its record and the contact sees each number in that order.
 */
class RecallIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    private static CallingRecord record(GatewayHarness gw, long id) {
        return gw.records("pv").stream().filter(r -> r.recordId() == id).findFirst().orElseThrow();
    }

    private static long recordIdOf(JsonNode event) {
        return event.path("interaction").path("record").path("record_id").asLong();
    }

    private static void talkAndHangUp(CtiClient desk) throws InterruptedException {
        desk.await("InteractionEstablished", LIMIT);
        assertEquals("ANSWER", desk.await("InteractionReleased", LIMIT).path("interaction").path("callResult")
                .asText());
    }

    private static JsonNode error(CtiClient desk, String requestId) throws InterruptedException {
        JsonNode e = desk.await("Error", LIMIT);
        assertEquals(requestId, e.path("requestId").asText(), e.toString());
        return e;
    }

    @Test
    void recallAndChangeNumberAfterTheCallDialTheContactAgainAndCountEachAttempt() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(4).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(4).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), PreviewCampaignIT.AGENTS,
                     PreviewCampaignIT.CAMPAIGN)) {
            gw.post("/api/dnc", "{\"phone\": \"2005550998\"}");
            gw.uploadAndStart("pv", "contact_info,chain_id,chain_n,tz,daily_from,daily_till\n"
                    + "2005550910,k,0,UTC,00:00,24:00\n2005550911,k,1,UTC,00:00,24:00\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, phone)) {
                JsonNode preview = PreviewCampaignIT.getRecord(desk, "g1");
                String ix = PreviewCampaignIT.ixOf(preview);
                long first = recordIdOf(preview);
                CtiCommand call = new CtiCommand.Call("c", ix);
                CtiCommand recall = new CtiCommand.Recall("r", ix);

                desk.send(recall);
                assertTrue(error(desk, "r").path("message").asText().contains("use Call"), "not called yet");
                // An other phone number chosen before Call is screened at Call: a listed one is never dialed.
                desk.send(new CtiCommand.ChangeNumber("pre", ix, null, "2005550998", null));
                assertEquals("2005550998", PushPreviewIT.phoneOf(desk.await("InteractionPreview", LIMIT)));
                desk.send(call);
                JsonNode notice = desk.await("DoNotCallNotice", LIMIT);
                assertEquals(ix, notice.path("interactionId").asText(), notice.toString());
                assertEquals("on_list", notice.path("reason").asText(), notice.toString());
                desk.send(new CtiCommand.ChangeNumber("back", ix, null, "2005550910", null));
                assertEquals("2005550910", PushPreviewIT.phoneOf(desk.await("InteractionPreview", LIMIT)));
                desk.send(call);
                talkAndHangUp(desk);

                desk.send(recall);
                talkAndHangUp(desk);
                // The desktop hears of the end before the result's write lands on the database pool.
                Await.until(LIMIT, "the recall's result written", () -> record(gw, first).attempt() == 2);
                assertEquals(2, record(gw, first).attempt(), "the recall is a second attempt on the same record");

                desk.send(new CtiCommand.ChangeNumber("dnc", ix, null, "2005550998", "Mobile"));
                assertEquals("ON_DO_NOT_CALL_LIST", error(desk, "dnc").path("code").asText());
                assertEquals(RecordStatus.UPDATED, record(gw, first).status(), "a refusal changes nothing");

                desk.send(new CtiCommand.ChangeNumber("other", ix, null, "2005550999", "Mobile"));
                JsonNode again = desk.await("InteractionPreview", LIMIT);
                assertEquals("other", again.path("requestId").asText());
                assertEquals("2005550999", PushPreviewIT.phoneOf(again));
                assertEquals(RecordStatus.RETRIEVED, record(gw, first).status());
                desk.send(call);
                talkAndHangUp(desk);
                Await.until(LIMIT, "the third call's result written", () -> record(gw, first).attempt() >= 3);
                assertEquals(3, record(gw, first).attempt());

                long second = gw.records("pv").stream().filter(r -> r.recordId() != first).findFirst().orElseThrow()
                        .recordId();
                desk.send(new CtiCommand.ChangeNumber("chain", ix, second, null, null));
                JsonNode chained = desk.await("InteractionPreview", LIMIT);
                assertEquals("chain", chained.path("requestId").asText());
                assertEquals(second, recordIdOf(chained));
                assertEquals("2005550911", PushPreviewIT.phoneOf(chained));
                desk.send(call);
                talkAndHangUp(desk);
                desk.send(new CtiCommand.DoneAndStop("d1", ix));
                desk.await("InteractionDone", LIMIT);
            }
            CallingRecord a = record(gw, gw.records("pv").stream().filter(r -> r.chainN() == 0).findFirst()
                    .orElseThrow().recordId());
            assertEquals(CallResult.ANSWER, a.callResult());
            assertEquals(RecordStatus.UPDATED, a.status(), "left for the chain's other record, treated as done");
            assertEquals("2005550999", a.contactInfo());
            CallingRecord b = gw.records("pv").stream().filter(r -> r.chainN() == 1).findFirst().orElseThrow();
            assertEquals(1, b.attempt());
            assertEquals(CallResult.ANSWER, b.callResult());
            Sipp.Result run = contact.awaitExit(LIMIT);
            assertTrue(run.passed(), run.describe());
            List<String> dialed = Files.readAllLines(run.messageFile()).stream()
                    .filter(l -> l.startsWith("INVITE sip:")).map(l -> l.substring(11, 21))
                    .collect(Collectors.toList());
            assertEquals(List.of("2005550910", "2005550910", "2005550999", "2005550911"), dialed);
        }
    }
}
