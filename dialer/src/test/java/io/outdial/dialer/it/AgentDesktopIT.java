package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The agent desktop ({@code /agent}) in a real headless Chromium against the running gateway, with SIPp phones and
 * contacts: every step is a click or a key in the page, every check reads the page or the admin API.
 */
class AgentDesktopIT {
    static final Duration LIMIT = Duration.ofSeconds(40);
    static final String AGENTS = "  - { id: ann, secret: s3cret }";
    static final String CODES = "dispositionCodes: [Sale, NoSale, Callback]";

    /** Logs in through the form; returns once the desk shows the agent NotReady. */
    static void logIn(Browser b, GatewayHarness gw, String phoneUri) {
        b.open(gw.baseUrl() + "/agent");
        b.type("#agent-id", "ann");
        b.type("#secret", "s3cret");
        b.type("#phone", phoneUri);
        b.click("#btn-login");
        b.awaitText("#voice-state", "NotReady");
        b.awaitText("#whoami", "ann");
        b.awaitText("#preview-state", "NotReady");
    }

    static JsonNode onlyRecord(GatewayHarness gw, String campaign) throws Exception {
        JsonNode records = GatewayHarness.JSON.readTree(gw.get("/api/campaigns/" + campaign + "/records"));
        assertEquals(1, records.size(), records.toString());
        return records.get(0);
    }

