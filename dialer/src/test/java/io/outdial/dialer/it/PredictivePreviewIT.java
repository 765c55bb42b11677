package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Predictive with {@code preview.interactionPreview}: a SIPp contact who answered is shown to the longest-waiting
 * Ready desktop agent; a Reject hands the contact to the next Ready agent, whose Accept rings its SIPp phone; with
 * nobody accepting, the contact is abandoned when the 2 s connect window (counted from the pick-up) closes.
 */
class PredictivePreviewIT {
    static final Duration LIMIT = Duration.ofSeconds(40);
    static final String AGENTS = "  - { id: ann, secret: s3cret }\n  - { id: bob, secret: s3cret }";

    static String campaign(String agents, String preview) {
        return "  - { name: pdp, dialingMode: predictive, agents: [" + agents + "], autoLoad: false, preview: "
                + preview + " }";
    }

    static CtiClient login(GatewayHarness gw, String agent, Sipp phone) throws InterruptedException {
        CtiClient desk = new CtiClient(gw.ctiUrl());
        desk.send(new CtiCommand.Login("login", agent, "s3cret", phone.uri(agent)));
        desk.await("LoggedIn", LIMIT);
        return desk;
    }

    static void ready(CtiClient desk) throws InterruptedException {
        desk.send(new CtiCommand.Ready("rd"));
        while (!"rd".equals(desk.await("AgentStateChanged", LIMIT).path("requestId").asText())) {
            // an earlier state change (log-in)
        }
    }

    @Test
    void rejectHandsTheAnsweredContactToTheNextReadyAgentWhoAcceptsAndIsConnected() throws Exception {
        BlockingWatch.armed();
        try (Sipp annPhone = Sipp.scenario("agent-phone.xml").calls(2).timeout(Duration.ofMinutes(2)).start();
             Sipp bobPhone = Sipp.scenario("agent-phone.xml").calls(2).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(3)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS,
                     campaign("ann, bob", "{ interactionPreview: true, acceptTimeout: 30s }"));
             CtiClient ann = login(gw, "ann", annPhone);
             CtiClient bob = login(gw, "bob", bobPhone)) {
            gw.uploadAndStart("pdp", "contact_info\n2005550701\n");
            ready(ann); // awaits the state change, so ann has waited Ready longer: she is offered the contact first
            ready(bob);

            JsonNode toAnn = ann.await("InteractionPreview", LIMIT);
            assertEquals("2005550701", PushPreviewIT.phoneOf(toAnn));
            int seconds = toAnn.path("acceptTimeout").asInt();
            assertTrue(seconds >= 1 && seconds <= 2, "the accept timeout is cut to the connect window: " + seconds);
            assertEquals(1, gw.gateway().userAgent().activeLegs(), "the contact is on the line, no agent leg yet");

            ann.send(new CtiCommand.Reject("rj", PushPreviewIT.ix(toAnn)));
            assertEquals("Rejected", ann.await("InteractionRejected", LIMIT).path("reason").asText());
            JsonNode toBob = bob.await("InteractionPreview", LIMIT);
            assertEquals(PushPreviewIT.ix(toAnn), PushPreviewIT.ix(toBob), "the same contact, handed on");
            bob.send(new CtiCommand.Accept("ac", PushPreviewIT.ix(toBob)));
            assertEquals("ac", bob.await("InteractionAccepted", LIMIT).path("requestId").asText());
            bob.await("InteractionRinging", LIMIT);
            bob.await("InteractionEstablished", LIMIT);
            assertEquals("ANSWER", bob.await("InteractionReleased", LIMIT).path("interaction")
                    .path("callResult").asText());

            CallingRecord record = gw.awaitAllUpdated("pdp", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, record.callResult());
            assertEquals("bob", record.agentId());
            assertEquals(1, record.attempt());
            assertTrue(contact.awaitExit(LIMIT).passed(), "the contact talked to bob");
            PushPreviewIT.fence(ann, "f");
            assertEquals(1, PushPreviewIT.count(ann, "InteractionPreview"), "never offered again to ann");
            assertEquals(0, gw.metric("outdial_pacing_abandoned_total{campaign=\"pdp\"}"));
            Sipp.Result annCalls = annPhone.stop();
            assertEquals(0, annCalls.successful() + annCalls.failed(), "ann's phone never rang");
            assertTrue(BlockingWatch.blocked().isEmpty(), "blocking calls: " + BlockingWatch.blocked());
        }
    }

    @Test
    void noAcceptWithinTheConnectWindowAbandonsTheContactAndAutoRejectSetsTheAgentNotReady() throws Exception {
        Path message = ContactAudio.messageWav();
        try (Sipp annPhone = Sipp.scenario("agent-phone.xml").calls(2).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(5)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS,
                     campaign("ann", "{ interactionPreview: true, acceptTimeout: 30s, autoReject: true }"),
                     "audio:\n  safeHarbourMessage: \"" + message + "\"\n");
             CtiClient ann = login(gw, "ann", annPhone)) {
            gw.uploadAndStart("pdp", "contact_info\n2005550801\n");
            ready(ann);
            JsonNode offered = ann.await("InteractionPreview", LIMIT);
            assertTrue(offered.path("acceptTimeout").asInt() <= 2, offered.toString());
            // When it times out (within the connect window, to the millisecond) is PredictivePreviewTest's, in virtual
            // time; here: that it does, and what follows on the wire.
            assertEquals("AutoRejected", ann.await("InteractionRejected", LIMIT).path("reason").asText());
            assertEquals("NotReady", ann.await("AgentStateChanged", LIMIT).path("state").asText());

            CallingRecord record = gw.awaitAllUpdated("pdp", LIMIT).get(0);
            assertEquals(CallResult.ABANDONED, record.callResult());
            assertNull(record.agentId());
            assertEquals(RecordStatus.UPDATED, record.status());
            assertEquals(1, gw.metric("outdial_pacing_abandoned_total{campaign=\"pdp\"}"));
            assertEquals(1, gw.metric("outdial_abandoned_calls_with_message_total{campaign=\"pdp\"}"));
            Sipp.Result annCalls = annPhone.stop();
            assertEquals(0, annCalls.successful() + annCalls.failed(), "ann's phone never rang");
        }
    }
}
