package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A whole campaign call, with a desktop and the admin API, under BlockHound: no blocking call may run on a Netty
 * event loop (RTP, HTTP, WebSocket) or on the call executors' worker threads.
 */
class NonBlockingIT {

    @Test
    void aCampaignCallNeverBlocksAnEventLoopOrACallExecutor() throws Exception {
        BlockingWatch.armed();
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(3).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("contact-farm.xml").calls(3).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(),
                     "  - { id: agent1, phone: \"" + phone.uri("agent1") + "\", autoReady: true }",
                     "  - { name: it, dialingMode: progressive, agents: [agent1], autoLoad: false }")) {
            gw.uploadAndStart("it", "contact_info\n2005550001\n4865550002\n4045550003\n");
            var records = gw.awaitAllUpdated("it", Duration.ofSeconds(60));
            gw.get("/metrics");
            gw.get("/api/campaigns/it/records");
            assertEquals(List.of(CallResult.ANSWER, CallResult.BUSY, CallResult.WRONG_NUMBER),
                    records.stream().map(r -> r.callResult()).toList());
        }
        assertEquals(List.of(), BlockingWatch.blocked(), "blocking calls on non-blocking threads");
    }
}
