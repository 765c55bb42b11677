package io.outdial.dialer.pacing.sim;

/**
 * What one simulated run measured, counted by the simulator itself (not read back from the engine).
 *
 * @param availableHours agent-hours logged in and not on a break
 * @param busyHours agent-hours talking or in wrap-up
 * @param waitHours agent-hours Ready with no call
 * @param connects live contacts connected to an agent
 * @param dials calls placed
 * @param liveAnswers live answers
 * @param abandoned live answers with no agent within the connect window
 * @param machines answers AMD called machines
 * @param worstDayRate the highest daily abandoned / live answered
 */
public record SimulationResult(double availableHours, double busyHours, double waitHours, long connects, long dials,
        long liveAnswers, long abandoned, long machines, double worstDayRate) {

    /** Busy (talk + wrap-up) minutes per available agent-hour. */
    public double busyMinutesPerHour() {
        return availableHours == 0 ? 0 : 60 * busyHours / availableHours;
    }

    /** Average Ready time between two calls of an agent, seconds. */
    public double averageWaitSeconds() {
        return connects == 0 ? 0 : 3600 * waitHours / connects;
    }

    /** Connected calls per available agent-hour. */
    public double callsPerAgentHour() {
        return availableHours == 0 ? 0 : connects / availableHours;
    }

    /** Abandoned / live answered over the whole run. */
    public double runRate() {
        return liveAnswers == 0 ? 0 : (double) abandoned / liveAnswers;
    }
}
