package io.outdial.bridge.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CtiCodecTest {
    private final CtiCodec codec = new CtiCodec();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void loginParsesWithAllFields() {
        CtiCommand c = codec.decode("""
                {"type":"Login","requestId":"r1","agentId":"agent1","secret":"s3cret","phone":"sip:agent1@10.0.0.5"}""");
        assertEquals(new CtiCommand.Login("r1", "agent1", "s3cret", "sip:agent1@10.0.0.5"), c);
    }

    @Test
    void loginWithoutPhoneLeavesItToTheDialer() {
        assertEquals(new CtiCommand.Login(null, "agent1", "s", null),
                codec.decode("{\"type\":\"Login\",\"agentId\":\"agent1\",\"secret\":\"s\"}"));
    }

    @Test
    void everyOtherCommandParses() {
        assertEquals(new CtiCommand.Ready("r2"), codec.decode("{\"type\":\"Ready\",\"requestId\":\"r2\"}"));
        assertEquals(new CtiCommand.NotReady(null, "Lunch"),
                codec.decode("{\"type\":\"NotReady\",\"reason\":\"Lunch\"}"));
        assertEquals(new CtiCommand.NotReady(null, null), codec.decode("{\"type\":\"NotReady\"}"));
        assertEquals(new CtiCommand.SetCallResult("r3", "ix-1", "NO_ANSWER"), codec.decode(
                "{\"type\":\"SetCallResult\",\"requestId\":\"r3\",\"interactionId\":\"ix-1\",\"callResult\":\"NO_ANSWER\"}"));
        assertEquals(new CtiCommand.MarkDone(null, "ix-1"),
                codec.decode("{\"type\":\"MarkDone\",\"interactionId\":\"ix-1\"}"));
        assertEquals(new CtiCommand.Logout("r4"), codec.decode("{\"type\":\"Logout\",\"requestId\":\"r4\"}"));
    }

    @Test
    void everyDeclaredCommandTypeDecodesFromItsRequiredFields() {
        // Guards the codec's table of required fields against a command added to CtiCommand later.
        Map<String, String> minimal = Map.ofEntries(
                Map.entry("Login", "\"agentId\":\"a\",\"secret\":\"s\""),
                Map.entry("Ready", ""),
                Map.entry("NotReady", ""),
                Map.entry("SetCallResult", "\"interactionId\":\"i\",\"callResult\":\"ANSWER\""),
                Map.entry("MarkDone", "\"interactionId\":\"i\""),
                Map.entry("Logout", ""),
                Map.entry("GetMyCampaigns", ""),
                Map.entry("GetRecord", "\"campaign\":\"c\""),
                Map.entry("Call", "\"interactionId\":\"i\""),
                Map.entry("Decline", "\"interactionId\":\"i\",\"reason\":\"later\""),
                Map.entry("DoneAndStop", "\"interactionId\":\"i\""),
                Map.entry("SetDisposition", "\"interactionId\":\"i\""),
                Map.entry("ScheduleCallback", "\"interactionId\":\"i\",\"at\":\"2026-11-21T16:30\""),
                Map.entry("CancelCallback", "\"interactionId\":\"i\""),
                Map.entry("Hold", "\"interactionId\":\"i\""),
                Map.entry("Retrieve", "\"interactionId\":\"i\""),
                Map.entry("OutboundPreviewReady", ""),
                Map.entry("OutboundPreviewNotReady", ""),
                Map.entry("Accept", "\"interactionId\":\"i\""),
                Map.entry("Reject", "\"interactionId\":\"i\""),
                Map.entry("StopRecords", "\"campaign\":\"c\""),
                Map.entry("ReleaseCall", "\"interactionId\":\"i\""),
                Map.entry("Transfer", "\"interactionId\":\"i\""),
                Map.entry("Consult", "\"interactionId\":\"i\""),
                Map.entry("Conference", "\"interactionId\":\"i\""),
                Map.entry("Recall", "\"interactionId\":\"i\""),
                Map.entry("LeaveConference", "\"interactionId\":\"i\""),
                Map.entry("CompleteTransfer", "\"interactionId\":\"i\""),
                Map.entry("CompleteConference", "\"interactionId\":\"i\""),
                Map.entry("CancelConsult", "\"interactionId\":\"i\""),
                Map.entry("UpdateRecordFields", "\"interactionId\":\"i\",\"fields\":{\"Plan\":\"Gold\"}"),
                Map.entry("GetContactHistory", "\"interactionId\":\"i\""),
                Map.entry("GetContactNumbers", "\"interactionId\":\"i\""),
                Map.entry("PauseAutoDial", "\"interactionId\":\"i\""),
                Map.entry("ChangeNumber", "\"interactionId\":\"i\""),
                Map.entry("GetDispositionOptions", "\"campaign\":\"c\""),
                Map.entry("SendDtmf", "\"interactionId\":\"i\",\"digits\":\"1#\""),
                Map.entry("StartRecording", "\"interactionId\":\"i\""),
                Map.entry("StopRecording", "\"interactionId\":\"i\""),
                Map.entry("PauseRecording", "\"interactionId\":\"i\""),
                Map.entry("ResumeRecording", "\"interactionId\":\"i\""),
                Map.entry("GetResponses", "\"campaign\":\"c\""),
                Map.entry("GetContactDirectory", "\"interactionId\":\"i\""),
                Map.entry("SearchContacts", "\"campaign\":\"c\",\"query\":\"le\""),
                Map.entry("PhoneOffer", "\"sdp\":\"v=0\""));
        Set<String> declared = new HashSet<>();
        for (JsonSubTypes.Type t : CtiCommand.class.getAnnotation(JsonSubTypes.class).value()) {
            declared.add(t.name());
            String fields = minimal.get(t.name());
            String text = "{\"type\":\"" + t.name() + "\"" + (fields == null || fields.isEmpty() ? "" : "," + fields) + "}";
            assertInstanceOf(t.value(), codec.decode(text), t.name());
        }
        assertEquals(minimal.keySet(), declared);
        assertEquals(declared, Set.copyOf(CtiCodec.commandNames()));
    }

    @Test
    void phoneOfferCarriesTheSdpAndNeedsIt() {
        assertEquals(new CtiCommand.PhoneOffer("r1", "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n"),
                codec.decode("{\"type\":\"PhoneOffer\",\"requestId\":\"r1\",\"sdp\":\"v=0\\r\\no=- 1 1 IN IP4 0.0.0.0\\r\\n\"}"));
        for (String bad : List.of("{\"type\":\"PhoneOffer\"}", "{\"type\":\"PhoneOffer\",\"sdp\":\"  \"}",
                "{\"type\":\"PhoneOffer\",\"sdp\":null}")) {
            InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> codec.decode(bad));
            assertEquals(CtiErrorCodes.INVALID, e.code());
            assertEquals("missing field: sdp", e.getMessage());
        }
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> codec.decode("{\"type\":\"PhoneOffer\",\"sdp\":{\"v\":0}}"));
        assertEquals(CtiErrorCodes.INVALID, e.code());
        assertTrue(e.getMessage().contains("sdp"), e.getMessage());
    }

    @Test
    void phoneEventsCarryTheirFields() throws Exception {
        JsonNode answer = json.readTree(codec.encode(new CtiEvent.PhoneAnswer("r1", "v=0\r\n")));
        assertEquals("v=0\r\n", answer.get("sdp").asText());
        assertEquals("r1", answer.get("requestId").asText());
        JsonNode lost = json.readTree(codec.encode(new CtiEvent.PhoneLost("agent1", "consent lapsed")));
        assertEquals("PhoneLost", lost.get("type").asText());
        assertEquals("consent lapsed", lost.get("reason").asText());
        assertEquals("agent1", lost.get("agentId").asText());
        JsonNode settings = json.readTree(codec.encode(new CtiEvent.PhoneSettings("agent1", List.of(
                new CtiEvent.IceServer(List.of("stun:stun.example.com"), null, null),
                new CtiEvent.IceServer(List.of("turn:turn.example.com:3478"), "agents", "pw")))));
        assertEquals("PhoneSettings", settings.get("type").asText());
        assertEquals("[{\"urls\":[\"stun:stun.example.com\"]},{\"urls\":[\"turn:turn.example.com:3478\"],"
                + "\"username\":\"agents\",\"credential\":\"pw\"}]", settings.get("iceServers").toString(),
                "as RTCConfiguration.iceServers takes them");
        assertEquals(false, new CtiEvent.IceServer(List.of("turn:t"), "u", "pw-42").toString().contains("pw-42"));
    }

    @Test
    void sendDtmfNeedsItsDigitsAndTakesAnOptionalDuration() {
        assertEquals(new CtiCommand.SendDtmf("r1", "ix-1", "12#", null),
                codec.decode("{\"type\":\"SendDtmf\",\"requestId\":\"r1\",\"interactionId\":\"ix-1\",\"digits\":\"12#\"}"));
        assertEquals(new CtiCommand.SendDtmf(null, "ix-1", "*", 250),
                codec.decode("{\"type\":\"SendDtmf\",\"interactionId\":\"ix-1\",\"digits\":\"*\",\"durationMs\":250}"));
        InvalidCommandException missing = assertThrows(InvalidCommandException.class,
                () -> codec.decode("{\"type\":\"SendDtmf\",\"interactionId\":\"ix-1\"}"));
        assertTrue(missing.getMessage().contains("digits"), missing.getMessage());
    }

    @Test
    void aCallbackWithANewCallingWindowParses() {
        assertEquals(new CtiCommand.ScheduleCallback("r1", "ix-1", "2026-11-23T16:30", true, null, null, "09:00",
                "18:30"), codec.decode("{\"type\":\"ScheduleCallback\",\"requestId\":\"r1\",\"interactionId\":"
                + "\"ix-1\",\"at\":\"2026-11-23T16:30\",\"personal\":true,\"from\":\"09:00\",\"till\":\"18:30\"}"));
    }

    @Test
    void autoDialAndChangeNumberCommandsParse() {
        assertEquals(new CtiCommand.PauseAutoDial("p", "pv-1"),
                codec.decode("{\"type\":\"PauseAutoDial\",\"requestId\":\"p\",\"interactionId\":\"pv-1\"}"));
        assertEquals(new CtiCommand.ChangeNumber("c", "pv-1", null, "+1 555 0199", "Mobile"),
                codec.decode("{\"type\":\"ChangeNumber\",\"requestId\":\"c\",\"interactionId\":\"pv-1\","
                        + "\"phone\":\"+1 555 0199\",\"phoneType\":\"Mobile\"}"));
        assertEquals(new CtiCommand.ChangeNumber(null, "pv-1", 42L, null, null),
                codec.decode("{\"type\":\"ChangeNumber\",\"interactionId\":\"pv-1\",\"recordId\":42}"));
        assertThrows(CtiException.class, () -> codec.decode("{\"type\":\"PauseAutoDial\"}"));
    }

    @Test
    void transferTakesAnAgentOrAPhone() {
        assertEquals(new CtiCommand.Transfer("t", "ix-1", "bob", null),
                codec.decode("{\"type\":\"Transfer\",\"requestId\":\"t\",\"interactionId\":\"ix-1\","
                        + "\"agentId\":\"bob\"}"));
        assertEquals(new CtiCommand.Transfer("t", "ix-1", null, "+15550199"),
                codec.decode("{\"type\":\"Transfer\",\"requestId\":\"t\",\"interactionId\":\"ix-1\","
                        + "\"phone\":\"+15550199\"}"));
        assertThrows(CtiException.class, () -> codec.decode("{\"type\":\"Transfer\",\"agentId\":\"bob\"}"));
    }

    @Test
    void consultationCommandsParse() {
        assertEquals(new CtiCommand.Consult("c", "ix-1", "bob", null),
                codec.decode("{\"type\":\"Consult\",\"requestId\":\"c\",\"interactionId\":\"ix-1\","
                        + "\"agentId\":\"bob\"}"));
        assertEquals(new CtiCommand.CompleteTransfer("c2", "ix-1"),
                codec.decode("{\"type\":\"CompleteTransfer\",\"requestId\":\"c2\",\"interactionId\":\"ix-1\"}"));
        assertEquals(new CtiCommand.CompleteConference(null, "ix-1"),
                codec.decode("{\"type\":\"CompleteConference\",\"interactionId\":\"ix-1\"}"));
        assertEquals(new CtiCommand.CancelConsult(null, "ix-1"),
                codec.decode("{\"type\":\"CancelConsult\",\"interactionId\":\"ix-1\"}"));
        assertThrows(CtiException.class, () -> codec.decode("{\"type\":\"CancelConsult\"}"));
    }

    @Test
    void pushPreviewCommandsParse() {
        assertEquals(new CtiCommand.OutboundPreviewReady("p1"),
                codec.decode("{\"type\":\"OutboundPreviewReady\",\"requestId\":\"p1\"}"));
        assertEquals(new CtiCommand.OutboundPreviewNotReady(null, "Break"),
                codec.decode("{\"type\":\"OutboundPreviewNotReady\",\"reason\":\"Break\"}"));
        assertEquals(new CtiCommand.Accept("a1", "ix-1"),
                codec.decode("{\"type\":\"Accept\",\"requestId\":\"a1\",\"interactionId\":\"ix-1\"}"));
        assertEquals(new CtiCommand.Reject(null, "ix-1"),
                codec.decode("{\"type\":\"Reject\",\"interactionId\":\"ix-1\"}"));
        assertEquals(new CtiCommand.StopRecords("s", "Spring"),
                codec.decode("{\"type\":\"StopRecords\",\"requestId\":\"s\",\"campaign\":\"Spring\"}"));
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> codec.decode("{\"type\":\"Accept\",\"requestId\":\"r\"}"));
        assertEquals("missing field: interactionId", e.getMessage());
    }

    @Test
    void interactionPreviewCarriesTheCountdownsOnlyWhenThereAreAny() throws Exception {
        CtiEvent.Interaction ix = new CtiEvent.Interaction("ix-1", "Spring", "Preview", null, Map.of("record_id", 1));
        JsonNode pushed = json.readTree(codec.encode(new CtiEvent.InteractionPreview(null, ix, 30, 9, false)));
        assertEquals(30, pushed.get("acceptTimeout").asInt());
        assertEquals(9, pushed.get("autoAnswerIn").asInt());
        assertFalse(pushed.get("rejectAllowed").asBoolean());
        JsonNode pulled = json.readTree(codec.encode(new CtiEvent.InteractionPreview("r", ix)));
        assertFalse(pulled.has("acceptTimeout") || pulled.has("autoAnswerIn") || pulled.has("rejectAllowed"));
    }

    @Test
    void unknownPropertiesAreIgnoredForForwardCompatibility() {
        assertEquals(new CtiCommand.Ready("r"),
                codec.decode("{\"type\":\"Ready\",\"requestId\":\"r\",\"comesInVersion2\":{\"x\":1}}"));
    }

    @Test
    void numericRequestIdIsReadAsText() {
        assertEquals(new CtiCommand.Ready("42"), codec.decode("{\"type\":\"Ready\",\"requestId\":42}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "", "   ", "{\"type\":\"Ready\"} trailing",
            "{\"type\":\"Ready\",\"type\":\"Logout\"}"})
    void textThatIsNotOneJsonValueIsMalformed(String text) {
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> codec.decode(text));
        assertEquals(CtiErrorCodes.MALFORMED, e.code());
        assertNull(e.requestId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"Ready\"", "42", "null"})
    void jsonThatIsNotAnObjectIsMalformed(String text) {
        assertEquals(CtiErrorCodes.MALFORMED,
                assertThrows(InvalidCommandException.class, () -> codec.decode(text)).code());
    }

    @Test
    void unknownTypeIsUnknownCommandAndKeepsTheRequestId() {
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> codec.decode("{\"type\":\"Teleport\",\"requestId\":\"r9\"}"));
        assertEquals(CtiErrorCodes.UNKNOWN_COMMAND, e.code());
        assertEquals("r9", e.requestId());
        assertTrue(e.getMessage().contains("Teleport"), e.getMessage());
        assertEquals(new CtiEvent.Error("r9", CtiErrorCodes.UNKNOWN_COMMAND, e.getMessage()), e.toError());
    }

    @Test
    void missingTypeIsInvalidAndNamesTheField() {
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> codec.decode("{\"requestId\":\"r1\"}"));
        assertEquals(CtiErrorCodes.INVALID, e.code());
        assertEquals("r1", e.requestId());
        assertTrue(e.getMessage().contains("type"), e.getMessage());
    }

    @Test
    void nonStringTypeIsInvalid() {
        assertEquals(CtiErrorCodes.INVALID,
                assertThrows(InvalidCommandException.class, () -> codec.decode("{\"type\":7}")).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"Login\",\"requestId\":\"r\",\"secret\":\"s\"}|agentId",
            "{\"type\":\"Login\",\"requestId\":\"r\",\"agentId\":\"a\"}|secret",
            "{\"type\":\"Login\",\"requestId\":\"r\",\"agentId\":\"  \",\"secret\":\"s\"}|agentId",
            "{\"type\":\"Login\",\"requestId\":\"r\",\"agentId\":null,\"secret\":\"s\"}|agentId",
            "{\"type\":\"SetCallResult\",\"requestId\":\"r\",\"callResult\":\"BUSY\"}|interactionId",
            "{\"type\":\"SetCallResult\",\"requestId\":\"r\",\"interactionId\":\"i\"}|callResult",
            "{\"type\":\"MarkDone\",\"requestId\":\"r\"}|interactionId"})
    void missingRequiredFieldIsInvalidAndNamesIt(String caseText) {
        String[] parts = caseText.split("\\|");
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> codec.decode(parts[0]));
        assertEquals(CtiErrorCodes.INVALID, e.code());
        assertEquals("r", e.requestId());
        assertEquals("missing field: " + parts[1], e.getMessage());
    }

    @Test
    void fieldOfTheWrongJsonTypeIsInvalidAndNamesIt() {
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> codec.decode(
                "{\"type\":\"Login\",\"requestId\":\"r\",\"agentId\":\"a\",\"secret\":\"s\",\"phone\":{\"uri\":\"x\"}}"));
        assertEquals(CtiErrorCodes.INVALID, e.code());
        assertEquals("r", e.requestId());
        assertTrue(e.getMessage().contains("phone"), e.getMessage());
    }

    @Test
    void everyEventSerialisesWithItsType() throws Exception {
        CtiEvent.CampaignInfo campaign = new CtiEvent.CampaignInfo("Spring", "Spring drive", "Running",
                "Progressive", "Automatic");
        CtiEvent.Interaction ix = new CtiEvent.Interaction("ix-1", "Spring", "Ringing", "UNKNOWN",
                Map.of("record_id", 17, "contact_info", "+15551234567"));
        List<CtiEvent> events = List.of(
                new CtiEvent.LoggedIn("r1", "agent1", "NotReady", List.of(campaign)),
                new CtiEvent.LoggedOut("r2", "agent1"),
                new CtiEvent.AgentStateChanged(null, "agent1", "Ready", null),
                new CtiEvent.CampaignLoaded(campaign),
                new CtiEvent.CampaignStarted(campaign),
                new CtiEvent.CampaignStopped(campaign),
                new CtiEvent.CampaignUnloaded(campaign),
                new CtiEvent.InteractionRinging(ix),
                new CtiEvent.InteractionEstablished(ix),
                new CtiEvent.InteractionReleased(ix),
                new CtiEvent.CallResultSet("r3", "ix-1", "ANSWER"),
                new CtiEvent.InteractionDone("r4", "ix-1", "ANSWER"),
                new CtiEvent.Error("r5", "NOT_ALLOWED", "Ready is not allowed while Busy"),
                new CtiEvent.MyCampaigns("r6", List.of(campaign)),
                new CtiEvent.InteractionPreview("r7", ix),
                new CtiEvent.InteractionDeclined("r8", "ix-1", "later"),
                new CtiEvent.InteractionPreview("r7", ix, null, null, null, 10),
                new CtiEvent.AutoDialPaused("r8", "ix-1"),
                new CtiEvent.NoRecord("r9", "Spring", "no record is ready to be called"),
                new CtiEvent.DoNotCallNotice("r9", "Spring", "pv-3", 17, "5550100", "on_list", true,
                        "The phone number is on the Do-Not-Call list. The next available phone number will be"
                                + " selected."),
                new CtiEvent.DispositionSet("r10", "ix-1", "Accepted", true, "call after 6"),
                new CtiEvent.CallbackScheduled("r11", "ix-1", "2026-11-21T21:30:00Z", "2026-11-21T16:30",
                        "America/New_York", "Personal", null, null),
                new CtiEvent.CallbackCancelled("r12", "ix-1"),
                new CtiEvent.InteractionHeld("r13", ix),
                new CtiEvent.InteractionRetrieved("r14", ix),
                new CtiEvent.TransferStarted("r15", "ix-1", "bob"),
                new CtiEvent.TransferCompleted("r15", "ix-1", "bob", "bob"),
                new CtiEvent.ConferenceStarted("r15", "ix-1", "bob"),
                new CtiEvent.ConferenceJoined("r15", "ix-1", "bob"),
                new CtiEvent.ConferencePartyLeft(null, "ix-1", "ann"),
                new CtiEvent.ConsultStarted("r24", "ix-1", "bob"),
                new CtiEvent.ConsultEstablished("r24", "ix-1", "bob"),
                new CtiEvent.ConsultEnded("r25", "ix-1", "bob", "cancelled"),
                new CtiEvent.LogoutPending("r15", "ann", 30, "InteractionRinging"),
                new CtiEvent.LogoutAuthorized("r15", "ann", "CallFinished"),
                new CtiEvent.OutboundPreviewStateChanged("r16", "ann", "Ready", null),
                new CtiEvent.InteractionPreview(null, ix, 30, 10, true),
                new CtiEvent.InteractionAccepted("r17", "ix-1", false),
                new CtiEvent.InteractionRejected("r18", "ix-1", "Rejected"),
                new CtiEvent.RecordDeliveryChanged("r19", "Spring", true, null),
                new CtiEvent.InteractionEngaged(new CtiEvent.Interaction("ac-1", "Spring", "Establishing", null,
                        Map.of())),
                new CtiEvent.InteractionUpdated(ix),
                new CtiEvent.InteractionUpdated("r22", ix),
                new CtiEvent.DoNotCallNotice(null, "Push", null, 21, "2005550501", "on_list", false,
                        "The phone number is on the Do-Not-Call list"),
                new CtiEvent.Error("r23", CtiErrorCodes.NOT_IN_CHAIN, "ChangeNumber refused: record 9 is not another"
                        + " record of this contact's chain (chain_id k)"),
                new CtiEvent.RecordFieldsUpdated("r20", "ix-1", Map.of("record_id", 17, "Plan", "Gold"),
                        List.of(Map.of("name", "Plan", "type", "dropdown", "value", "Gold"))),
                new CtiEvent.ContactHistory("r21", "ix-1", 17, List.of(new CtiEvent.HistoryEntry(
                        "2026-11-20T15:00:00Z", "ann", "pv-1", "2005550111", "NO_ANSWER", null, false, "try later",
                        null, null))),
                new CtiEvent.ContactNumbers("r25", "pv-1", 17, List.of(new CtiEvent.ContactNumber(17, "2005550111",
                        "Home", 0, "RETRIEVED", null, 0, false), new CtiEvent.ContactNumber(18, "2005550112", "Mobile",
                        1, "READY", null, 0, true))),
                new CtiEvent.DispositionOptions("r24", "Spring", List.of(new CtiEvent.CallResultOption("ANSWER", 33,
                        "Answer")), List.of("Accepted", "NoSale")),
                new CtiEvent.DtmfSent("r26", "ix-1", "12#"),
                new CtiEvent.RecordingStarted(null, "ix-1", 12, List.of("stop", "pause")),
                new CtiEvent.RecordingPaused("r27", "ix-1", 12),
                new CtiEvent.RecordingResumed("r28", "ix-1", 12),
                new CtiEvent.RecordingStopped(null, "ix-1", 12, "failed", "disk full"),
                new CtiEvent.Responses("r29", "Spring", "card", List.of(new CtiEvent.StandardResponse(3,
                        "Card details", "For your security", List.of("pci")))),
                new CtiEvent.ContactDirectory("r30", "ix-1", 7, Map.of("name", "Ann"), List.of(),
                        List.of(new CtiEvent.FieldChange("2026-12-06T10:00:00Z", "ann", "ix-1", "plan", "Gold",
                                "Silver"))),
                new CtiEvent.Contacts("r31", "Spring", "lee", List.of(new CtiEvent.ContactFound(7, "2005550101",
                        "Home", Map.of("name", "Ann Lee")))),
                new CtiEvent.PhoneAnswer("r32", "v=0\r\n"),
                new CtiEvent.PhoneConnected("agent1"),
                new CtiEvent.PhoneLost("agent1", "the browser closed DTLS"),
                new CtiEvent.PhoneSettings("agent1", List.of()),
                new CtiEvent.PhoneLostNotice("agent1", "the desktop closed", "2026-12-07T05:40:00Z", "ix-1", "Spring",
                        "2005550101", "ANSWER"));
        Set<String> declared = new HashSet<>();
        for (JsonSubTypes.Type t : CtiEvent.class.getAnnotation(JsonSubTypes.class).value()) {
            declared.add(t.name());
        }
        Set<String> seen = new HashSet<>();
        for (CtiEvent event : events) {
            JsonNode node = json.readTree(codec.encode(event));
            assertEquals(event.getClass().getSimpleName(), node.get("type").asText());
            seen.add(node.get("type").asText());
        }
        assertEquals(declared, seen, "a sample of every event type");
    }

    @Test
    void interactionUpdatedEchoesTheChangeNumberRequestOnlyWhenThereIsOne() throws Exception {
        CtiEvent.Interaction ix = new CtiEvent.Interaction("pv-1", "Spring", "Preview", null,
                Map.of("record_id", 12, "contact_info", "2005550902"));
        JsonNode reply = json.readTree(codec.encode(new CtiEvent.InteractionUpdated("c1", ix)));
        assertEquals("c1", reply.get("requestId").asText());
        assertEquals(12, reply.path("interaction").path("record").path("record_id").asInt());
        JsonNode pushed = json.readTree(codec.encode(new CtiEvent.InteractionUpdated(ix)));
        assertFalse(pushed.has("requestId") && !pushed.get("requestId").isNull(), pushed.toString());
    }

    @Test
    void restrictedWhileEngagedErrorNamesTheAction() throws Exception {
        JsonNode node = json.readTree(codec.encode(new CtiEvent.Error("r1", CtiErrorCodes.RESTRICTED_WHILE_ENGAGED,
                "Hold is not available during the engaging phase", "Hold")));
        assertEquals("Hold", node.get("action").asText());
        assertFalse(json.readTree(codec.encode(new CtiEvent.Error("r2", "NOT_ALLOWED", "no"))).has("action"));
    }

    @Test
    void recordFieldErrorNamesTheFieldAndUpdateCarriesTypedValues() throws Exception {
        JsonNode node = json.readTree(codec.encode(new CtiEvent.Error("r1", CtiErrorCodes.INVALID_RECORD_FIELD,
                "field 'Plan' must be one of Gold, Silver, got 'Tin'", null, "Plan")));
        assertEquals("Plan", node.get("field").asText());
        assertFalse(node.has("action"));
        CtiCommand decoded = codec.decode("{\"type\":\"UpdateRecordFields\",\"requestId\":\"u\","
                + "\"interactionId\":\"ix-1\",\"fields\":{\"Plan\":\"Gold\",\"Vip\":true,\"Notes\":null}}");
        CtiCommand.UpdateRecordFields u = (CtiCommand.UpdateRecordFields) decoded;
        assertEquals("Gold", u.fields().get("Plan"));
        assertEquals(Boolean.TRUE, u.fields().get("Vip"));
        assertTrue(u.fields().containsKey("Notes"));
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> codec.decode("{\"type\":\"UpdateRecordFields\",\"interactionId\":\"ix-1\"}"));
        assertEquals("missing field: fields", e.getMessage());
    }

    @Test
    void eventFieldsKeepTheirNamesAndNullsAreLeftOut() throws Exception {
        JsonNode node = json.readTree(codec.encode(new CtiEvent.AgentStateChanged(null, "agent1", "Ready", null)));
        assertEquals("agent1", node.get("agentId").asText());
        assertEquals("Ready", node.get("state").asText());
        assertFalse(node.has("requestId"));
        assertFalse(node.has("reason"));
    }

    @Test
    void interactionRecordKeepsNullFieldsAndWritesTimesAsIso8601() throws Exception {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("record_id", 17);
        record.put("call_time", null);
        record.put("dial_sched_time", Instant.parse("2026-03-01T09:30:00Z"));
        record.put("customer_name", "Ada");
        JsonNode node = json.readTree(codec.encode(new CtiEvent.InteractionRinging(
                new CtiEvent.Interaction("ix-1", "Spring", "Ringing", null, record))));
        JsonNode r = node.get("interaction").get("record");
        assertTrue(r.has("call_time") && r.get("call_time").isNull());
        assertEquals("2026-03-01T09:30:00Z", r.get("dial_sched_time").asText());
        assertEquals("Ada", r.get("customer_name").asText());
        assertEquals(17, r.get("record_id").asInt());
        assertFalse(node.get("interaction").has("callResult"));
    }

    @Test
    void eventThatCannotBeSerialisedIsRefusedLoudly() {
        Map<String, Object> record = Map.of("bad", new Object());
        assertThrows(IllegalArgumentException.class, () -> codec.encode(new CtiEvent.InteractionRinging(
                new CtiEvent.Interaction("ix", "c", "Ringing", null, record))));
    }
}
