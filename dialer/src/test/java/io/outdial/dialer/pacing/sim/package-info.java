/**
 * The pacing benchmark, not part of the running gateway: {@link io.outdial.dialer.pacing.sim.CallCentreSimulation} is
 * a discrete-event simulation in virtual time of agents and contacts driving the real {@code PacingEngine}, and
 * {@link io.outdial.dialer.pacing.sim.PacingSimulator} runs every {@link io.outdial.dialer.pacing.sim.Scenario} under
 * progressive and predictive pacing and prints docs/benchmarks.md's table. Depends only on {@code pacing}; nothing
 * depends on it.
 */
package io.outdial.dialer.pacing.sim;
