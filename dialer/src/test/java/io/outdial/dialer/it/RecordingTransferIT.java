package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outdial.bridge.cti.CtiCommand;
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
import org.junit.jupiter.api.Test;

/**
 * A recorded call transferred from one agent to another: the recording goes on through the transfer and holds both
 * agents on its right channel (ann's phone says 1 kHz, bob's 1.6 kHz), the contact's 440 Hz on the left.
 */
class RecordingTransferIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path phoneSaying(String name, double hz) throws IOException {
        Path dir = ContactAudio.folder(name);
        AudioFiles.writeRawPcmu(dir.resolve("audio/agent.raw"), Signal.create().tone(2000, -12, hz).pcm());
        return dir;
    }

    @Test
    void recordingCoversBothAgentsOfATransferredCall() throws Exception {
        Path contactAudio = ContactAudio.folder("tone-440-transfer");
        AudioFiles.writeRawPcmu(contactAudio.resolve("audio/contact.raw"), Signal.create().tone(7500, -12, 440).pcm());
        try (Sipp annPhone = Sipp.scenario("agent-phone-audio.xml").directory(phoneSaying("ann-1000", 1000))
                .calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp bobPhone = Sipp.scenario("agent-phone-audio.xml").directory(phoneSaying("bob-1600", 1600))
                     .calls(1).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer-audio.xml").directory(contactAudio).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), TransferIT.AGENTS, TransferIT.CAMPAIGN,
                     "recording:\n  directory: recs\n  mode: all\n")) {
            gw.post("/api/campaigns/it/records", "contact_info\n2005550403\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient ann = new CtiClient(gw.ctiUrl()); CtiClient bob = new CtiClient(gw.ctiUrl())) {
                ann.send(TransferIT.login("ann", annPhone));
                ann.await("LoggedIn", LIMIT);
                bob.send(TransferIT.login("bob", bobPhone));
                bob.await("LoggedIn", LIMIT);
                bob.send(new CtiCommand.Ready("b1"));
                bob.await("AgentStateChanged", LIMIT);
                gw.post("/api/campaigns/it/start", "");
                ann.send(new CtiCommand.Ready("a1"));
                String ix = ann.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();
                long id = ann.await("RecordingStarted", LIMIT).path("recordingId").asLong();
                long startedAt = System.nanoTime();
                double at = TransferIT.metric(gw, "outdial_rtp_packets_relayed_total");
                Await.until(LIMIT, "a second and a half of ann and the contact",
                        () -> TransferIT.metric(gw, "outdial_rtp_packets_relayed_total") - at > 150);

                long transferAt = System.nanoTime();
                ann.send(new CtiCommand.Transfer("a2", ix, "bob", null));
                bob.await("InteractionEstablished", LIMIT);
                long bobAt = System.nanoTime();
                ann.await("TransferCompleted", LIMIT);
                ann.await("InteractionReleased", LIMIT);
                ann.send(new CtiCommand.MarkDone("a3", ix));
                ann.await("InteractionDone", LIMIT);

                bob.await("InteractionReleased", LIMIT);
                JsonNode stopped = ann.await("RecordingStopped", LIMIT);
                assertEquals("completed", stopped.path("status").asText(), stopped.toString());
                bob.send(new CtiCommand.SetCallResult("b2", ix, "ANSWER"));
                bob.await("CallResultSet", LIMIT);
                bob.send(new CtiCommand.MarkDone("b3", ix));
                bob.await("InteractionDone", LIMIT);

                long recordId = gw.awaitAllUpdated("it", LIMIT).get(0).recordId();
                JsonNode list = JSON.readTree(gw.get("/api/records/" + recordId + "/recordings"));
                assertEquals(1, list.size(), "one recording through the transfer: " + list);
                assertEquals("ann", list.get(0).path("agentId").asText(), "the agent who had the call at its start");
                HttpResponse<byte[]> audio = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gw.baseUrl() + "/api/recordings/" + id + "/audio"))
                        .header("Authorization", "Bearer " + GatewayHarness.ADMIN_TOKEN).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                Path file = Files.createTempFile("transfer", ".wav");
                Files.write(file, audio.body());
                StereoWav wav = StereoWav.read(file);

                long transferMs = (transferAt - startedAt) / 1_000_000;
                long bobMs = (bobAt - startedAt) / 1_000_000;
                assertTrue(StereoWav.toneShare(wav.right(), 300, transferMs - 200, 1000) > 0.6, "ann before");
                assertTrue(StereoWav.toneShare(wav.right(), 300, transferMs - 200, 1600) < 0.1, "not bob before");
                // bob talks from his answer to the contact's hang-up: somewhere in that span he fills 600 ms.
                double best = 0;
                for (long from = bobMs; from + 600 <= wav.millis(); from += 100) {
                    best = Math.max(best, StereoWav.toneShare(wav.right(), from, from + 600, 1600));
                }
                assertTrue(best > 0.6, "bob after the transfer, on the same recording: best share " + best);
                assertTrue(StereoWav.toneShare(wav.left(), 300, transferMs - 200, 440) > 0.6, "the contact");
            }
        }
    }
}
