package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.dialer.call.CampaignCall;
import io.outdial.media.corpus.AudioFiles;
import io.outdial.media.corpus.Signal;
import io.outdial.media.record.StereoWav;
import io.outdial.sip.testing.Sipp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A recorded call through a consultation and a conference: the contact (SIPp) says 440 Hz, ann's phone 1 kHz, bob's
 * 1.6 kHz. The right channel is what the contact hears. While the contact is held for a consultation both channels
 * are silent (no hold music, and the consultation itself, which the contact does not hear, is not recorded); in a
 * conference the right channel holds both agents at once; after one agent leaves, only the other. A cancelled
 * consultation gives the consulting agent back; a completed one (CompleteTransfer) the consulted agent.
 */
class RecordingSideCallsIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    /** A 600 ms window slid in 100 ms steps, to find a span whose exact start the test cannot know. */
    private static final long WINDOW = 600;

    private static Path phoneSaying(String name, double hz) throws IOException {
        Path dir = ContactAudio.folder(name);
        AudioFiles.writeRawPcmu(dir.resolve("audio/agent.raw"), Signal.create().tone(2000, -12, hz).pcm());
        return dir;
    }

    /** The contact: 440 Hz for 15.5 s (uas-answer-audio-long.xml hangs up 16 s after its ACK). */
    private static Path contactTone(String name) throws IOException {
        Path dir = ContactAudio.folder(name);
        AudioFiles.writeRawPcmu(dir.resolve("audio/contact.raw"), Signal.create().tone(15500, -12, 440).pcm());
        return dir;
    }

    private static StereoWav fetched(GatewayHarness gw, long recordingId) throws Exception {
        HttpResponse<byte[]> audio = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gw.baseUrl() + "/api/recordings/" + recordingId + "/audio"))
                .header("Authorization", "Bearer " + GatewayHarness.ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, audio.statusCode());
        Path file = Files.createTempFile("side-calls", ".wav");
        Files.write(file, audio.body());
        return StereoWav.read(file);
    }

    /**
     * The best window of {@code [from, to)} for the right channel holding both {@code a} and {@code b} (the smaller
     * of their shares), with the contact's 440 Hz on the left in the same window; returns that smaller share.
     */
    private static double bestMix(StereoWav wav, long from, long to, double a, double b) {
        double best = 0;
        for (long at = from; at + WINDOW <= Math.min(to, wav.millis()); at += 100) {
            if (StereoWav.toneShare(wav.left(), at, at + WINDOW, 440) < 0.6) {
                continue;
            }
            best = Math.max(best, Math.min(StereoWav.toneShare(wav.right(), at, at + WINDOW, a),
                    StereoWav.toneShare(wav.right(), at, at + WINDOW, b)));
        }
        return best;
    }

    private static long since(long startedAt) {
        return (System.nanoTime() - startedAt) / 1_000_000;
    }

    private static void logInBoth(GatewayHarness gw, CtiClient ann, Sipp annPhone, CtiClient bob, Sipp bobPhone)
            throws Exception {
        ann.send(TransferIT.login("ann", annPhone));
        ann.await("LoggedIn", LIMIT);
        bob.send(TransferIT.login("bob", bobPhone));
        bob.await("LoggedIn", LIMIT);
        bob.send(new CtiCommand.Ready("b1"));
        bob.await("AgentStateChanged", LIMIT);
        gw.post("/api/campaigns/it/start", "");
        ann.send(new CtiCommand.Ready("a1"));
    }

    @Test
    void consultationIsSilentAndTheConferenceAfterItHoldsBothAgents() throws Exception {
        Path music = ContactAudio.messageWav();
        try (Sipp annPhone = Sipp.scenario("agent-phone-audio.xml").directory(phoneSaying("ann-1000-c", 1000))
                .calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp bobPhone = Sipp.scenario("agent-phone-audio.xml").directory(phoneSaying("bob-1600-c", 1600))
                     .calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer-audio-long.xml").directory(contactTone("tone-440-consult"))
                     .calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), TransferIT.AGENTS, TransferIT.CAMPAIGN,
                     "audio:\n  holdMusic: \"" + music + "\"\nrecording:\n  directory: recs\n  mode: all\n")) {
            gw.post("/api/campaigns/it/records", "contact_info\n2005550405\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient ann = new CtiClient(gw.ctiUrl()); CtiClient bob = new CtiClient(gw.ctiUrl())) {
                logInBoth(gw, ann, annPhone, bob, bobPhone);
                String ix = ann.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();
                long id = ann.await("RecordingStarted", LIMIT).path("recordingId").asLong();
                long startedAt = System.nanoTime();
                CampaignCall call = gw.gateway().dialing().findCall(ix).get(5, TimeUnit.SECONDS).orElseThrow();
                double at = TransferIT.metric(gw, "outdial_rtp_packets_relayed_total");
                Await.until(LIMIT, "a second and a half of ann and the contact",
                        () -> TransferIT.metric(gw, "outdial_rtp_packets_relayed_total") - at > 150);

                long consultSentMs = since(startedAt);
                ann.send(new CtiCommand.Consult("a2", ix, "bob", null));
                ann.await("ConsultStarted", LIMIT);
                long heldMs = since(startedAt);
                bob.await("InteractionEstablished", LIMIT);
                ann.await("ConsultEstablished", LIMIT);
                long bobIn = call.consultTargetMedia().packetsReceived();
                long contactOut = call.contactMedia().packetsSent();
                Await.until(LIMIT, "ann and bob talk a second and a half; the contact hears the hold music",
                        () -> call.consultTargetMedia().packetsReceived() - bobIn > 75
                                && call.contactMedia().packetsSent() - contactOut > 75);
                long completeSentMs = since(startedAt);
                ann.send(new CtiCommand.CompleteConference("a3", ix));
                ann.await("ConferenceJoined", LIMIT);
                long joinedMs = since(startedAt);
                long mixOut = call.contactMedia().packetsSent();
                Await.until(LIMIT, "two seconds of the three-party mix sent to the contact",
                        () -> call.contactMedia().packetsSent() - mixOut > 100);

                // The contact hangs up (16 s after answering): both agents wrap up.
                // The recording's end and the call's release may reach the desktop in either order.
                JsonNode first = ann.awaitAny(LIMIT, "InteractionReleased", "RecordingStopped");
                boolean stoppedFirst = first.path("type").asText().equals("RecordingStopped");
                JsonNode stopped = stoppedFirst ? first : ann.await("RecordingStopped", LIMIT);
                if (stoppedFirst) {
                    ann.await("InteractionReleased", LIMIT);
                }
                assertEquals("completed", stopped.path("status").asText(), stopped.toString());
                ann.send(new CtiCommand.MarkDone("a4", ix));
                ann.await("InteractionDone", LIMIT);
                bob.await("InteractionReleased", LIMIT);
                bob.send(new CtiCommand.MarkDone("b2", ix));
                bob.await("InteractionDone", LIMIT);
                long recordId = gw.awaitAllUpdated("it", LIMIT).get(0).recordId();
                JsonNode list = GatewayHarness.JSON.readTree(gw.get("/api/records/" + recordId + "/recordings"));
                assertEquals(1, list.size(), "one recording through consultation and conference: " + list);

                StereoWav wav = fetched(gw, id);
                assertTrue(StereoWav.toneShare(wav.right(), 300, consultSentMs - 200, 1000) > 0.6, "ann before");
                assertTrue(StereoWav.toneShare(wav.left(), 300, consultSentMs - 200, 440) > 0.6, "the contact");
                assertTrue(completeSentMs - heldMs > 1500, "a consultation long enough to measure");
                // The consultation: the contact is held, so neither its voice, nor the hold music it hears, nor
                // ann and bob talking (the contact does not hear them) is in the file.
                assertEquals(0.0, StereoWav.rms(wav.left(), heldMs + 300, completeSentMs - 300), "held contact");
                assertEquals(0.0, StereoWav.rms(wav.right(), heldMs + 300, completeSentMs - 300),
                        "no hold music, no consultation");
                double both = bestMix(wav, joinedMs, wav.millis(), 1000, 1600);
                assertTrue(both > 0.3, "the conference: ann and bob together on the right, best share " + both);
                assertTrue(StereoWav.toneShare(wav.right(), joinedMs + 300, wav.millis() - 300, 440) < 0.1,
                        "the contact does not hear itself in the mix");
            }
        }
    }

    @Test
    void conferenceHoldsBothAgentsThenTheOneWhoStays() throws Exception {
        try (Sipp annPhone = Sipp.scenario("agent-phone-audio.xml").directory(phoneSaying("ann-1000-f", 1000))
                .calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp bobPhone = Sipp.scenario("agent-phone-audio.xml").directory(phoneSaying("bob-1600-f", 1600))
                     .calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer-audio-long.xml").directory(contactTone("tone-440-conf"))
                     .calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), TransferIT.AGENTS, TransferIT.CAMPAIGN,
                     "recording:\n  directory: recs\n  mode: all\n")) {
            gw.post("/api/campaigns/it/records", "contact_info\n2005550406\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient ann = new CtiClient(gw.ctiUrl()); CtiClient bob = new CtiClient(gw.ctiUrl())) {
                logInBoth(gw, ann, annPhone, bob, bobPhone);
                String ix = ann.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();
                long id = ann.await("RecordingStarted", LIMIT).path("recordingId").asLong();
                long startedAt = System.nanoTime();
                CampaignCall call = gw.gateway().dialing().findCall(ix).get(5, TimeUnit.SECONDS).orElseThrow();
                double at = TransferIT.metric(gw, "outdial_rtp_packets_relayed_total");
                Await.until(LIMIT, "a second and a half of ann and the contact",
                        () -> TransferIT.metric(gw, "outdial_rtp_packets_relayed_total") - at > 150);

                long conferenceSentMs = since(startedAt);
                ann.send(new CtiCommand.Conference("a2", ix, "bob", null));
                ann.await("ConferenceJoined", LIMIT);
                long joinedMs = since(startedAt);
                long mixOut = call.contactMedia().packetsSent();
                Await.until(LIMIT, "two seconds of the three-party mix sent to the contact",
                        () -> call.contactMedia().packetsSent() - mixOut > 100);
                long leaveSentMs = since(startedAt);
                ann.send(new CtiCommand.LeaveConference("a3", ix));
                ann.await("InteractionReleased", LIMIT);
                bob.await("ConferencePartyLeft", LIMIT);
                long leftMs = since(startedAt);
                long bobOut = call.contactMedia().packetsSent();
                Await.until(LIMIT, "a second and a half of bob alone with the contact",
                        () -> call.contactMedia().packetsSent() - bobOut > 75);

                JsonNode stopped = ann.await("RecordingStopped", LIMIT);
                assertEquals("completed", stopped.path("status").asText(), stopped.toString());
                ann.send(new CtiCommand.MarkDone("a4", ix));
                ann.await("InteractionDone", LIMIT);
                bob.await("InteractionReleased", LIMIT);
                bob.send(new CtiCommand.MarkDone("b2", ix));
                bob.await("InteractionDone", LIMIT);
                gw.awaitAllUpdated("it", LIMIT);

                StereoWav wav = fetched(gw, id);
                assertTrue(StereoWav.toneShare(wav.right(), 300, conferenceSentMs - 200, 1000) > 0.6, "ann first");
                assertTrue(StereoWav.toneShare(wav.right(), 300, conferenceSentMs - 200, 1600) < 0.1, "not bob yet");
                double both = bestMix(wav, joinedMs, leaveSentMs, 1000, 1600);
                assertTrue(both > 0.3, "the conference: ann and bob together on the right, best share " + both);
                double bobAlone = 0;
                for (long from = leftMs; from + WINDOW <= wav.millis(); from += 100) {
                    if (StereoWav.toneShare(wav.right(), from, from + WINDOW, 1000) < 0.05) {
                        bobAlone = Math.max(bobAlone, StereoWav.toneShare(wav.right(), from, from + WINDOW, 1600));
                    }
                }
                assertTrue(bobAlone > 0.6, "after ann left: bob alone on the right, best share " + bobAlone);
                assertTrue(StereoWav.toneShare(wav.left(), leftMs + 300, leftMs + 1300, 440) > 0.6,
                        "the contact on the left after ann left");
            }
        }
    }

    @Test
    void aCancelledConsultationGivesAnnBackAndACompletedOneGivesBob() throws Exception {
        try (Sipp annPhone = Sipp.scenario("agent-phone-audio.xml").directory(phoneSaying("ann-1000-x", 1000))
                .calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp bobPhone = Sipp.scenario("agent-phone-audio.xml").directory(phoneSaying("bob-1600-x", 1600))
                     .calls(2).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer-audio-long.xml").directory(contactTone("tone-440-cancel"))
                     .calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), TransferIT.AGENTS, TransferIT.CAMPAIGN,
                     "recording:\n  directory: recs\n  mode: all\n")) {
            gw.post("/api/campaigns/it/records", "contact_info\n2005550408\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient ann = new CtiClient(gw.ctiUrl()); CtiClient bob = new CtiClient(gw.ctiUrl())) {
                logInBoth(gw, ann, annPhone, bob, bobPhone);
                String ix = ann.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();
                long id = ann.await("RecordingStarted", LIMIT).path("recordingId").asLong();
                long startedAt = System.nanoTime();
                CampaignCall call = gw.gateway().dialing().findCall(ix).get(5, TimeUnit.SECONDS).orElseThrow();
                double at = TransferIT.metric(gw, "outdial_rtp_packets_relayed_total");
                Await.until(LIMIT, "a second of ann and the contact",
                        () -> TransferIT.metric(gw, "outdial_rtp_packets_relayed_total") - at > 100);

                ann.send(new CtiCommand.Consult("a2", ix, "bob", null));
                ann.await("ConsultStarted", LIMIT);
                long heldMs = since(startedAt);
                ann.await("ConsultEstablished", LIMIT);
                long bobIn = call.consultTargetMedia().packetsReceived();
                Await.until(LIMIT, "ann and bob talk a second",
                        () -> call.consultTargetMedia().packetsReceived() - bobIn > 50);
                long cancelSentMs = since(startedAt);
                ann.send(new CtiCommand.CancelConsult("a3", ix));
                ann.await("InteractionRetrieved", LIMIT);
                long backMs = since(startedAt);
                double atBack = TransferIT.metric(gw, "outdial_rtp_packets_relayed_total");
                Await.until(LIMIT, "a second of ann and the contact again",
                        () -> TransferIT.metric(gw, "outdial_rtp_packets_relayed_total") - atBack > 100);
                bob.await("InteractionReleased", LIMIT);
                bob.send(new CtiCommand.MarkDone("b2", ix));
                bob.await("InteractionDone", LIMIT);
                JsonNode bobState;
                do {
                    bobState = bob.await("AgentStateChanged", LIMIT);
                } while (!"Ready".equals(bobState.path("state").asText()));

                long secondConsultMs = since(startedAt);
                ann.send(new CtiCommand.Consult("a4", ix, "bob", null));
                ann.await("ConsultEstablished", LIMIT);
                ann.send(new CtiCommand.CompleteTransfer("a5", ix));
                ann.await("TransferCompleted", LIMIT);
                long transferredMs = since(startedAt);
                ann.await("InteractionReleased", LIMIT);
                ann.send(new CtiCommand.MarkDone("a6", ix));
                ann.await("InteractionDone", LIMIT);
                long contactOut = call.contactMedia().packetsSent();
                Await.until(LIMIT, "a second and a half of bob and the contact",
                        () -> call.contactMedia().packetsSent() - contactOut > 75);

                JsonNode stopped = ann.await("RecordingStopped", LIMIT);
                assertEquals("completed", stopped.path("status").asText(), stopped.toString());
                bob.await("InteractionReleased", LIMIT);
                bob.send(new CtiCommand.MarkDone("b3", ix));
                bob.await("InteractionDone", LIMIT);
                gw.awaitAllUpdated("it", LIMIT);

                StereoWav wav = fetched(gw, id);
                assertTrue(cancelSentMs - heldMs > 1000, "a consultation long enough to measure");
                assertEquals(0.0, StereoWav.rms(wav.right(), heldMs + 300, cancelSentMs - 300), "the consultation");
                double annBack = 0;
                for (long from = backMs; from + WINDOW <= secondConsultMs; from += 100) {
                    annBack = Math.max(annBack, StereoWav.toneShare(wav.right(), from, from + WINDOW, 1000));
                }
                assertTrue(annBack > 0.6, "ann again after CancelConsult, best share " + annBack);
                double bobAfter = 0;
                for (long from = transferredMs; from + WINDOW <= wav.millis(); from += 100) {
                    if (StereoWav.toneShare(wav.right(), from, from + WINDOW, 1000) < 0.05) {
                        bobAfter = Math.max(bobAfter, StereoWav.toneShare(wav.right(), from, from + WINDOW, 1600));
                    }
                }
                assertTrue(bobAfter > 0.6, "bob alone after CompleteTransfer, best share " + bobAfter);
            }
        }
    }
}