    @Test
    void progressivePreviewAcceptedConnectedDispositionedAndMarkedDone() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(2).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(60)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS,
                     "  - { name: pg, description: \"Spring drive\", dialingMode: progressive, agents: [ann],"
                             + " autoLoad: false, " + CODES + ", preview: { interactionPreview: true,"
                             + " acceptTimeout: 60s } }");
             Browser b = Browser.start("agent-progressive-accept-done")) {
            gw.uploadAndStart("pg", "contact_info,first_name\n2005550701,Alice\n");
            logIn(b, gw, phone.uri("ann"));
            WebElement row = b.awaitVisible("#campaigns tr[data-campaign='pg']");
            assertTrue(row.getText().contains("Running"), row.getText());
            assertTrue(row.getText().contains("Progressive"), row.getText());

            b.click("#btn-ready");
            b.awaitText("#voice-state", "Reserved");
            WebElement preview = b.awaitVisible("#ix-preview");
            assertEquals("dialog", preview.getAttribute("role"));
            b.awaitText("#ix-preview-countdown", "Accept within");
            b.await(d -> "btn-accept".equals(d.switchTo().activeElement().getAttribute("id")));
            assertTrue(b.find("#ix-preview-body").getText().contains("2005550701"));
            // Keyboard: the focused Accept button takes Enter.
            b.driver().switchTo().activeElement().sendKeys("\n");

            b.awaitText("#call-status", "Connected");
            b.awaitText("#voice-state", "Busy");
            b.screenshot("agent-progressive-connected");
            assertTrue(b.find("#case-info").getText().contains("Outbound campaign call to 2005550701"),
                    b.find("#case-info").getText());
            b.click("#btn-end");
            b.awaitText("#call-status", "Ended");

            b.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#call-result option[value='WRONG_PARTY']")));
            new Select(b.find("#call-result")).selectByValue("WRONG_PARTY");
            b.awaitText("#messages", "Call result set: WRONG_PARTY");
            new Select(b.find("#disposition-code")).selectByValue("NoSale");
            b.type("#note", "spoke to the neighbour");
            b.click("#btn-disposition");
            b.awaitText("#messages", "Disposition saved: NoSale");
            b.click("#btn-mark-done");
            b.awaitText("#messages", "Done:");
            b.awaitText("#voice-state", "Ready");
            b.await(d -> !d.findElement(By.id("interaction")).isDisplayed());

            Await.until(LIMIT, "the record Updated", () -> {
                try {
                    return "UPDATED".equals(onlyRecord(gw, "pg").path("record_status").asText());
                } catch (Exception e) {
                    return false;
                }
            });
            assertEquals("WRONG_PARTY", onlyRecord(gw, "pg").path("call_result").asText());
            String export = gw.get("/api/campaigns/pg/export");
            assertTrue(export.contains("NoSale") && export.contains("spoke to the neighbour"), export);
        }
    }

    @Test
    void aPreviewRecordDeclinedDoNotCallIsCancelled() throws Exception {
        try (GatewayHarness gw = GatewayHarness.start("127.0.0.1:5999", AGENTS,
                     "  - { name: pv, description: \"Preview drive\", dialingMode: preview, agents: [ann],"
                             + " autoLoad: false, " + CODES + ", recordFields: ["
                             + "{ name: first_name, label: First name, type: text },"
                             + "{ name: notes, label: Notes, type: text, editable: true },"
                             + "{ name: vip, label: VIP, type: checkbox, editable: true },"
                             + "{ name: visit, label: Visit, type: datetime, editable: true },"
                             + "{ name: plan, label: Plan, type: dropdown, options: [Gold, Silver], editable: true } ] }");
             Browser b = Browser.start("agent-preview-decline-do-not-call")) {
            gw.uploadAndStart("pv", "contact_info,first_name,notes,vip,visit,plan\n2005550801,Bea,,false,,Silver\n");
            logIn(b, gw, "sip:ann@127.0.0.1:5998");
            b.click("#campaigns tr[data-campaign='pv'] button");
            b.awaitText("#call-status", "Preview");
            assertTrue(b.find("#current-phone").getText().contains("2005550801"), b.find("#current-phone").getText());
            assertTrue(b.find("#record-all").getAttribute("textContent").contains("Bea"), "the record's fields");
            b.await(d -> "interaction-title".equals(d.switchTo().activeElement().getAttribute("id")));

            // Record Information: each field rendered by its type; the read-only one cannot be edited.
            assertEquals("true", b.find("#rf-first_name").getAttribute("disabled"));
            assertEquals("checkbox", b.find("#rf-vip").getAttribute("type"));
            assertEquals("datetime-local", b.find("#rf-visit").getAttribute("type"));
            assertEquals("Silver", new Select(b.find("#rf-plan")).getFirstSelectedOption().getText());
            b.type("#rf-notes", "prefers mornings");
            b.click("#rf-vip");
            b.setValue("#rf-visit", "2026-12-01T09:15");
            new Select(b.find("#rf-plan")).selectByValue("Gold");
            b.click("#btn-save-record");
            b.awaitText("#messages", "Record Information saved");
            JsonNode edited = onlyRecord(gw, "pv");
            assertEquals("prefers mornings", edited.path("notes").asText(), edited.toString());
            assertEquals("true", edited.path("vip").asText());
            assertEquals("2026-12-01T09:15", edited.path("visit").asText());
            assertEquals("Gold", edited.path("plan").asText());

            b.click("#btn-decline-dnc");
            b.awaitText("#messages", "Declined: Do not call this contact for this campaign");
            b.await(d -> !d.findElement(By.id("interaction")).isDisplayed());

            JsonNode record = onlyRecord(gw, "pv");
            assertEquals("CANCELLED", record.path("record_status").asText(), record.toString());
            assertEquals("CANCEL_RECORD", record.path("call_result").asText(), record.toString());
        }
    }

    @Test
    void aPreviewAgentPicksTheContactsOtherNumberFromTheChainList() throws Exception {
        try (GatewayHarness gw = GatewayHarness.start("127.0.0.1:5999", AGENTS,
                     "  - { name: pv, description: \"Preview drive\", dialingMode: preview, agents: [ann],"
                             + " autoLoad: false, " + CODES + " }");
             Browser b = Browser.start("agent-preview-chain-number")) {
            gw.uploadAndStart("pv", "contact_info,contact_info_type,chain_id,chain_n\n2005550811,Home,c,0\n"
                    + "2005550812,Mobile,c,1\n");
            logIn(b, gw, "sip:ann@127.0.0.1:5998");
            b.click("#campaigns tr[data-campaign='pv'] button");
            b.awaitText("#current-phone", "2005550811");
            b.awaitText("#chain-record", "2005550812 (Mobile)");
            new Select(b.find("#chain-record")).selectByVisibleText("2005550812 (Mobile)");
            b.click("#btn-chain");
            b.awaitText("#current-phone", "2005550812");
            JsonNode records = GatewayHarness.JSON.readTree(gw.get("/api/campaigns/pv/records"));
            for (JsonNode r : records) {
                assertEquals(r.path("contact_info").asText().equals("2005550812") ? "RETRIEVED" : "READY",
                        r.path("record_status").asText(), records.toString());
            }
        }
    }

    @Test
    void aPastCallbackIsRefusedOnThePageThenAValidOneIsScheduled() throws Exception {
        ZoneId newYork = ZoneId.of("America/New_York");
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(2).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS,
                     "  - { name: pv, description: \"Preview drive\", dialingMode: preview, agents: [ann],"
                             + " autoLoad: false, " + CODES + " }");
             Browser b = Browser.start("agent-callback-past-refused")) {
            gw.uploadAndStart("pv", "contact_info,tz,daily_from,daily_till\n2005550901,America/New_York,0,86400\n");
            logIn(b, gw, phone.uri("ann"));
            b.click("#campaigns tr[data-campaign='pv'] button");
            b.awaitText("#call-status", "Preview");
            b.click("#btn-call");
            b.awaitText("#call-status", "Ended");

            LocalDateTime past = LocalDateTime.now(newYork).minusHours(2);
            b.setValue("#cb-date", past.toLocalDate().toString());
            b.setValue("#cb-time", past.format(DateTimeFormatter.ofPattern("HH:mm")));
            b.click("#btn-callback");
            WebElement refusal = b.awaitText("#messages li.error", "INVALID_CALLBACK");
            assertTrue(refusal.getText().contains("past"), refusal.getText());

            LocalDateTime tomorrow = LocalDateTime.now(newYork).plusDays(1).withHour(16).withMinute(30);
            b.setValue("#cb-date", tomorrow.toLocalDate().toString());
            b.setValue("#cb-time", "16:30");
            b.setValue("#cb-from", "17:00");
            b.setValue("#cb-till", "20:00");
            b.click("#btn-callback");
            b.awaitText("#messages li.error", "outside its window 17:00-20:00");
            b.setValue("#cb-from", "09:00");
            b.setValue("#cb-till", "18:30");
            b.click("#btn-callback");
            b.awaitText("#cb-status", "Campaign callback scheduled for " + tomorrow.toLocalDate() + "T16:30");
            b.awaitText("#cb-status", "calls from 09:00 till 18:30");
            b.click("#btn-done-stop");
            b.awaitText("#messages", "Done:");

            Await.until(LIMIT, "the record rescheduled", () -> {
                try {
                    return "CAMPAIGN_CALLBACK".equals(onlyRecord(gw, "pv").path("record_type").asText());
                } catch (Exception e) {
                    return false;
                }
            });
            JsonNode record = onlyRecord(gw, "pv");
            assertEquals("READY", record.path("record_status").asText(), record.toString());
            assertEquals(tomorrow.withSecond(0).withNano(0).atZone(newYork).toInstant().toString(),
                    record.path("dial_sched_time").asText());
            assertEquals(9 * 3600, record.path("daily_from").asInt(), record.toString());
            assertEquals(18 * 3600 + 1800, record.path("daily_till").asInt(), record.toString());
        }
    }
}
