package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outdial.media.corpus.AudioFiles;
import io.outdial.media.corpus.Signal;
import io.outdial.sip.testing.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The interaction view's recording buttons and Responses view in a real headless Chromium, on a connected call of a
 * campaign that records on demand: the agent starts, pauses and resumes the recording from the page, searches the
 * campaign's standard responses (uploaded with a broken row, reported and skipped) and inserts one into the note.
 */
class AgentRecordingDesktopIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void agentRecordsFromThePageAndInsertsAStandardResponseIntoTheNote() throws Exception {
        Path agentAudio = ContactAudio.folder("agent-1000-desk");
        AudioFiles.writeRawPcmu(agentAudio.resolve("audio/agent.raw"), Signal.create().tone(2000, -12, 1000).pcm());
        Path contactAudio = ContactAudio.folder("tone-440-desk");
        AudioFiles.writeRawPcmu(contactAudio.resolve("audio/contact.raw"), Signal.create().tone(7500, -12, 440).pcm());
        try (Sipp phone = Sipp.scenario("agent-phone-audio.xml").directory(agentAudio).calls(2)
                .timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer-audio.xml").directory(contactAudio).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AgentDesktopIT.AGENTS,
                     "  - { name: rec, dialingMode: progressive, agents: [ann], autoLoad: false, recordFields: ["
                             + "{ name: name, label: Name, type: text },"
                             + "{ name: plan, label: Plan, type: dropdown, options: [Gold, Silver], editable: true }] }",
                     "recording:\n  directory: recs\n  campaigns:\n    - { campaign: rec, mode: on_demand }\n");
             Browser b = Browser.start("agent-recording")) {
            JsonNode report = gw.post("/api/campaigns/rec/responses", """
                    [{"title": "Card details", "text": "For your security, please read me the card number now.",
                      "tags": ["payment", "pci"]},
                     {"title": "", "text": "a response without a title"},
                     {"title": "Opening hours", "text": "We are open from 8 to 8.", "tags": "hours"}]
                    """);
            assertEquals(2, report.path("added").asInt(), report.toString());
            assertEquals(1, report.path("rejected").size(), report.toString());
            assertEquals(2, report.path("rejected").get(0).path("row").asInt());
            assertEquals("title is missing", report.path("rejected").get(0).path("reason").asText());

            gw.uploadAndStart("rec", "contact_info,name,plan\n2005550901,Ann Lee,Gold\n");
            AgentDesktopIT.logIn(b, gw, phone.uri("ann"));
            b.click("#btn-ready");
            b.awaitText("#call-status", "Connected");
            b.awaitVisible("#btn-rec-start");
            b.click("#btn-rec-start");
            b.awaitText("#recording-status", "recording");
            b.awaitVisible("#btn-rec-pause");
            b.click("#btn-rec-pause");
            b.awaitText("#recording-status", "paused");
            b.click("#btn-rec-resume");
            b.awaitText("#recording-status", "recording");

            b.type("#response-search", "CARD");
            b.click("#btn-response-search");
            b.awaitText("#responses", "Card details");
            assertTrue(!b.find("#responses").getText().contains("Opening hours"), "the search kept only the match");
            b.screenshot("agent-recording-responses");
            String id = b.find("#responses li").getAttribute("data-response");
            b.click("#response-insert-" + id);
            assertEquals("For your security, please read me the card number now.",
                    b.script("return document.getElementById('note').value;"));

            b.awaitText("#call-status", "Ended");
            b.awaitText("#recording-status", "stopped");
            // After the call, before Mark Done: the agent changes an editable field and sees it in the Contact view.
            assertTrue(!b.find("#rf-name").isEnabled(), "a read-only field cannot be edited");
            b.setValue("#rf-plan", "Silver");
            b.click("#btn-save-record");
            b.awaitText("#messages", "Record Information saved");
            b.click("#btn-contact");
            b.awaitText("#contact-changes", "Silver");
            assertTrue(b.find("#contact-details").getText().contains("Ann Lee"), b.find("#contact-details").getText());
            assertTrue(b.find("#contact-changes").getText().contains("Gold"), "the value before is kept");
            b.type("#contact-search", "Ann");
            b.click("#btn-contact-search");
            b.awaitText("#contacts-found", "2005550901");
            b.click("#contacts-found button");
            assertEquals("2005550901", b.find("#party-target").getAttribute("value"),
                    "the contact picked is the transfer / conference target");
            b.screenshot("agent-contact-view");
            assertEquals("Silver", GatewayHarness.JSON.readTree(gw.get("/api/campaigns/rec/records")).get(0)
                    .path("plan").asText(), "the change is stored");

            long recordId = gw.records("rec").get(0).recordId();
            JsonNode list = JSON.readTree(gw.get("/api/records/" + recordId + "/recordings"));
            assertEquals(1, list.size(), list.toString());
            assertEquals("COMPLETED", list.get(0).path("status").asText(), list.toString());
            assertTrue(list.get(0).path("pausedMs").asLong() > 0, list.toString());
            b.click("#btn-mark-done");
            b.awaitText("#messages", "Done:");

            // The supervisor finds the record's recording and plays it in the page's audio player.
            long recordingId = list.get(0).path("recordingId").asLong();
            SupervisorLoginIT.logIn(b, gw, GatewayHarness.SUPERVISOR_USER, GatewayHarness.SUPERVISOR_PASSWORD);
            b.type("#recordings-record", Long.toString(recordId));
            b.click("#btn-recordings");
            b.awaitText("#recordings-table", "COMPLETED");
            b.click("#play-" + recordingId);
            b.awaitText("#recording-playing", "Recording " + recordingId);
            b.await(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "const a = document.getElementById('recording-player');"
                    + " return isFinite(a.duration) ? a.duration : 0;")).doubleValue() > 1.0);
            double seconds = ((Number) b.script("return document.getElementById('recording-player').duration;"))
                    .doubleValue();
            assertEquals(list.get(0).path("durationMs").asLong() / 1000.0, seconds, 0.1,
                    "the player reports the recording's length");
            // The server takes byte ranges, so the player can seek: half way in, it plays from there.
            b.script("const a = document.getElementById('recording-player'); a.currentTime = a.duration / 2;");
            b.await(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "const a = document.getElementById('recording-player');"
                    + " return !a.seeking && a.seekable.length > 0 && a.seekable.end(0) >= a.duration - 0.05"
                    + " && a.currentTime >= a.duration / 2 - 0.05;"));
            b.screenshot("supervisor-recording-player");
            JsonNode audited = JSON.readTree(gw.get("/api/recordings/" + recordingId));
            assertTrue(audited.path("accesses").size() >= 1, audited.toString());
            assertEquals("play", audited.path("accesses").get(0).path("action").asText());
        }
    }
}
