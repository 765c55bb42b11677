package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.AbandonmentDay;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Answering machine detection on a predictive campaign feeds the pacing engine: a machine verdict is no live answer
 * (counted apart, for the AMD false-positive report), a person is the live answer at the verdict and is connected.
 * SIPp contacts play a generated greeting as real RTP.
 */
class PredictiveAmdIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    private static String campaign(String onMachine) {
        return """
                  - name: pd
                    dialingMode: predictive
                    agents: [agent1]
                    autoLoad: false
                    detection: { amd: true, onMachine: %s }
                    pacing: { maxLinesPerAgent: 1, smallGroupAgents: 0 }
                """.formatted(onMachine);
    }

    private static String agent(Sipp phone) {
        return "  - { id: agent1, phone: \"" + phone.uri("agent1") + "\", autoReady: true, wrapUp: 0s }";
    }

    private static Sipp contact(Path audio) throws Exception {
        return Sipp.scenario("uas-answer-audio.xml").directory(audio).calls(1).timeout(LIMIT).start();
    }

    private static AbandonmentDay storedToday(GatewayHarness gw) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return gw.gateway().store().ledger().abandonmentDays("pd", today.minusDays(1)).stream()
                .reduce(new AbandonmentDay(today, 0, 0, 0), (a, b) -> new AbandonmentDay(today,
                        a.liveAnswered() + b.liveAnswered(), a.abandoned() + b.abandoned(), a.machines() + b.machines()));
    }

    @Test
    void aMachineVerdictIsNoLiveAnswerAndTheAgentIsNeverCalled() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(1)).start();
             Sipp contact = contact(ContactAudio.machineWithBeep());
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), agent(phone), campaign("drop"))) {
            gw.uploadAndStart("pd", "contact_info\n2005550301\n");

            CallingRecord r = gw.awaitAllUpdated("pd", LIMIT).get(0);
            assertEquals(CallResult.ANSWERING_MACHINE, r.callResult());
            assertEquals(0.0, gw.metric("outdial_pacing_live_answers_total{campaign=\"pd\"}"));
            assertEquals(1.0, gw.metric("outdial_pacing_machines_total{campaign=\"pd\"}"));
            assertEquals(0.0, gw.metric("outdial_pacing_abandoned_total{campaign=\"pd\"}"));
            Await.until(Duration.ofSeconds(5), "ledger stored", () -> storedToday(gw).machines() == 1);
            assertEquals(0, storedToday(gw).liveAnswered());
            Sipp.Result agent = phone.stop();
            assertEquals(0, agent.successful() + agent.failed(), "the agent's phone never rang for a machine");
        }
    }

    @Test
    void aPersonIsTheLiveAnswerAtTheVerdictAndIsConnected() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(1)).start();
             Sipp contact = contact(ContactAudio.humanHello());
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), agent(phone), campaign("drop"))) {
            gw.uploadAndStart("pd", "contact_info\n2005550302\n");

            CallingRecord r = gw.awaitAllUpdated("pd", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, r.callResult());
            assertEquals("agent1", r.agentId());
            assertEquals(1.0, gw.metric("outdial_pacing_live_answers_total{campaign=\"pd\"}"));
            assertEquals(0.0, gw.metric("outdial_pacing_machines_total{campaign=\"pd\"}"));
            assertEquals(0.0, gw.metric("outdial_pacing_abandoned_total{campaign=\"pd\"}"));
            assertEquals(1.0, gw.metric("outdial_amd_decision_seconds_count{campaign=\"pd\",outcome=\"HUMAN\"}"));
            Await.until(Duration.ofSeconds(5), "ledger stored", () -> storedToday(gw).liveAnswered() == 1);
            assertEquals(0, storedToday(gw).machines());
        }
    }
}
