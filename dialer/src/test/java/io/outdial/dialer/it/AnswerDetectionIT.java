package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.media.player.MediaClip;
import io.outdial.sip.testing.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What the gateway hears on a contact's audio decides the call: SIPp contacts play generated tones, voices and
 * greetings as real RTP (rtp_stream), and the records, metrics and the agent's desktop show the verdict.
 */
class AnswerDetectionIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    private static String phoneOnlyAgent(Sipp phone) {
        return "  - { id: agent1, phone: \"" + phone.uri("agent1") + "\", autoReady: true, wrapUp: 0s }";
    }

    private static String campaign(String agents, String detection) {
        return "  - { name: it, dialingMode: progressive, agents: [" + agents + "], autoLoad: false,"
                + " detection: { " + detection + " } }";
    }

    private static Sipp contact(String scenario, Path folder) throws Exception {
        return Sipp.scenario(scenario).directory(folder).calls(1).timeout(LIMIT).start();
    }

    private static Sipp agentPhone() throws Exception {
        return Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
    }

    @Test
    void aSitInEarlyMediaEndsTheCallWithItsResultBeforeTheNetworkRejectsIt() throws Exception {
        try (Sipp phone = agentPhone();
             Sipp contact = contact("uas-early-audio-then-404.xml", ContactAudio.sit("VC"));
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), phoneOnlyAgent(phone),
                     campaign("agent1", "callProgress: on_dial"))) {
            gw.uploadAndStart("it", "contact_info\n2005550201\n");

            CallingRecord r = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.SIT_VACANT, r.callResult(), "not the 404 that follows the tone");
            assertEquals(1, r.attempt());
            assertTrue(contact.awaitExit(LIMIT).passed(), "SIPp got CANCEL, not a timeout: " + contact);
            assertEquals(1.0, gw.metric("outdial_detections_total{campaign=\"it\",kind=\"sit\",outcome=\"VACANT_CODE\"}"));
            Sipp.Result agent = phone.stop();
            assertEquals(0, agent.successful() + agent.failed(), "the agent's phone never rang");
        }
    }

    @Test
    void aFaxAnswerIsDroppedAsFaxDetected() throws Exception {
        try (Sipp phone = agentPhone();
             Sipp contact = contact("uas-answer-audio.xml", ContactAudio.faxCed());
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), phoneOnlyAgent(phone),
                     campaign("agent1", "amd: true"))) {
            gw.uploadAndStart("it", "contact_info\n2005550202\n");

            assertEquals(CallResult.FAX, gw.awaitAllUpdated("it", LIMIT).get(0).callResult());
            assertTrue(contact.awaitExit(LIMIT).passed(), "the gateway hung up on the fax");
            assertEquals(1.0, gw.metric("outdial_detections_total{campaign=\"it\",kind=\"fax\",outcome=\"CED\"}"));
            assertEquals(0.0, gw.metric("outdial_rtp_packets_relayed_total"), "the agent never heard the fax");
        }
    }

    /** Fast mode: the verdict comes 2 s into the greeting, and the message waits for the beep that follows. */
    @Test
    void anAnsweringMachineGetsTheMessageAfterItsBeepAndNoAgent() throws Exception {
        Path message = ContactAudio.messageWav();
        try (Sipp phone = agentPhone();
             Sipp contact = contact("uas-answer-audio.xml", ContactAudio.machineWithBeep());
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), phoneOnlyAgent(phone),
                     campaign("agent1", "amd: true, amdSettings: { mode: fast }, onMachine: message, machineMessage: \""
                             + message + "\""))) {
            gw.uploadAndStart("it", "contact_info\n2005550203\n");

            CallingRecord r = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.ANSWERING_MACHINE, r.callResult());
            assertTrue(contact.awaitExit(LIMIT).passed(), "the gateway hung up after the message");
            assertEquals(1.0, gw.metric("outdial_detections_total{campaign=\"it\",kind=\"amd\",outcome=\"MACHINE\"}"));
            assertEquals(1.0, gw.metric("outdial_detections_total{campaign=\"it\",kind=\"beep\",outcome=\"BEEP\"}"),
                    "the message waited for the beep");
            // Every 20 ms frame of the message went to the contact, once (no agent audio: nothing was relayed).
            int frames = MediaClip.fromWav(message).frameCount();
            double sent = gw.metric("outdial_rtp_leg_packets_total{direction=\"out\",leg=\"contact\"}");
            assertEquals(frames, sent, 2, "the message's packets reached the contact");
            assertEquals(0.0, gw.metric("outdial_rtp_packets_relayed_total"));
        }
    }

    /**
     * Accurate mode (the default): the detector hears the greeting out and the beep itself is the verdict, so the
     * message starts at once, after the beep, and no second beep detector is needed.
     */
    @Test
    void inAccurateModeTheBeepIsTheVerdictAndTheMessageFollowsIt() throws Exception {
        Path message = ContactAudio.messageWav();
        try (Sipp phone = agentPhone();
             Sipp contact = contact("uas-answer-audio.xml", ContactAudio.machineWithBeep());
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), phoneOnlyAgent(phone),
                     campaign("agent1", "amd: true, onMachine: message, machineMessage: \"" + message + "\""))) {
            gw.uploadAndStart("it", "contact_info\n2005550213\n");

            CallingRecord r = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.ANSWERING_MACHINE, r.callResult());
            assertTrue(contact.awaitExit(LIMIT).passed(), "the gateway hung up after the message");
            assertEquals(1.0, gw.metric("outdial_detections_total{campaign=\"it\",kind=\"amd\",outcome=\"MACHINE\"}"));
            assertEquals(0.0, gw.metric("outdial_detections_total{campaign=\"it\",kind=\"beep\",outcome=\"BEEP\"}"),
                    "no beep detector after the verdict: the verdict was the beep");
            int frames = MediaClip.fromWav(message).frameCount();
            double sent = gw.metric("outdial_rtp_leg_packets_total{direction=\"out\",leg=\"contact\"}");
            assertEquals(frames, sent, 2, "the message's packets reached the contact");
        }
    }

    @Test
    void aPersonSayingHelloIsConnectedToTheAgentWhoSeesTheVerdict() throws Exception {
        try (Sipp phone = agentPhone();
             Sipp contact = contact("uas-answer-audio.xml", ContactAudio.humanHello());
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), "  - { id: ann, secret: s3cret }",
                     campaign("ann", "amd: true"))) {
            gw.post("/api/campaigns/it/records", "contact_info\n2005550204\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login("1", "ann", "s3cret", phone.uri("ann")));
                desk.await("LoggedIn", LIMIT);
                gw.post("/api/campaigns/it/start", "");
                desk.send(new CtiCommand.Ready("2"));

                JsonNode established = desk.await("InteractionEstablished", LIMIT);
                JsonNode detected = established.path("interaction").path("detected");
                assertEquals("HUMAN", detected.path("outcome").asText(), established.toString());
                assertEquals("SILENCE_AFTER_GREETING", detected.path("cause").asText());
                // "Hello?" ends about 1 s after the answer; the verdict follows 0.8 s of silence.
                long decisionMs = detected.path("decisionMs").asLong();
                assertTrue(decisionMs > 1200 && decisionMs < 2500, "decided after " + decisionMs + " ms");
                String ix = established.path("interaction").path("interactionId").asText();
                desk.await("InteractionReleased", LIMIT);
                desk.send(new CtiCommand.MarkDone("3", ix));
                desk.await("InteractionDone", LIMIT);
            }
            assertEquals(CallResult.ANSWER, gw.awaitAllUpdated("it", LIMIT).get(0).callResult());
            assertTrue(gw.metric("outdial_rtp_leg_packets_total{direction=\"out\",leg=\"contact\"}") > 20,
                    "the agent's audio reached the contact");
            assertEquals(1.0, gw.metric("outdial_amd_decision_seconds_count{campaign=\"it\",outcome=\"HUMAN\"}"));
        }
    }

    @Test
    void aContactWhoSaysNothingIsSilence() throws Exception {
        try (Sipp phone = agentPhone();
             Sipp contact = contact("uas-answer-audio.xml", ContactAudio.silence());
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), phoneOnlyAgent(phone),
                     campaign("agent1", "amd: true, silence: 3s"))) {
            gw.uploadAndStart("it", "contact_info\n2005550205\n");

            assertEquals(CallResult.SILENCE, gw.awaitAllUpdated("it", LIMIT).get(0).callResult());
            assertTrue(contact.awaitExit(LIMIT).passed());
            assertEquals(1.0, gw.metric("outdial_detections_total{campaign=\"it\",kind=\"amd\",outcome=\"NOT_SURE\"}"));
            assertEquals(1.0, gw.metric("outdial_detections_total{campaign=\"it\",kind=\"silence\",outcome=\"SILENCE\"}"));
        }
    }
}
