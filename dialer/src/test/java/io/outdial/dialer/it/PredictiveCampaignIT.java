package io.outdial.dialer.it;

import io.outdial.media.player.MediaClip;
import java.nio.file.Path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.AbandonmentDay;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A predictive campaign end to end: the pacing engine dials ahead of three agents (three SIPp phones) into a SIPp
 * contact farm where 40 % of the numbers answer after a random ring; the rest ring and give up. Under BlockHound.
 */
class PredictiveCampaignIT {
    private static final int RECORDS = 40;
    private static final int LIVE = 16;
    /**
     * Permissive on purpose: a high limit, the large-group rule and a prior that badly underestimates answers make the
     * engine overdial, so that the run does abandon calls (two or three of 16 in practice) and counts them.
     */
    private static final double LIMIT = 0.5;

    private static String agent(String id, Sipp phone) {
        return "  - { id: " + id + ", phone: \"" + phone.uri(id) + "\", autoReady: true, wrapUp: 1s }";
    }

    private static final String CAMPAIGN = campaign("agent1, agent2, agent3");

    /** The permissive predictive campaign {@code pd} with {@code agents} (a YAML list's items). */
    static String campaign(String agents) {
        return """
              - name: pd
                dialingMode: predictive
                agents: [%s]
                autoLoad: false
                pacing:
                  abandonLimit: 0.5
                  target: 0.5
                  priorAnswerRate: 0.05
                  priorRingTime: 3s
                  priorTalkTime: 3s
                  priorWrapUp: 1s
                  maxLinesPerAgent: 3
                  smallGroupAgents: 0
            """.formatted(agents);
    }

    /** Every fifth number answers twice (40 %), spread through the list; the others ring, then 480. */
    static String callingList() {
        StringBuilder csv = new StringBuilder("contact_info\n");
        int live = 0;
        for (int i = 0; i < RECORDS; i++) {
            boolean answers = i % 5 == 0 || i % 5 == 2;
            csv.append(answers ? "10000000" : "48000000").append(String.format("%02d", i)).append('\n');
            live += answers ? 1 : 0;
        }
        assertEquals(LIVE, live);
        return csv.toString();
    }

    @Test
    void engineDialsAheadOfAgentsConnectsAnswersAndCountsAbandonsWithinTheLimit() throws Exception {
        BlockingWatch.armed();
        Duration limit = Duration.ofSeconds(55);
        Path message = ContactAudio.messageWav();
        int messageFrames = MediaClip.fromWav(message).frameCount();
        try (Sipp phone1 = Sipp.scenario("agent-phone.xml").calls(100).timeout(Duration.ofMinutes(2)).start();
             Sipp phone2 = Sipp.scenario("agent-phone.xml").calls(100).timeout(Duration.ofMinutes(2)).start();
             Sipp phone3 = Sipp.scenario("agent-phone.xml").calls(100).timeout(Duration.ofMinutes(2)).start();
             Sipp farm = Sipp.scenario("contact-farm-random-ring.xml").calls(RECORDS)
                     .timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(farm.hostPort(),
                     agent("agent1", phone1) + "\n" + agent("agent2", phone2) + "\n" + agent("agent3", phone3),
                     CAMPAIGN, "audio:\n  safeHarbourMessage: \"" + message + "\"\n")) {
            gw.uploadAndStart("pd", callingList());

            List<CallingRecord> records = gw.awaitAllUpdated("pd", limit);
            List<CallingRecord> live = records.stream().filter(r -> r.contactInfo().startsWith("1")).toList();
            long answered = live.stream().filter(r -> r.callResult() == CallResult.ANSWER).count();
            long abandoned = live.stream().filter(r -> r.callResult() == CallResult.ABANDONED).count();
            assertEquals(LIVE, answered + abandoned, "every live answer was connected or abandoned: " + live);
            assertTrue(records.stream().filter(r -> r.contactInfo().startsWith("480"))
                    .allMatch(r -> r.callResult() == CallResult.NO_ANSWER && r.agentId() == null));
            Set<String> agentsWhoTalked = live.stream().filter(r -> r.callResult() == CallResult.ANSWER)
                    .map(CallingRecord::agentId).collect(Collectors.toSet());
            // Answers go to the longest-waiting Ready agent, so the work spreads; under a loaded machine one agent may
            // be in wrap-up at each of its turns, hence "at least two", not "all three".
            assertTrue(Set.of("agent1", "agent2", "agent3").containsAll(agentsWhoTalked) && agentsWhoTalked.size() >= 2,
                    "answers spread over the agents: " + agentsWhoTalked);
            assertTrue(live.stream().filter(r -> r.callResult() == CallResult.ABANDONED)
                    .allMatch(r -> r.agentId() == null), "no agent on an abandoned call");

            // Every contact was dialed once; the engine's own counts agree with the records.
            assertEquals(RECORDS, gw.metric("outdial_calls_dialed_total{campaign=\"pd\"}"));
            assertEquals(LIVE, gw.metric("outdial_pacing_live_answers_total{campaign=\"pd\"}"));
            assertEquals(abandoned, gw.metric("outdial_pacing_abandoned_total{campaign=\"pd\"}"));
            assertTrue(abandoned >= 1, "the run overdialed: some live answers found no agent");
            // Each abandoned contact was sent the safe-harbour message. The farm's contacts hang up 3 s after their
            // answer and the message starts when the 2 s connect window closes, so each heard at least its first
            // second (50 packets; 40 allows for timer slack), and never more than the whole message.
            assertEquals(abandoned, gw.metric("outdial_abandoned_calls_with_message_total{campaign=\"pd\"}"));
            double messagePackets = gw.metric("outdial_safe_harbour_packets_total{campaign=\"pd\"}");
            assertTrue(messagePackets >= 40.0 * abandoned && messagePackets <= (messageFrames + 1.0) * abandoned,
                    messagePackets + " message packets to " + abandoned + " abandoned contacts");
            double dayRate = gw.metric("outdial_abandonment_rate{campaign=\"pd\",window=\"day\"}");
            assertEquals((double) abandoned / LIVE, dayRate, 1e-9);
            assertTrue(dayRate <= LIMIT, "abandonment " + dayRate + " within the limit " + LIMIT);
            assertTrue(gw.metric("outdial_pacing_predicted_answers_total{campaign=\"pd\"}") > 0);
            // The ledger is stored too, so that a restart keeps the day and the window.
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Await.until(Duration.ofSeconds(5), "ledger stored", () -> gw.gateway().store()
                    .ledger().abandonmentDays("pd", today.minusDays(1)).stream().mapToLong(AbandonmentDay::liveAnswered)
                    .sum() == LIVE);
            assertEquals(abandoned, gw.gateway().store().ledger().abandonmentDays("pd", today.minusDays(1)).stream()
                    .mapToLong(AbandonmentDay::abandoned).sum());
            assertTrue(gw.metric("outdial_agent_wait_seconds_count{campaign=\"pd\"}") >= answered);
            assertTrue(gw.metric("outdial_pacing_busy_factor{campaign=\"pd\"}") > 0);

            Sipp.Result contacts = farm.awaitExit(Duration.ofSeconds(20));
            assertTrue(contacts.passed(), contacts.describe());
            assertEquals(List.of(), BlockingWatch.blocked(), "blocking calls");
        }
    }
}
