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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A personal callback whose agent logged out, with short durations: handed to the campaign (another agent gets it
 * as a Callback) or Missed CallBack, over the real WebSocket and SIPp.
 */
class AbsentAgentCallbackIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final String AGENTS = "  - { id: ann, secret: s3cret }\n  - { id: bob, secret: b0b }";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static CtiClient loginBob(GatewayHarness gw) throws InterruptedException {
        CtiClient desk = new CtiClient(gw.ctiUrl());
        desk.send(new CtiCommand.Login("login", "bob", "b0b", "sip:bob@127.0.0.1:5999"));
        desk.await("LoggedIn", LIMIT);
        return desk;
    }

    /** Ann calls the contact, schedules a personal callback {@code seconds} ahead, marks done and logs out. */
    private static Instant annSchedulesAPersonalCallbackAndLeaves(GatewayHarness gw, Sipp phone, int seconds)
            throws Exception {
        try (CtiClient ann = PreviewCampaignIT.login(gw, phone)) {
            String ix = PreviewCampaignIT.ixOf(PreviewCampaignIT.getRecord(ann, "g1"));
            ann.send(new CtiCommand.Call("c1", ix));
            ann.await("InteractionReleased", LIMIT);
            String due = LocalDateTime.now(LONDON).plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).toString();
            ann.send(new CtiCommand.ScheduleCallback("s1", ix, due, true, null, null));
            assertEquals("Personal", ann.await("CallbackScheduled", LIMIT).path("callbackType").asText());
            ann.send(new CtiCommand.DoneAndStop("d1", ix));
            ann.await("InteractionDone", LIMIT);
            ann.send(new CtiCommand.Logout("bye"));
            ann.await("LoggedOut", LIMIT);
            return LocalDateTime.parse(due).atZone(LONDON).toInstant();
        }
    }

    private static String campaign(String absentAgent) {
        return "  - { name: pv, dialingMode: preview, agents: [ann, bob], autoLoad: false,"
                + " callbacks: { absentAgent: " + absentAgent + ", absentAgentGrace: 4s } }";
    }

    @Test
    void aPersonalCallbackOfALoggedOutAgentIsHandedToTheCampaignAfterTheGrace() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS, campaign("campaign"))) {
            gw.uploadAndStart("pv", "contact_info,tz,daily_from,daily_till\n2005550161,Europe/London,0,86400\n");
            Instant due = annSchedulesAPersonalCallbackAndLeaves(gw, phone, 2);
            try (CtiClient bob = loginBob(gw)) {
                Await.until(LIMIT, "the callback's time", () -> Instant.now().isAfter(due));
                bob.send(new CtiCommand.GetRecord("early", "pv"));
                JsonNode early = bob.awaitAny(LIMIT, "NoRecord", "InteractionPreview");
                assertEquals("NoRecord", early.path("type").asText(), "within the grace it is still ann's");
                assertEquals(RecordType.PERSONAL_CALLBACK, gw.records("pv").get(0).recordType());

                // Not before the grace is over (to the millisecond) is AbsentAgentCallbackTest's, in virtual time.
                Await.until(LIMIT, "handed to the campaign",
                        () -> gw.records("pv").get(0).recordType() == RecordType.CAMPAIGN_CALLBACK);
                bob.send(new CtiCommand.GetRecord("g2", "pv"));
                JsonNode offered = bob.awaitAny(LIMIT, "NoRecord", "InteractionPreview");
                assertEquals("InteractionPreview", offered.path("type").asText(), offered.toString());
                assertEquals("Callback", offered.path("interaction").path("caseInformation").path("Origin").asText());
                assertEquals("2005550161", offered.path("interaction").path("record").path("contact_info").asText());
            }
        }
    }

    @Test
    void aPersonalCallbackOfALoggedOutAgentBecomesMissedCallBack() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS, campaign("missed"))) {
            gw.uploadAndStart("pv", "contact_info,tz,daily_from,daily_till\n2005550171,Europe/London,0,86400\n");
            annSchedulesAPersonalCallbackAndLeaves(gw, phone, 2);
            // Not before the grace is over (to the millisecond) is AbsentAgentCallbackTest's, in virtual time.
            Await.until(LIMIT, "Missed CallBack",
                    () -> gw.records("pv").get(0).status() == RecordStatus.MISSED_CALLBACK);
            CallingRecord record = gw.records("pv").get(0);
            List<ContactHistoryEntry> history = gw.gateway().store().ledger().history(record.recordId());
            assertEquals(2, history.size());
            assertTrue(history.get(1).note().startsWith("Missed CallBack: agent ann was absent"),
                    history.get(1).note());
            assertEquals(record.callResult(), history.get(1).callResult(), "the last result is noted");
            try (CtiClient bob = loginBob(gw)) {
                bob.send(new CtiCommand.GetRecord("g", "pv"));
                assertEquals("NoRecord", bob.awaitAny(LIMIT, "NoRecord", "InteractionPreview").path("type").asText());
            }
        }
    }

    @Test
    void aDuePersonalCallbackIsPushedToItsOwnAgentOnlyAsPersonalCallback() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS,
                     "  - { name: pp, dialingMode: push_preview, agents: [ann, bob], autoLoad: false,"
                             + " callbacks: { type: personal } }")) {
            gw.uploadAndStart("pp", "contact_info,tz,daily_from,daily_till\n2005550181,Europe/London,0,86400\n");
            Instant due;
            try (CtiClient ann = PreviewCampaignIT.login(gw, phone); CtiClient bob = loginBob(gw)) {
                ann.send(new CtiCommand.OutboundPreviewReady("op"));
                String ix = PreviewCampaignIT.ixOf(ann.await("InteractionPreview", LIMIT));
                ann.send(new CtiCommand.Accept("a1", ix));
                ann.await("InteractionReleased", LIMIT);
                String at = LocalDateTime.now(LONDON).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).toString();
                // No "personal": the campaign forces personal callbacks.
                ann.send(new CtiCommand.ScheduleCallback("s1", ix, at, null, null, null));
                assertEquals("Personal", ann.await("CallbackScheduled", LIMIT).path("callbackType").asText());
                ann.send(new CtiCommand.OutboundPreviewNotReady("np", null));
                ann.await("OutboundPreviewStateChanged", LIMIT);
                ann.send(new CtiCommand.MarkDone("d1", ix));
                ann.await("InteractionDone", LIMIT);
                due = LocalDateTime.parse(at).atZone(LONDON).toInstant();

                bob.send(new CtiCommand.OutboundPreviewReady("opb"));
                bob.await("OutboundPreviewStateChanged", LIMIT);
                Await.until(LIMIT, "the callback's time", () -> Instant.now().isAfter(due.plusSeconds(1)));
                PushPreviewIT.fence(bob, "fb");
                assertEquals(0, PushPreviewIT.count(bob, "InteractionPreview"), "not pushed to another agent");

                ann.send(new CtiCommand.OutboundPreviewReady("op2"));
                JsonNode pushed = ann.await("InteractionPreview", LIMIT);
                assertEquals("Personal Callback",
                        pushed.path("interaction").path("caseInformation").path("Origin").asText());
                assertEquals("2005550181", pushed.path("interaction").path("record").path("contact_info").asText());
            }
        }
    }
}
