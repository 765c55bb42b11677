package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "My Campaigns" and the campaign notices an agent gets when it logs in after campaigns were loaded and started. */
class MyCampaignsIT {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    void anAgentLoggingInLaterIsToldOfRunningCampaignsAndCanListThem() throws Exception {
        String campaigns = """
                  - { name: spring, description: "Spring drive", dialingMode: progressive, agents: [ann], autoLoad: false }
                  - { name: autumn, description: "Autumn drive", dialingMode: progressive, agents: [ann], autoLoad: false }
                  - { name: other, dialingMode: progressive, agents: [bob], autoLoad: false }""";
        try (Sipp contact = Sipp.scenario("uas-busy.xml").calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(),
                     "  - { id: ann, secret: s3cret }\n  - { id: bob, secret: b0b }", campaigns)) {
            gw.post("/api/campaigns/spring/load", "");
            gw.post("/api/campaigns/spring/start", "");
            gw.post("/api/campaigns/autumn/load", "");
            gw.post("/api/campaigns/other/load", "");
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login("1", "ann", "s3cret", "sip:ann@127.0.0.1:5999"));
                JsonNode loggedIn = desk.await("LoggedIn", LIMIT);
                assertEquals(2, loggedIn.path("campaigns").size(), "only ann's loaded campaigns");
                desk.await("CampaignLoaded", LIMIT);
                JsonNode started = desk.await("CampaignStarted", LIMIT);
                assertEquals("spring", started.path("campaign").path("name").asText());
                assertEquals("Running", started.path("campaign").path("status").asText());
                desk.await("CampaignLoaded", LIMIT);
                assertEquals(List.of("LoggedIn", "CampaignLoaded", "CampaignStarted", "CampaignLoaded"), desk.types());

                desk.send(new CtiCommand.GetMyCampaigns("2"));
                JsonNode mine = desk.await("MyCampaigns", LIMIT);
                assertEquals("2", mine.path("requestId").asText());
                assertEquals(2, mine.path("campaigns").size());
                JsonNode spring = mine.path("campaigns").get(0);
                assertEquals("spring", spring.path("name").asText());
                assertEquals("Spring drive", spring.path("description").asText());
                assertEquals("Running", spring.path("status").asText());
                assertEquals("Automatic", spring.path("deliveryMode").asText());
                assertEquals("Progressive", spring.path("dialingMode").asText());
                assertEquals("Active", mine.path("campaigns").get(1).path("status").asText());
            }
        }
    }
}
