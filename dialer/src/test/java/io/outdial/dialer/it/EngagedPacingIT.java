package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Campaigns that engage the agent first are paced by the same engine as predictive ones: one engaged agent is one
 * free agent to it. A phone-only agent is engaged (reserved, on the line) before any contact is dialed for it.
 */
class EngagedPacingIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    private static String agent(Sipp phone) {
        return "  - { id: ann, phone: \"" + phone.uri("ann") + "\", autoReady: true, wrapUp: 1s }";
    }

    @Test
    void predictiveAsmDialsAheadForTheEngagedAgentAndAbandonsTheSecondAnswerWithTheMessage() throws Exception {
        Path message = ContactAudio.messageWav();
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp farm = Sipp.scenario("contact-farm.xml").calls(2).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(farm.hostPort(), agent(phone), """
                       - name: asmp
                         dialingMode: predictive
                         engageAgentFirst: true
                         agents: [ann]
                         autoLoad: false
                         pacing: { method: progressive, target: 2, abandonLimit: 0.5, smallGroupAgents: 0 }
                     """, "audio:\n  safeHarbourMessage: \"" + message + "\"\n")) {
            gw.uploadAndStart("asmp", "contact_info\n2005550601\n2005550602\n");

            List<CallingRecord> records = gw.awaitAllUpdated("asmp", LIMIT);
            List<CallingRecord> answered = records.stream().filter(r -> r.callResult() == CallResult.ANSWER).toList();
            List<CallingRecord> abandoned =
                    records.stream().filter(r -> r.callResult() == CallResult.ABANDONED).toList();
            assertEquals(1, answered.size(), "the first answer takes the engaged agent: " + records);
            assertEquals("ann", answered.get(0).agentId());
            assertEquals(1, abandoned.size(), "the second answer finds the agent taken: " + records);
            assertNull(abandoned.get(0).agentId());

            assertEquals(2, gw.metric("outdial_calls_dialed_total{campaign=\"asmp\"}"));
            assertEquals(2, gw.metric("outdial_pacing_live_answers_total{campaign=\"asmp\"}"));
            assertEquals(1, gw.metric("outdial_pacing_abandoned_total{campaign=\"asmp\"}"));
            assertEquals(1, gw.metric("outdial_abandoned_calls_with_message_total{campaign=\"asmp\"}"));
            assertTrue(gw.metric("outdial_safe_harbour_packets_total{campaign=\"asmp\"}") > 0,
                    "the abandoned contact heard the safe-harbour message");
            assertEquals(0.5, gw.metric("outdial_abandonment_rate{campaign=\"asmp\",window=\"day\"}"), 1e-9);
        }
    }

    @Test
    void progressiveAsmDialsOneContactPerEngagedAgentThroughTheEngineAndNeverAbandons() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp farm = Sipp.scenario("contact-farm.xml").calls(3).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(farm.hostPort(), agent(phone), """
                       - name: asm
                         dialingMode: progressive
                         engageAgentFirst: true
                         agents: [ann]
                         autoLoad: false
                     """)) {
            gw.uploadAndStart("asm", "contact_info\n2005550701\n2005550702\n");

            List<CallingRecord> records = gw.awaitAllUpdated("asm", LIMIT);
            assertTrue(records.stream().allMatch(r -> r.callResult() == CallResult.ANSWER && "ann".equals(r.agentId())),
                    "both contacts answer and each gets the agent, one after the other: " + records);
            assertEquals(2, gw.metric("outdial_calls_dialed_total{campaign=\"asm\"}"));
            assertEquals(2, gw.metric("outdial_pacing_live_answers_total{campaign=\"asm\"}"));
            assertEquals(0, gw.metric("outdial_abandonment_rate{campaign=\"asm\",window=\"day\"}"));
            assertTrue(gw.metric("outdial_pacing_busy_factor{campaign=\"asm\"}") > 0,
                    "the engine saw the engaged agent talk");
        }
    }
}
