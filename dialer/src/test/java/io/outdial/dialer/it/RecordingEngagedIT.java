package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.media.corpus.AudioFiles;
import io.outdial.media.corpus.Signal;
import io.outdial.media.record.StereoWav;
import io.outdial.sip.testing.Sipp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recording an assured-connection call: the agent's phone (1 kHz) is called first and hears the call-waiting music
 * while the contact (440 Hz) is dialed. The recording starts at the bridge, not at the engagement: the music is not
 * in the file, which holds the agent's tone on the right from its first frames and the contact's on the left.
 * (AssuredConnectionIT shows the music reaching the agent's phone before the contact is dialed.)
 */
class RecordingEngagedIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @Test
    void theEngagingPhasesMusicIsNotRecordedTheRecordingStartsAtTheBridge() throws Exception {
        Path music = ContactAudio.messageWav();
        Path agentAudio = ContactAudio.folder("agent-1000-engaged");
        AudioFiles.writeRawPcmu(agentAudio.resolve("audio/agent.raw"), Signal.create().tone(2000, -12, 1000).pcm());
        Path contactAudio = ContactAudio.folder("tone-440-engaged");
        AudioFiles.writeRawPcmu(contactAudio.resolve("audio/contact.raw"), Signal.create().tone(7500, -12, 440).pcm());
        try (Sipp phone = Sipp.scenario("agent-phone-audio.xml").directory(agentAudio).calls(1)
                .timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer-audio.xml").directory(contactAudio).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), "  - { id: ann, secret: s3cret }",
                     "  - { name: vip, dialingMode: assured_connection, agents: [ann], autoLoad: false }",
                     "audio:\n  callWaitingMusic: \"" + music + "\"\nrecording:\n  directory: recs\n  mode: all\n")) {
            gw.post("/api/campaigns/vip/records", "contact_info\n2005550407\n");
            gw.post("/api/campaigns/vip/load", "");
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login("1", "ann", "s3cret", phone.uri("ann")));
                desk.await("LoggedIn", LIMIT);
                gw.post("/api/campaigns/vip/start", "");
                desk.send(new CtiCommand.Ready("2"));
                desk.await("InteractionEngaged", LIMIT);
                String ix = desk.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();
                JsonNode started = desk.await("RecordingStarted", LIMIT);
                long id = started.path("recordingId").asLong();
                List<String> seen = desk.types();
                assertTrue(seen.indexOf("InteractionEstablished") < seen.indexOf("RecordingStarted"),
                        "recorded from the bridge, not the engagement: " + seen);
                JsonNode first = desk.awaitAny(LIMIT, "InteractionReleased", "RecordingStopped");
                desk.await(first.path("type").asText().equals("RecordingStopped") ? "InteractionReleased"
                        : "RecordingStopped", LIMIT);
                desk.send(new CtiCommand.MarkDone("3", ix));
                desk.await("InteractionDone", LIMIT);
                long recordId = gw.awaitAllUpdated("vip", LIMIT).get(0).recordId();

                JsonNode row = GatewayHarness.JSON.readTree(gw.get("/api/records/" + recordId + "/recordings"))
                        .get(0);
                assertEquals("COMPLETED", row.path("status").asText(), row.toString());
                // That the recorder starts at the bridge, not the engagement (to the millisecond), is
                // CallRecordingTest's, in virtual time; here: no call-waiting music in the file.
                HttpResponse<byte[]> audio = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(gw.baseUrl() + "/api/recordings/" + id + "/audio"))
                        .header("Authorization", "Bearer " + GatewayHarness.ADMIN_TOKEN).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                Path file = Files.createTempFile("engaged", ".wav");
                Files.write(file, audio.body());
                StereoWav wav = StereoWav.read(file);
                assertTrue(wav.millis() > 3000, "a call of several seconds: " + wav.millis() + " ms");
                // From its first frames to the end the right channel is the agent's tone: no music anywhere.
                assertTrue(StereoWav.toneShare(wav.right(), 200, wav.millis() - 300, 1000) > 0.6,
                        "the agent, and no call-waiting music, on the right");
                assertTrue(StereoWav.toneShare(wav.left(), 200, wav.millis() - 800, 440) > 0.6, "the contact");
            }
        }
    }
}
