package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GetDispositionOptions over the real WebSocket: what a desktop fills its Dispositions drop-downs with. */
class DispositionOptionsIT {
    static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    void theAgentsResultsAndTheCampaignsCodesOrAClearErrorForAnUnknownCampaign() throws Exception {
        try (GatewayHarness gw = GatewayHarness.start("127.0.0.1:5999", PreviewCampaignIT.AGENTS,
                PreviewCampaignIT.CAMPAIGN);
             CtiClient desk = PreviewCampaignIT.login(gw, null)) {
            desk.send(new CtiCommand.GetDispositionOptions("o1", "pv"));
            JsonNode options = desk.await("DispositionOptions", LIMIT);
            assertEquals("o1", options.path("requestId").asText());
            assertEquals("pv", options.path("campaign").asText());
            List<String> codes = new ArrayList<>();
            options.path("dispositionCodes").forEach(c -> codes.add(c.asText()));
            assertEquals(List.of("Accepted", "Rejected", "Transferred"), codes);
            List<String> results = new ArrayList<>();
            options.path("callResults").forEach(r -> results.add(r.path("name").asText()));
            assertTrue(results.containsAll(List.of("ANSWER", "WRONG_PARTY", "WRONG_NUMBER", "DO_NOT_CALL")), results.toString());
            assertFalse(results.contains("ABANDONED"), "the gateway's own findings are not offered");
            JsonNode answer = options.path("callResults").get(results.indexOf("ANSWER"));
            assertEquals(33, answer.path("code").asInt());
            assertEquals("Answer", answer.path("label").asText());

            desk.send(new CtiCommand.GetDispositionOptions("o2", "autumn"));
            JsonNode error = desk.await("Error", LIMIT);
            assertEquals("o2", error.path("requestId").asText());
            assertEquals("INVALID", error.path("code").asText());
            assertEquals("no campaign named 'autumn'", error.path("message").asText());

            desk.send(new CtiCommand.GetDispositionOptions("o3", null));
            JsonNode missing = desk.await("Error", LIMIT);
            assertEquals("INVALID", missing.path("code").asText());
            assertTrue(missing.path("message").asText().contains("campaign"), missing.toString());
        }
    }
}
