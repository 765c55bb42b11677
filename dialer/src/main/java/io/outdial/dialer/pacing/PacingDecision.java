package io.outdial.dialer.pacing;

/**
 * The answer to "how many calls should this campaign dial now", with the figures behind it.
 *
 * @param dialNow new calls to place now (0 or more)
 * @param mode the rule that decided
 * @param callsInFlight calls ringing or answered and waiting for an agent, before these dials
 * @param freeAgents agents Ready and not yet given a call
 * @param predictedFreeAgents expected number of busy agents free in time for a new answer
 * @param expectedAnswers expected live answers from the calls in flight plus the new dials
 * @param answerProbability the current estimate of P(live answer) per dial
 */
public record PacingDecision(int dialNow, PacingMode mode, int callsInFlight, int freeAgents,
        double predictedFreeAgents, double expectedAnswers, double answerProbability) { }
