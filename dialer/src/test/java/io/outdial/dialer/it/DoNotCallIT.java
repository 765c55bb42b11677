package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.ContactHistoryEntry;
import io.outdial.sip.testing.Sipp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Do-not-call checks end to end: the internal list (by phone and by customer id, through the admin API) and a real
 * pre-dial validation service (an HTTP server on loopback answering 200, 409, or too late), with real SIPp contacts
 * that must never see an INVITE for a refused number, and a real desktop that gets the seed's messages.
 */
class DoNotCallIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    /** The validation service: numbers ending 09 are on the registry (409), 08 answer too late, others 200. */
    private HttpServer service;
    private ExecutorService serviceThreads;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startService() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serviceThreads = Executors.newCachedThreadPool();
        service.setExecutor(serviceThreads);
        service.createContext("/check", exchange -> {
            JsonNode body = GatewayHarness.JSON.readTree(exchange.getRequestBody().readAllBytes());
            String phone = body.path("phone").asText();
            asked.add(phone);
            int status = 200;
            if (phone.endsWith("09")) {
                status = 409;
            } else if (phone.endsWith("08")) {
                try {
                    Thread.sleep(3000); // past the gateway's validationTimeout, on this server's own thread
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        service.start();
    }

    @AfterEach
    void stopService() {
        service.stop(0);
        serviceThreads.shutdownNow();
    }

    private String dnc() {
        return "dnc: { validationUrl: 'http://127.0.0.1:" + service.getAddress().getPort()
                + "/check', validationTimeout: 500ms }";
    }

    private static Map<String, CallingRecord> byPhone(List<CallingRecord> records) {
        return records.stream().collect(Collectors.toMap(CallingRecord::contactInfo, Function.identity()));
    }

    private static String invites(Sipp.Result run) throws IOException {
        return Files.readAllLines(run.messageFile()).stream().filter(l -> l.startsWith("INVITE sip:"))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void progressiveNeverDialsAListedNumberOrCustomerNorARefusedOrUnvalidatedOne() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(),
                     "  - { id: agent1, phone: \"" + phone.uri("agent1") + "\", autoReady: true, wrapUp: 0s }",
                     "  - { name: dn, dialingMode: progressive, agents: [agent1], autoLoad: false, " + dnc() + " }")) {
            gw.post("/api/dnc", "{\"phone\": \"200-555-0101\"}");
            gw.post("/api/dnc", "{\"customerId\": \"C-2\", \"campaign\": \"dn\"}");
            gw.uploadAndStart("dn", "contact_info,customer_id\n2005550101,C-1\n2005550102,C-2\n2005550109,C-3\n"
                    + "2005550108,C-4\n2005550103,C-5\n");

            Map<String, CallingRecord> r = byPhone(gw.awaitAllUpdated("dn", LIMIT));
            assertEquals(CallResult.ANSWER, r.get("2005550103").callResult());
            assertEquals(1, r.get("2005550103").attempt());
            for (String refused : List.of("2005550101", "2005550102", "2005550109", "2005550108")) {
                assertEquals(CallResult.DO_NOT_CALL, r.get(refused).callResult(), refused);
                assertEquals(0, r.get(refused).attempt(), refused + " was never dialed");
            }
            assertFalse(asked.contains("2005550101"), "a listed number is refused before the service is asked");
            assertFalse(asked.contains("2005550102"), "a listed customer is refused before the service is asked");
            assertTrue(asked.containsAll(List.of("2005550109", "2005550108", "2005550103")), asked.toString());

            Sipp.Result run = contact.awaitExit(LIMIT);
            assertTrue(run.passed(), run.describe());
            String invites = invites(run);
            assertTrue(invites.contains("2005550103"), invites);
            for (String refused : List.of("2005550101", "2005550102", "2005550109", "2005550108")) {
                assertFalse(invites.contains(refused), refused + " got an INVITE: " + invites);
            }
            JsonNode list = GatewayHarness.JSON.readTree(gw.get("/api/dnc"));
            assertEquals("C-2", list.get(1).path("customerId").asText());
        }
    }

    @Test
    void previewAgentGetsTheSeedsMessagesTheChainsNextNumberAndMarksDoneTheOthers() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer.xml").calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), PreviewCampaignIT.AGENTS,
                     "  - { name: pv, dialingMode: preview, agents: [ann], autoLoad: false, " + dnc() + " }")) {
            gw.uploadAndStart("pv", "contact_info,chain_id,chain_n\n2005550209,k,1\n2005550201,k,2\n"
                    + "2005550309,,0\n2005550308,,0\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, null)) {
                desk.send(new CtiCommand.GetRecord("g1", "pv"));
                JsonNode notice = desk.await("DoNotCallNotice", LIMIT);
                assertEquals("on_list", notice.path("reason").asText());
                assertTrue(notice.path("nextNumberSelected").asBoolean());
                assertEquals("2005550209", notice.path("contactInfo").asText());
                assertEquals("The phone number is on the Do-Not-Call list. The next available phone number will be"
                        + " selected.", notice.path("message").asText());
                JsonNode preview = desk.await("InteractionPreview", LIMIT);
                assertEquals("2005550201", preview.path("interaction").path("record").path("contact_info").asText(),
                        "the interaction goes on with the contact's next number");
                desk.send(new CtiCommand.Decline("d1", PreviewCampaignIT.ixOf(preview), "do_not_call"));
                desk.await("InteractionDeclined", LIMIT);

                desk.send(new CtiCommand.GetRecord("g2", "pv"));
                notice = desk.await("DoNotCallNotice", LIMIT);
                assertEquals("2005550309", notice.path("contactInfo").asText());
                assertFalse(notice.path("nextNumberSelected").asBoolean());
                assertEquals("The phone number is on the Do-Not-Call list", notice.path("message").asText());
                String held = notice.path("interactionId").asText();
                assertEquals(held, PreviewCampaignIT.ixOf(desk.await("InteractionReleased", LIMIT)));
                desk.send(new CtiCommand.MarkDone("m1", held));
                assertEquals("DO_NOT_CALL", desk.await("InteractionDone", LIMIT).path("callResult").asText());

                // Done gives the next record: the service does not answer in time.
                notice = desk.await("DoNotCallNotice", LIMIT);
                assertEquals("2005550308", notice.path("contactInfo").asText());
                assertEquals("cannot_validate", notice.path("reason").asText());
                assertEquals("The phone number cannot be validated (Do-Not-Call list service is unavailable).",
                        notice.path("message").asText());
                desk.send(new CtiCommand.MarkDone("m2", notice.path("interactionId").asText()));
                desk.await("InteractionDone", LIMIT);
                assertEquals("m2", desk.await("NoRecord", LIMIT).path("requestId").asText());
            }
            Map<String, CallingRecord> r = byPhone(gw.records("pv"));
            for (String refused : List.of("2005550209", "2005550309", "2005550308")) {
                assertEquals(CallResult.DO_NOT_CALL, r.get(refused).callResult(), refused);
                assertEquals(0, r.get(refused).attempt(), refused);
            }
            assertEquals(RecordStatus.CANCELLED, r.get("2005550201").status());
            Sipp.Result run = contact.stop();
            assertEquals("", invites(run), "no contact was dialed");
        }
    }

    @Test
    void internalListHitsGiveThePreviewAgentTheSeedsMessagesToo() throws Exception {
        String callbackAt = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusDays(1)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        try (Sipp contact = Sipp.scenario("uas-answer.xml").calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), PreviewCampaignIT.AGENTS,
                     "  - { name: pv, dialingMode: preview, agents: [ann], autoLoad: false,"
                             + " dispositionCodes: [WrongPerson] }")) {
            gw.post("/api/dnc", "{\"phone\": \"2005550401\"}");
            gw.post("/api/dnc", "{\"phone\": \"2005550403\", \"campaign\": \"pv\"}");
            gw.uploadAndStart("pv", "contact_info,chain_id,chain_n\n2005550401,k,1\n2005550402,k,2\n"
                    + "2005550403,,0\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, null)) {
                desk.send(new CtiCommand.GetRecord("g1", "pv"));
                JsonNode notice = desk.await("DoNotCallNotice", LIMIT);
                assertEquals("g1", notice.path("requestId").asText());
                assertEquals("2005550401", notice.path("contactInfo").asText());
                assertEquals("on_list", notice.path("reason").asText());
                assertEquals("The phone number is on the Do-Not-Call list. The next available phone number will be"
                        + " selected.", notice.path("message").asText());
                JsonNode preview = desk.await("InteractionPreview", LIMIT);
                assertEquals("2005550402", preview.path("interaction").path("record").path("contact_info").asText());
                desk.send(new CtiCommand.Decline("d1", PreviewCampaignIT.ixOf(preview), "do_not_call"));
                desk.await("InteractionDeclined", LIMIT);

                desk.send(new CtiCommand.GetRecord("g2", "pv"));
                notice = desk.await("DoNotCallNotice", LIMIT);
                assertEquals("2005550403", notice.path("contactInfo").asText());
                assertFalse(notice.path("nextNumberSelected").asBoolean());
                assertEquals("The phone number is on the Do-Not-Call list", notice.path("message").asText());
                String held = notice.path("interactionId").asText();
                assertEquals(held, PreviewCampaignIT.ixOf(desk.await("InteractionReleased", LIMIT)));
                // A disposition, a note and a callback on another number, set on the refused record, are written.
                desk.send(new CtiCommand.SetDisposition("sd", held, "WrongPerson", null, "call the office"));
                desk.await("DispositionSet", LIMIT);
                desk.send(new CtiCommand.ScheduleCallback("cb", held, "" + callbackAt + "Z", null, "2005550499", "Direct Business", null, null));
                desk.await("CallbackScheduled", LIMIT);
                desk.send(new CtiCommand.MarkDone("m1", held));
                assertEquals("DO_NOT_CALL", desk.await("InteractionDone", LIMIT).path("callResult").asText());
                assertEquals("m1", desk.await("NoRecord", LIMIT).path("requestId").asText());
            }
            CallingRecord callback = byPhone(gw.records("pv")).get("2005550499");
            assertEquals(RecordStatus.READY, callback.status(), "the refused record is a callback on the new number");
            assertEquals(RecordType.CAMPAIGN_CALLBACK, callback.recordType());
            assertEquals(Instant.parse(callbackAt + ":00Z"), callback.dialSchedTime());
            List<ContactHistoryEntry> history = gw.gateway().store().ledger().history(callback.recordId());
            assertEquals(1, history.size(), history.toString());
            assertEquals("WrongPerson", history.get(0).dispositionCode());
            assertEquals("call the office", history.get(0).note());
            assertEquals(CallResult.DO_NOT_CALL, history.get(0).callResult());
            Map<String, CallingRecord> r = byPhone(gw.records("pv"));
            for (String refused : List.of("2005550401")) {
                assertEquals(CallResult.DO_NOT_CALL, r.get(refused).callResult(), refused);
                assertEquals(0, r.get(refused).attempt(), refused);
            }
            assertEquals("", invites(contact.stop()), "no contact was dialed");
        }
    }

    @Test
    void pushPreviewAgentTheRecordsWereMeantForIsToldAndTheirTreatmentsApply() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer.xml").calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), PreviewCampaignIT.AGENTS,
                     "  - { name: pp, dialingMode: push_preview, agents: [ann], autoLoad: false, " + dnc()
                             + ", treatments: [{ result: do_not_call, action: cancel }] }")) {
            gw.post("/api/dnc", "{\"phone\": \"2005550501\"}");
            // The treatment cancels a refused record and ends its chain (2005550502 is never offered).
            gw.uploadAndStart("pp", "contact_info,chain_id,chain_n\n2005550501,k,1\n2005550502,k,2\n"
                    + "2005550509,,0\n2005550503,,0\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, null)) {
                desk.send(new CtiCommand.OutboundPreviewReady("op"));
                JsonNode listed = desk.await("DoNotCallNotice", LIMIT);
                assertTrue(listed.path("requestId").isNull() || listed.path("requestId").isMissingNode(),
                        listed.toString());
                assertEquals("pp", listed.path("campaign").asText());
                assertEquals("2005550501", listed.path("contactInfo").asText());
                assertFalse(listed.path("nextNumberSelected").asBoolean(), "the treatment ended the chain");
                assertEquals("The phone number is on the Do-Not-Call list", listed.path("message").asText());
                JsonNode registry = desk.await("DoNotCallNotice", LIMIT);
                assertEquals("2005550509", registry.path("contactInfo").asText());
                assertEquals("on_list", registry.path("reason").asText());
                JsonNode offered = desk.await("InteractionPreview", LIMIT);
                assertEquals("2005550503", PushPreviewIT.phoneOf(offered));
            }
            Map<String, CallingRecord> r = byPhone(gw.records("pp"));
            for (String refused : List.of("2005550501", "2005550509")) {
                assertEquals(CallResult.DO_NOT_CALL, r.get(refused).callResult(), refused);
                assertEquals(RecordStatus.CANCELLED, r.get(refused).status(), refused + ": the treatment applied");
                assertEquals(0, r.get(refused).attempt(), refused);
            }
            assertEquals(RecordStatus.CHAIN_UPDATED, r.get("2005550502").status());
            assertFalse(asked.contains("2005550501"), "a listed number is refused before the service is asked");
            assertEquals("", invites(contact.stop()), "no contact was dialed");
        }
    }

    @Test
    void directPushPreviewAgentIsToldOfAListedRecordBeforeTheNextOneIsDelivered() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer.xml").calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), PreviewCampaignIT.AGENTS,
                     "  - { name: dp, dialingMode: direct_push_preview, agents: [ann], autoLoad: false }")) {
            gw.post("/api/dnc", "{\"customerId\": \"C-9\", \"campaign\": \"dp\"}");
            gw.uploadAndStart("dp", "contact_info,customer_id,chain_id,chain_n\n2005550611,C-9,j,0\n"
                    + "2005550612,C-1,j,1\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, null)) {
                desk.send(new CtiCommand.GetRecord("g1", "dp"));
                desk.await("RecordDeliveryChanged", LIMIT);
                JsonNode notice = desk.await("DoNotCallNotice", LIMIT);
                assertEquals("dp", notice.path("campaign").asText());
                assertEquals("2005550611", notice.path("contactInfo").asText());
                assertTrue(notice.path("nextNumberSelected").asBoolean());
                assertEquals("The phone number is on the Do-Not-Call list. The next available phone number will be"
                        + " selected.", notice.path("message").asText());
                JsonNode offered = desk.await("InteractionPreview", LIMIT);
                assertEquals("2005550612", PushPreviewIT.phoneOf(offered), "the chain's next number is delivered");
            }
            assertEquals(CallResult.DO_NOT_CALL, byPhone(gw.records("dp")).get("2005550611").callResult());
            assertEquals("", invites(contact.stop()), "no contact was dialed");
        }
    }
}
