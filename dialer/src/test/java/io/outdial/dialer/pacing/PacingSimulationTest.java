package io.outdial.dialer.pacing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.pacing.sim.CallCentreSimulation;
import io.outdial.dialer.pacing.sim.Distribution;
import io.outdial.dialer.pacing.sim.Scenario;
import io.outdial.dialer.pacing.sim.SimulationResult;
import org.junit.jupiter.api.Test;

class PacingSimulationTest {

    @Test
    void predictiveKeepsTwentyAgentsBusyWithoutBreakingTheAbandonmentLimit() {
        SimulationResult r = new CallCentreSimulation(Scenario.standard(20, 0.30, 2), PacingSettings.predictive())
                .run();
        assertTrue(r.worstDayRate() <= 0.03, "worst day " + r.worstDayRate());
        assertTrue(r.busyMinutesPerHour() >= 52, "busy " + r.busyMinutesPerHour());
    }

    @Test
    void fiveAgentsWithLognormalTalkStayUnderTheLimitEveryDay() {
        Scenario s = Scenario.standard(5, 0.15, 3).withTimes(Distribution.uniform(4, 20),
                Distribution.lognormal(150, 100), Distribution.exponential(20));
        SimulationResult r = new CallCentreSimulation(s, PacingSettings.predictive()).run();
        assertTrue(r.worstDayRate() <= 0.03, "worst day " + r.worstDayRate());
    }

    @Test
    void progressiveOneLinePerAgentNeverAbandons() {
        SimulationResult r = new CallCentreSimulation(Scenario.standard(10, 0.5, 1), PacingSettings.progressive(1))
                .run();
        assertTrue(r.abandoned() == 0, "abandoned " + r.abandoned());
    }
}
