package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.dialer.record.CallResult;
import io.outdial.media.corpus.AudioFiles;
import io.outdial.media.corpus.Signal;
import io.outdial.media.record.StereoWav;
import io.outdial.sip.testing.Sipp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Voice recording of a real call: a SIPp contact says a 440 Hz tone, the agent's SIPp phone a 1 kHz tone; the
 * gateway records the bridged call in stereo. The file is fetched through the admin API (audited) and measured.
 */
class RecordingIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The contact's audio: 440 Hz for 7.5 s (the scenario hangs up 8 s after its ACK). */
    private static Path contactTone() throws IOException {
        Path dir = ContactAudio.folder("tone-440");
        AudioFiles.writeRawPcmu(dir.resolve("audio/contact.raw"), Signal.create().tone(7500, -12, 440).pcm());
        return dir;
    }

    /** The agent's phone: 1 kHz, looped. */
    private static Path agentTone() throws IOException {
        Path dir = ContactAudio.folder("agent-1000");
        AudioFiles.writeRawPcmu(dir.resolve("audio/agent.raw"), Signal.create().tone(2000, -12, 1000).pcm());
        return dir;
    }

    private static double relayed(GatewayHarness gw) {
        try {
            return gw.metric("outdial_rtp_packets_relayed_total");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> fetch(GatewayHarness gw, String path) throws Exception {
        return fetch(gw, path, GatewayHarness.ADMIN_TOKEN, null);
    }

    /** {@code path} with {@code token} (none when null) and a Range header (none when null). */
    private static HttpResponse<byte[]> fetch(GatewayHarness gw, String path, String token, String range)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gw.baseUrl() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (range != null) {
            request.header("Range", range);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** InteractionReleased and RecordingStopped, in whichever order they come; returns RecordingStopped. */
    private static JsonNode releasedAndStopped(CtiClient desk) throws InterruptedException {
        JsonNode first = desk.awaitAny(LIMIT, "InteractionReleased", "RecordingStopped");
        String other = first.path("type").asText().equals("RecordingStopped") ? "InteractionReleased"
                : "RecordingStopped";
        JsonNode second = desk.await(other, LIMIT);
        return other.equals("RecordingStopped") ? second : first;
    }

    @Test
    void bridgedCallIsRecordedInStereoWithThePausedSpanSilent() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone-audio.xml").directory(agentTone()).calls(2)
                .timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer-audio.xml").directory(contactTone()).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), "  - { id: ann, secret: s3cret }",
                     "  - { name: it, dialingMode: progressive, agents: [ann], autoLoad: false }",
                     "recording:\n  directory: recs\n  campaigns:\n    - { campaign: it, mode: all }\n")) {
            gw.post("/api/campaigns/it/records", "contact_info\n2005550401\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login("1", "ann", "s3cret", phone.uri("ann")));
                desk.await("LoggedIn", LIMIT);
                gw.post("/api/campaigns/it/start", "");
                desk.send(new CtiCommand.Ready("2"));
                String ix = desk.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();
                JsonNode started = desk.await("RecordingStarted", LIMIT);
                long startedAt = System.nanoTime();
                long id = started.path("recordingId").asLong();
                assertEquals(ix, started.path("interactionId").asText());
                assertTrue(started.path("agentControl").toString().contains("pause"), started.toString());
                assertTrue(!started.path("agentControl").toString().contains("stop"), "mode all: no agent stop");

                desk.send(new CtiCommand.StopRecording("3", ix));
                assertEquals("RECORDING_NOT_ALLOWED", desk.await("Error", LIMIT).path("code").asText());

                double at = relayed(gw);
                Await.until(LIMIT, "two seconds of audio relayed both ways", () -> relayed(gw) - at > 200);
                desk.send(new CtiCommand.PauseRecording("4", ix));
                desk.await("RecordingPaused", LIMIT);
                long pausedAt = System.nanoTime();
                double atPause = relayed(gw);
                Await.until(LIMIT, "a second and a half relayed while paused", () -> relayed(gw) - atPause > 150);
                desk.send(new CtiCommand.ResumeRecording("5", ix));
                desk.await("RecordingResumed", LIMIT);
                long resumedAt = System.nanoTime();

                // The call's end ends the recording; its row is written, then the desktop hears of it.
                JsonNode stopped = releasedAndStopped(desk);
                long stoppedAt = System.nanoTime();
                assertEquals("completed", stopped.path("status").asText(), stopped.toString());
                assertEquals(id, stopped.path("recordingId").asLong());
                desk.send(new CtiCommand.MarkDone("6", ix));
                desk.await("InteractionDone", LIMIT);

                long recordId = gw.awaitAllUpdated("it", LIMIT).get(0).recordId();
                assertEquals(CallResult.ANSWER, gw.records("it").get(0).callResult());
                JsonNode list = JSON.readTree(gw.get("/api/records/" + recordId + "/recordings"));
                assertEquals(1, list.size(), list.toString());
                JsonNode row = list.get(0);
                assertEquals("COMPLETED", row.path("status").asText());
                assertEquals("ann", row.path("agentId").asText());
                assertEquals(ix, row.path("interactionId").asText());
                long durationMs = row.path("durationMs").asLong();
                long wallMs = (stoppedAt - startedAt) / 1_000_000;
                assertTrue(Math.abs(durationMs - wallMs) < 1500, "recorded " + durationMs + " ms of a call of "
                        + wallMs + " ms (RecordingStarted to RecordingStopped)");
                // The row's pausedMs (Pause to Resume, to the millisecond) is CallRecordingTest's, in virtual time.

                HttpResponse<byte[]> audio = fetch(gw, "/api/recordings/" + id + "/audio");
                assertEquals(200, audio.statusCode());
                assertEquals("audio/wav", audio.headers().firstValue("content-type").orElse(""));
                Path wavFile = Files.createTempFile("recording", ".wav");
                Files.write(wavFile, audio.body());
                StereoWav wav = StereoWav.read(wavFile);
                assertEquals(durationMs, wav.millis(), "the row's duration is the file's");

                long pauseFrom = (pausedAt - startedAt) / 1_000_000;
                long pauseTo = (resumedAt - startedAt) / 1_000_000;
                // Before the pause both talk: the contact on the left, the agent on the right, each alone.
                assertTrue(StereoWav.toneShare(wav.left(), 300, pauseFrom - 300, 440) > 0.6, "440 Hz on the left");
                assertTrue(StereoWav.toneShare(wav.left(), 300, pauseFrom - 300, 1000) < 0.1, "left: no agent");
                assertTrue(StereoWav.toneShare(wav.right(), 300, pauseFrom - 300, 1000) > 0.6, "1 kHz on the right");
                assertTrue(StereoWav.toneShare(wav.right(), 300, pauseFrom - 300, 440) < 0.1, "right: no contact");
                assertTrue(StereoWav.rms(wav.left(), 300, pauseFrom - 300) > 300, "the contact is loud enough");
                // The paused span is digital silence, kept in the file so that it stays in step with the call.
                assertEquals(0.0, StereoWav.rms(wav.left(), pauseFrom + 300, pauseTo - 300), "paused: left silent");
                assertEquals(0.0, StereoWav.rms(wav.right(), pauseFrom + 300, pauseTo - 300), "paused: right silent");
                assertTrue(StereoWav.toneShare(wav.right(), pauseTo + 300, pauseTo + 900, 1000) > 0.6,
                        "the agent again after Resume");

                JsonNode audited = JSON.readTree(gw.get("/api/recordings/" + id));
                assertEquals(1, audited.path("accesses").size(), audited.toString());
                assertEquals("play", audited.path("accesses").get(0).path("action").asText());
                assertEquals(200, fetch(gw, "/api/recordings/" + id + "/audio?download=true").statusCode());
                assertEquals("download", JSON.readTree(gw.get("/api/recordings/" + id)).path("accesses").get(1)
                        .path("action").asText());
                // A supervisor's player seeking: a byte range is 206 with that slice of the file, audited too.
                String audioPath = "/api/recordings/" + id + "/audio";
                HttpResponse<byte[]> part = fetch(gw, audioPath, GatewayHarness.SUPERVISOR_TOKEN, "bytes=44-8043");
                assertEquals(206, part.statusCode());
                assertEquals("bytes 44-8043/" + audio.body().length,
                        part.headers().firstValue("content-range").orElse(""));
                assertEquals("bytes", part.headers().firstValue("accept-ranges").orElse(""));
                assertArrayEquals(java.util.Arrays.copyOfRange(audio.body(), 44, 8044), part.body(),
                        "the slice is the file's bytes 44 to 8043");
                JsonNode afterRange = JSON.readTree(gw.get("/api/recordings/" + id)).path("accesses");
                assertEquals(3, afterRange.size(), afterRange.toString());
                assertTrue(afterRange.get(2).path("requester").asText().contains("it-supervisor-token"),
                        afterRange.toString());
                HttpResponse<byte[]> outside = fetch(gw, audioPath, GatewayHarness.SUPERVISOR_TOKEN,
                        "bytes=" + audio.body().length + "-");
                assertEquals(416, outside.statusCode());
                assertEquals("bytes */" + audio.body().length, outside.headers().firstValue("content-range")
                        .orElse(""));
                assertEquals(416, fetch(gw, audioPath, GatewayHarness.SUPERVISOR_TOKEN, "bytes=9-3").statusCode());
                assertEquals(403, fetch(gw, audioPath, GatewayHarness.SCRAPE_TOKEN, "bytes=0-99").statusCode(),
                        "the scrape token may not play recordings");
                assertEquals(401, fetch(gw, audioPath, null, "bytes=0-99").statusCode());
                assertEquals(3, JSON.readTree(gw.get("/api/recordings/" + id)).path("accesses").size(),
                        "refused ranges and refused callers gave nothing and audited nothing");
                assertEquals(404, fetch(gw, "/api/recordings/" + (id + 1000) + "/audio").statusCode());
                assertEquals(400, fetch(gw, "/api/recordings/x/audio").statusCode());
            }
        }
    }

    @Test
    void recordingDirectoryGoneMidCallFailsTheRecordingNotTheCall() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone-audio.xml").directory(agentTone()).calls(2)
                .timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer-audio.xml").directory(contactTone()).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), "  - { id: ann, secret: s3cret }",
                     "  - { name: it, dialingMode: progressive, agents: [ann], autoLoad: false }",
                     "recording:\n  directory: recs\n  mode: on_demand\n")) {
            gw.post("/api/campaigns/it/records", "contact_info\n2005550402\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login("1", "ann", "s3cret", phone.uri("ann")));
                desk.await("LoggedIn", LIMIT);
                gw.post("/api/campaigns/it/start", "");
                desk.send(new CtiCommand.Ready("2"));
                String ix = desk.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();
                desk.send(new CtiCommand.StartRecording("3", ix));
                JsonNode started = desk.await("RecordingStarted", LIMIT);
                assertEquals("3", started.path("requestId").asText());
                long id = started.path("recordingId").asLong();
                // The whole recordings directory goes away under the running recording.
                Path dir = gw.gateway().config().recording().directory();
                Await.until(LIMIT, "the recording's partial file exists", () -> {
                    try (Stream<Path> files = Files.walk(dir)) {
                        return files.anyMatch(p -> p.toString().endsWith(".part"));
                    } catch (IOException e) {
                        return false;
                    }
                });
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
                Files.writeString(dir, "a file where the recordings directory was");

                JsonNode stopped = releasedAndStopped(desk);
                assertEquals("failed", stopped.path("status").asText(), stopped.toString());
                assertTrue(!stopped.path("reason").asText().isEmpty(), "the desktop is told why");
                desk.send(new CtiCommand.MarkDone("4", ix));
                desk.await("InteractionDone", LIMIT);
                assertEquals(CallResult.ANSWER, gw.awaitAllUpdated("it", LIMIT).get(0).callResult(),
                        "the call went on to its end");
                assertTrue(gw.requiredMetric("outdial_recording_failures_total") >= 1, "the alert metric rose");
                JsonNode failed = JSON.readTree(gw.get("/api/recordings/" + id));
                assertEquals("FAILED", failed.path("status").asText(), failed.toString());
                assertEquals(409, fetch(gw, "/api/recordings/" + id + "/audio").statusCode());
                assertTrue(Files.isRegularFile(dir), "nothing was written where the directory was");
            }
        }
    }

    @Test
    void holdMusicIsNotRecorded() throws Exception {
        Path music = ContactAudio.messageWav();
        try (Sipp phone = Sipp.scenario("agent-phone-audio.xml").directory(agentTone()).calls(2)
                .timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer-audio.xml").directory(contactTone()).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), "  - { id: ann, secret: s3cret }",
                     "  - { name: it, dialingMode: progressive, agents: [ann], autoLoad: false }",
                     "audio:\n  holdMusic: \"" + music + "\"\nrecording:\n  directory: recs\n  mode: all\n")) {
            gw.post("/api/campaigns/it/records", "contact_info\n2005550404\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login("1", "ann", "s3cret", phone.uri("ann")));
                desk.await("LoggedIn", LIMIT);
                gw.post("/api/campaigns/it/start", "");
                desk.send(new CtiCommand.Ready("2"));
                String ix = desk.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();
                long id = desk.await("RecordingStarted", LIMIT).path("recordingId").asLong();
                long startedAt = System.nanoTime();
                double at = relayed(gw);
                Await.until(LIMIT, "a second and a half relayed", () -> relayed(gw) - at > 150);
                desk.send(new CtiCommand.Hold("3", ix));
                desk.await("InteractionHeld", LIMIT);
                long heldAt = System.nanoTime();
                // The one fixed wait: how long the hold lasts (as in HoldIT). Nothing is awaited in it: the relay is
                // stopped and the per-leg counters are only written when the call ends.
                Thread.sleep(1500);
                desk.send(new CtiCommand.Retrieve("4", ix));
                desk.await("InteractionRetrieved", LIMIT);
                long retrievedAt = System.nanoTime();
                JsonNode stopped = releasedAndStopped(desk);
                assertEquals("completed", stopped.path("status").asText(), stopped.toString());
                desk.send(new CtiCommand.MarkDone("5", ix));
                desk.await("InteractionDone", LIMIT);
                gw.awaitAllUpdated("it", LIMIT);

                HttpResponse<byte[]> audio = fetch(gw, "/api/recordings/" + id + "/audio");
                Path wavFile = Files.createTempFile("held", ".wav");
                Files.write(wavFile, audio.body());
                StereoWav wav = StereoWav.read(wavFile);
                long holdFrom = (heldAt - startedAt) / 1_000_000;
                long holdTo = (retrievedAt - startedAt) / 1_000_000;
                assertTrue(StereoWav.rms(wav.right(), 300, holdFrom - 300) > 300, "the agent before the hold");
                assertEquals(0.0, StereoWav.rms(wav.right(), holdFrom + 300, holdTo - 300), "no hold music");
                assertEquals(0.0, StereoWav.rms(wav.left(), holdFrom + 300, holdTo - 300), "nor the held contact");
                assertTrue(StereoWav.toneShare(wav.right(), holdTo + 300, holdTo + 900, 1000) > 0.6,
                        "the agent after Retrieve");
            }
        }
    }
}
