package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The supervisor dashboard ({@code /supervisor}) in a real headless Chromium against the running gateway. */
class SupervisorDashboardIT {

    @Test
    void aCsvWithBadRowsIsReportedRowByRowAndTheCampaignStarts() throws Exception {
        Path csv = Files.createTempFile("outdial-upload", ".csv");
        Files.writeString(csv, "contact_info,first_name\n2005551001,Ann\n,NoNumber\n2005551002,Bob\n"
                + "2005551003,Cy,extra\n2005551004,Di\n");
        try (GatewayHarness gw = GatewayHarness.start("127.0.0.1:5999", AgentDesktopIT.AGENTS,
                     "  - { name: spring, description: \"Spring drive\", dialingMode: progressive, agents: [ann],"
                             + " autoLoad: false }");
             Browser b = Browser.start("supervisor-upload-start")) {
            SupervisorLoginIT.logIn(b, gw, GatewayHarness.SUPERVISOR_USER, GatewayHarness.SUPERVISOR_PASSWORD);
            WebElement row = b.awaitVisible("#campaign-table tr[data-campaign='spring']");
            assertTrue(row.getText().contains("Unloaded"), row.getText());
            assertTrue(row.getText().contains("Progressive"), row.getText());

            b.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#upload-campaign option[value='spring']")));
            new Select(b.find("#upload-campaign")).selectByValue("spring");
            b.find("#csv-file").sendKeys(csv.toAbsolutePath().toString());
            b.click("#btn-upload");
            b.awaitText("#upload-summary", "spring: 3 records imported, 2 rows rejected");
            List<WebElement> rejected = b.driver().findElements(By.cssSelector("#rejected-rows tbody tr"));
            assertEquals(2, rejected.size());
            assertTrue(rejected.get(0).getText().startsWith("3 "), rejected.get(0).getText());
            assertTrue(rejected.get(0).getText().contains("contact_info"), rejected.get(0).getText());
            assertTrue(rejected.get(1).getText().startsWith("5 "), rejected.get(1).getText());
            assertEquals("100", b.find("#upload-progress").getAttribute("value"));

            b.click("#campaign-table tr[data-campaign='spring'] button[data-action='load']");
            b.awaitText("#campaign-table tr[data-campaign='spring'] .status", "Active");
            b.click("#campaign-table tr[data-campaign='spring'] button[data-action='start']");
            b.awaitText("#campaign-table tr[data-campaign='spring'] .status", "Running");
            b.awaitText("#campaign-results tr[data-campaign='spring']", "READY 3");

            JsonNode records = GatewayHarness.JSON.readTree(gw.get("/api/campaigns/spring/records"));
            assertEquals(3, records.size(), "good rows kept");
            JsonNode campaigns = GatewayHarness.JSON.readTree(gw.get("/api/campaigns"));
            assertEquals("Running", campaigns.get(0).path("status").asText());
        }
    }
}
