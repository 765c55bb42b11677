package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.media.StreamStats;
import io.outdial.sip.testing.Sipp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Assured connection end to end: the agent's (SIPp) phone is called first and hears the call-waiting music, as RTP,
 * before any contact is dialed; a contact that does not answer leaves the agent engaged for the next record, which is
 * bridged when it answers; during the engaging phase every restricted action is refused with an error naming it.
 */
class AssuredConnectionIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final String AGENTS = "  - { id: ann, secret: s3cret }";
    private static final String CAMPAIGN =
            "  - { name: vip, dialingMode: assured_connection, agents: [ann], autoLoad: false, maxAttempts: 1 }";
    private static final DateTimeFormatter TRACE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private static CtiCommand login(Sipp phone) {
        return new CtiCommand.Login("1", "ann", "s3cret", phone.uri("ann"));
    }

    /** When the contact SIPp received its first INVITE, from its message trace (written by the same clock). */
    private static Instant firstInvite(Path messageFile) throws Exception {
        List<String> lines = Files.readAllLines(messageFile);
        for (int i = 0; i + 3 < lines.size(); i++) {
            if (lines.get(i).startsWith("----") && lines.get(i + 1).contains("message received")
                    && lines.get(i + 3).startsWith("INVITE ")) {
                String stamp = lines.get(i).replaceAll("^-+\\s*", "").trim();
                return LocalDateTime.parse(stamp, TRACE_TIME).atZone(ZoneId.systemDefault()).toInstant();
            }
        }
        throw new AssertionError("no INVITE in " + messageFile);
    }

    @Test
    void agentHearsMusicBeforeAnyDialStaysEngagedThroughANoAnswerAndIsBridgedToTheNextContact() throws Exception {
        Path music = ContactAudio.messageWav();
        try (Sipp phone = Sipp.scenario("agent-phone-listening.xml").rtpEcho().calls(1)
                .timeout(Duration.ofMinutes(2)).start();
             Sipp contacts = Sipp.scenario("contact-farm.xml").calls(2).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(contacts.hostPort(), AGENTS, CAMPAIGN,
                     "audio:\n  callWaitingMusic: \"" + music + "\"\n")) {
            AtomicReference<Instant> musicHeard = new AtomicReference<>();
            gw.post("/api/campaigns/vip/records", "contact_info\n4805550301\n2005550302\n");
            gw.post("/api/campaigns/vip/load", "");
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(login(phone));
                desk.await("LoggedIn", LIMIT);
                gw.post("/api/campaigns/vip/start", "");
                desk.send(new CtiCommand.Ready("2"));

                // The phone echoes what it receives and sends nothing else: an echoed packet is music that reached it.
                Await.until(LIMIT, "call-waiting music echoed back by the agent's phone", () -> {
                    StreamStats s = gw.gateway().dialing().engagedAgentMedia("ann").orElse(null);
                    if (s != null && s.packetsReceived() > 0) {
                        musicHeard.set(Instant.now());
                        return true;
                    }
                    return false;
                });

                JsonNode first = desk.await("InteractionEngaged", LIMIT).path("interaction");
                assertEquals("Establishing", first.path("state").asText());
                assertEquals("4805550301", first.path("record").path("contact_info").asText());
                JsonNode released = desk.await("InteractionReleased", LIMIT).path("interaction");
                assertEquals(first.path("interactionId").asText(), released.path("interactionId").asText());
                assertEquals("NO_ANSWER", released.path("callResult").asText());

                JsonNode second = desk.await("InteractionEngaged", LIMIT).path("interaction");
                assertEquals("2005550302", second.path("record").path("contact_info").asText());
                JsonNode established = desk.await("InteractionEstablished", LIMIT).path("interaction");
                String ix = established.path("interactionId").asText();
                assertEquals(second.path("interactionId").asText(), ix);
                // Reserved from the engagement to the bridge: the one state change in between is Busy, at the bridge.
                List<String> seen = desk.types();
                long changes = seen.subList(seen.indexOf("InteractionEngaged"), seen.size()).stream()
                        .filter("AgentStateChanged"::equals).count();
                assertEquals(1, changes, "only Busy between the engagement and the bridge: " + seen);

                desk.await("InteractionReleased", LIMIT);
                desk.send(new CtiCommand.MarkDone("3", ix));
                desk.await("InteractionDone", LIMIT);
            }
            Map<String, CallResult> results = new java.util.HashMap<>();
            for (CallingRecord r : gw.awaitAllUpdated("vip", LIMIT)) {
                results.put(r.contactInfo(), r.callResult());
            }
            assertEquals(Map.of("4805550301", CallResult.NO_ANSWER, "2005550302", CallResult.ANSWER), results);
            Sipp.Result agentRun = phone.awaitExit(LIMIT);
            assertTrue(agentRun.passed() && agentRun.successful() == 1, "one call to the agent for both records: "
                    + agentRun.describe());
            Sipp.Result contactRun = contacts.stop();
            Instant invite = firstInvite(contactRun.messageFile());
            assertTrue(musicHeard.get().isBefore(invite), "music echoed at " + musicHeard.get()
                    + ", first contact INVITE at " + invite);
        }
    }

    @Test
    void everyRestrictedActionIsRefusedByNameWhileEngaged() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp contacts = Sipp.scenario("contact-farm.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(contacts.hostPort(), AGENTS, CAMPAIGN)) {
            gw.post("/api/campaigns/vip/records", "contact_info\n9995550401\n");
            gw.post("/api/campaigns/vip/load", "");
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(login(phone));
                desk.await("LoggedIn", LIMIT);
                gw.post("/api/campaigns/vip/start", "");
                desk.send(new CtiCommand.Ready("2"));
                String ix = desk.await("InteractionEngaged", LIMIT).path("interaction").path("interactionId")
                        .asText();
                Map<CtiCommand, String> attempts = new java.util.LinkedHashMap<>();
                attempts.put(new CtiCommand.ScheduleCallback("r1", ix, "2030-01-01T10:00", null, null, null),
                        "Reschedule");
                attempts.put(new CtiCommand.SetCallResult("r2", ix, "ANSWER"), "SetCallResult");
                attempts.put(new CtiCommand.ReleaseCall("r3", ix), "Release");
                // No target (the protocol's agentId or phone): these are refused before any target is looked at.
                attempts.put(new CtiCommand.Transfer("r4", ix, null, null), "Transfer");
                attempts.put(new CtiCommand.Consult("r5", ix, null, null), "Consult");
                attempts.put(new CtiCommand.Conference("r6", ix, null, null), "Conference");
                attempts.put(new CtiCommand.Recall("r7", ix), "Recall");
                attempts.put(new CtiCommand.Logout("r8"), "Logout");
                attempts.put(new CtiCommand.Hold("r9", ix), "Hold");
                attempts.put(new CtiCommand.GetRecord("r10", "vip"), "MakeCall");
                attempts.put(new CtiCommand.Call("r11", ix), "MakeCall");
                for (Map.Entry<CtiCommand, String> a : attempts.entrySet()) {
                    desk.send(a.getKey());
                    JsonNode error = desk.await("Error", LIMIT);
                    assertEquals("RESTRICTED_WHILE_ENGAGED", error.path("code").asText(), a.getKey().toString());
                    assertEquals(a.getValue(), error.path("action").asText(), a.getKey().toString());
                    assertTrue(error.path("message").asText().startsWith(a.getValue() + " is not available"),
                            error.toString());
                }
                // Still engaged after all that: the campaign's unload ends the engagement and frees the agent.
                gw.post("/api/campaigns/vip/stop", "");
                gw.post("/api/campaigns/vip/unload", "");
                JsonNode back = desk.await("InteractionReleased", LIMIT);
                assertEquals(ix, back.path("interaction").path("interactionId").asText());
                JsonNode state;
                do {
                    state = desk.await("AgentStateChanged", LIMIT);
                } while (!"Ready".equals(state.path("state").asText()));
                desk.send(new CtiCommand.Recall("r12", ix));
                assertEquals("UNKNOWN_INTERACTION", desk.await("Error", LIMIT).path("code").asText(),
                        "outside the engaging phase Recall is no longer refused as restricted: the interaction is gone");
            }
            assertEquals(0, gw.records("vip").stream().filter(r -> r.attempt() > 0).count(),
                    "the cancelled dial leaves the record unattempted");
        }
    }
}
