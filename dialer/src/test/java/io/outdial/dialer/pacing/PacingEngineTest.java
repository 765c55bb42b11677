package io.outdial.dialer.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.core.exec.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PacingEngineTest {
    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2025-03-03T08:00:00Z"));
    private final PacingEngine engine = new PacingEngine(ZoneOffset.UTC);
    private int calls;

    private void agents(String campaign, int n, int ready) {
        for (int i = 0; i < n; i++) {
            engine.agentLoggedIn(campaign + i, campaign, clock.now());
            engine.agentReady(campaign + i, clock.now());
            if (i >= ready) {
                // Talking and then in wrap-up, nearly done: the predictive case.
                String call = "warm" + i;
                engine.callDialed(call, campaign, clock.now());
                engine.callAnsweredLive(call, clock.now());
                engine.callConnected(call, campaign + i, clock.now());
            }
        }
    }

    /** Feeds {@code answers} live answers (connected) and {@code abandons} abandoned ones, each after 8 s of ringing. */
    private void history(String campaign, int answers, int abandons) {
        int first = calls;
        for (int i = 0; i < answers + abandons; i++) {
            engine.callDialed("h" + (++calls), campaign, clock.now());
        }
        // Answered after 8 s of ringing: the time to answer the forecasts are made for.
        clock.advance(Duration.ofSeconds(8));
        for (int i = 0; i < answers + abandons; i++) {
            String call = "h" + (first + i + 1);
            engine.callAnsweredLive(call, clock.now());
            if (i < abandons) {
                engine.callAbandoned(call, clock.now());
            } else {
                engine.callConnected(call, campaign + "x", clock.now());
            }
        }
    }

    @Test
    void progressiveDialsOneLinePerFreeAgentLessCallsInFlight() {
        engine.campaign("c", PacingSettings.progressive(1));
        agents("c", 4, 4);
        assertEquals(4, engine.decide("c", clock.now()).dialNow());
        engine.callDialed("one", "c", clock.now());
        assertEquals(3, engine.decide("c", clock.now()).dialNow());
    }

    @Test
    void progressiveMultiplierDialsMoreLinesPerFreeAgent() {
        engine.campaign("c", PacingSettings.progressive(2));
        agents("c", 3, 3);
        assertEquals(6, engine.decide("c", clock.now()).dialNow());
    }

    @Test
    void noAgentAvailableMeansNothingToDial() {
        engine.campaign("c", PacingSettings.predictive());
        PacingDecision d = engine.decide("c", clock.now());
        assertEquals(0, d.dialNow());
        assertEquals(PacingMode.IDLE, d.mode());
    }

    @Test
    void predictiveDialsAheadOfAgentsAboutToBeFree() {
        engine.campaign("c", PacingSettings.predictive());
        agents("c", 40, 0);
        // Build up slack: a day's worth of compliant answers, none abandoned.
        engine.agentLoggedIn("cx", "c", clock.now());
        engine.agentReady("cx", clock.now());
        history("c", 600, 0);
        engine.agentLoggedOut("cx", clock.now());
        clock.advance(Duration.ofSeconds(162));
        for (int i = 0; i < 40; i++) {
            engine.agentReleased("c" + i, clock.now());
        }
        clock.advance(Duration.ofSeconds(25));
        PacingDecision d = engine.decide("c", clock.now());
        assertEquals(0, d.freeAgents());
        assertTrue(d.predictedFreeAgents() > 5, "agents late in wrap-up count: " + d);
        assertTrue(d.dialNow() > 0, "dials ahead of them: " + d);
    }

    @Test
    void atTheAbandonmentLimitPredictiveBacksOffToOneLinePerFreeAgent() {
        engine.campaign("c", PacingSettings.predictive());
        agents("c", 30, 30);
        engine.agentLoggedIn("cx", "c", clock.now());
        engine.agentReady("cx", clock.now());
        history("c", 97, 3);
        engine.agentLoggedOut("cx", clock.now());
        PacingDecision d = engine.decide("c", clock.now());
        assertEquals(PacingMode.BACKED_OFF, d.mode());
        assertEquals(30, d.dialNow(), "exactly one per free agent");
    }

    @Test
    void backOffIsSmoothAsTheRateApproachesTheLimit() {
        int[] dials = new int[3];
        int[] abandons = {0, 24, 30};
        for (int i = 0; i < 3; i++) {
            PacingEngine e = new PacingEngine(ZoneOffset.UTC);
            e.campaign("c", PacingSettings.predictive());
            for (int a = 0; a < 30; a++) {
                e.agentLoggedIn("c" + a, "c", clock.now());
                e.agentReady("c" + a, clock.now());
            }
            for (int n = 0; n < 1000; n++) {
                e.callDialed("h" + n, "c", clock.now());
                e.callAnsweredLive("h" + n, clock.now());
                if (n < abandons[i]) {
                    e.callAbandoned("h" + n, clock.now());
                } else {
                    e.callConnected("h" + n, "c0", clock.now());
                    e.agentReady("c0", clock.now());
                }
            }
            dials[i] = e.decide("c", clock.now()).dialNow();
        }
        assertTrue(dials[0] > dials[1] && dials[1] > dials[2], "0 %, 2.4 %, 3 %: " + dials[0] + " " + dials[1]
                + " " + dials[2]);
        assertEquals(30, dials[2]);
    }

    @Test
    void smallGroupDialsNoMoreThanItsFreeAndSoonFreeAgentsCanTake() {
        engine.campaign("c", PacingSettings.predictive());
        agents("c", 4, 2);
        engine.agentLoggedIn("cx", "c", clock.now());
        engine.agentReady("cx", clock.now());
        history("c", 300, 0);
        engine.agentLoggedOut("cx", clock.now());
        PacingDecision d = engine.decide("c", clock.now());
        assertEquals(PacingMode.SMALL_GROUP, d.mode());
        // Two free agents, two talking (not free soon): at 20 % answers a point estimate would dial 10; the
        // tail bound keeps the chance of three or more answers small.
        double p = d.answerProbability();
        int n = d.dialNow();
        double atLeastThree = 1 - Math.pow(1 - p, n) - n * p * Math.pow(1 - p, n - 1)
                - n * (n - 1) / 2.0 * p * p * Math.pow(1 - p, n - 2);
        assertTrue(n >= 2 && atLeastThree <= 0.1 + 1e-9, d + " P(>=3 answers)=" + atLeastThree);
    }

    @Test
    void restoredDaysCountInTheDayAndWindowRates() {
        PacingEngine engine = new PacingEngine(java.time.ZoneOffset.UTC);
        engine.campaign("c1", PacingSettings.predictive());
        Instant now = Instant.parse("2030-06-10T12:00:00Z");
        engine.restoreAbandonment("c1", java.time.LocalDate.of(2030, 6, 10),
                new io.outdial.dialer.pacing.compliance.AbandonmentLedger.DayCounts(100, 2, 0));
        engine.restoreAbandonment("c1", java.time.LocalDate.of(2030, 6, 1),
                new io.outdial.dialer.pacing.compliance.AbandonmentLedger.DayCounts(100, 4, 0));

        var report = engine.abandonment("c1", now);
        org.junit.jupiter.api.Assertions.assertEquals(0.02, report.dayRate(), 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(0.03, report.windowRate(), 1e-9);
    }
}
