package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.campaign.CampaignState;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.AbandonmentDay;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.PostgresServer;
import io.outdial.sip.testing.Sipp;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two predictive gateways on one PostgreSQL dial one list: the abandonment ledger they pace by is the shared one, so
 * each reads the abandons of both, and together they stay within the campaign's limit (issue 15, ADR 0016).
 */
class SharedAbandonmentLimitIT {
    private static final int RECORDS = 40;
    private static final int LIVE = 16;
    /** PredictiveCampaignIT's campaign: permissive, so that overdialing does abandon some calls and the sharing shows. */
    private static final double LIMIT = 0.5;
    private static final Duration STEP = Duration.ofSeconds(90);


    @Test
    void eachGatewayPacesByTheSharedLedgerAndTogetherTheyStayWithinTheLimit() throws Exception {
        try (PostgresServer pg = PostgresServer.start();
             Sipp phones = Sipp.scenario("agent-phone.xml").calls(200).timeout(Duration.ofMinutes(3)).start();
             Sipp farm = Sipp.scenario("contact-farm-random-ring.xml").calls(RECORDS)
                     .timeout(Duration.ofMinutes(3)).start()) {
            String url = pg.newDatabaseUrl();
            try (GatewayHarness a = gateway("gw-a", "a", url, phones, farm);
                 GatewayHarness b = gateway("gw-b", "b", url, phones, farm)) {
                a.uploadAndStart("pd", PredictiveCampaignIT.callingList());
                Await.until(STEP, "gw-b runs the campaign started on gw-a", () ->
                        b.gateway().campaignState("pd") == CampaignState.RUNNING);

                List<CallingRecord> records = a.awaitAllUpdated("pd", STEP);
                List<CallingRecord> live = records.stream().filter(r -> r.contactInfo().startsWith("1")).toList();
                long abandoned = live.stream().filter(r -> r.callResult() == CallResult.ABANDONED).count();
                long answered = live.stream().filter(r -> r.callResult() == CallResult.ANSWER).count();
                assertEquals(LIVE, answered + abandoned, "every live answer connected or abandoned: " + live);
                assertTrue(records.stream().anyMatch(r -> r.agentId() != null && r.agentId().startsWith("a"))
                        && records.stream().anyMatch(r -> r.agentId() != null && r.agentId().startsWith("b")),
                        "both gateways' agents talked: " + records);

                // What each gateway abandoned itself adds up to the shared, stored ledger...
                double ownA = a.metric("outdial_pacing_abandoned_total{campaign=\"pd\"}");
                double ownB = b.metric("outdial_pacing_abandoned_total{campaign=\"pd\"}");
                assertEquals(abandoned, ownA + ownB, "each abandon counted once, by the gateway that made it");
                assertTrue(abandoned >= 1, "the run overdialed: some live answers found no agent");
                LocalDate today = LocalDate.now(ZoneOffset.UTC);
                Await.until(Duration.ofSeconds(10), "the ledger stored", () -> stored(a, today)[0] == LIVE);
                long[] shared = stored(a, today);
                assertEquals(abandoned, shared[1]);
                double sharedRate = (double) shared[1] / shared[0];
                assertTrue(sharedRate <= LIMIT, "together within the limit: " + sharedRate + " > " + LIMIT);

                // ...and each gateway paces by that shared figure, not by its own calls alone.
                Await.until(Duration.ofSeconds(10), "both gateways read the shared abandonment rate", () ->
                        Math.abs(rate(a) - sharedRate) < 1e-9 && Math.abs(rate(b) - sharedRate) < 1e-9);
            }
            assertTrue(farm.awaitExit(Duration.ofSeconds(30)).passed());
        }
    }

    private static double rate(GatewayHarness gw) {
        try {
            return gw.metric("outdial_abandonment_rate{campaign=\"pd\",window=\"day\"}");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Live answers and abandons of today in the store: {live, abandoned}. */
    private static long[] stored(GatewayHarness gw, LocalDate today) {
        long live = 0;
        long abandoned = 0;
        for (AbandonmentDay d : gw.gateway().store().ledger().abandonmentDays("pd", today.minusDays(1))) {
            live += d.liveAnswered();
            abandoned += d.abandoned();
        }
        return new long[] {live, abandoned};
    }

    private static GatewayHarness gateway(String id, String prefix, String url, Sipp phones, Sipp farm)
            throws IOException {
        String agents = "  - { id: " + prefix + "1, phone: \"" + phones.uri(prefix + "1")
                + "\", autoReady: true, wrapUp: 1s }\n  - { id: " + prefix + "2, phone: \"" + phones.uri(prefix + "2")
                + "\", autoReady: true, wrapUp: 1s }";
        return GatewayHarness.startOnStore(farm.hostPort(), agents,
                PredictiveCampaignIT.campaign(prefix + "1, " + prefix + "2"),
                "  url: \"" + url + "\"\n  user: " + PostgresServer.USER + "\n  password: \"\"\n"
                        + "  cluster: { gatewayId: " + id + ", leaseDuration: 3s, statePoll: 500ms }");
    }
}
