/**
 * Predictive and progressive pacing as pure logic: the dialer reports agent and call events with their time to the
 * {@link io.outdial.dialer.pacing.PacingEngine}, and asks it how many calls a campaign should place now (a
 * {@link io.outdial.dialer.pacing.PacingDecision}); each campaign's {@link io.outdial.dialer.pacing.CampaignPacer}
 * holds its estimates, abandonment ledger, {@link io.outdial.dialer.pacing.OverflowForecast} and
 * {@link io.outdial.dialer.pacing.Aggressiveness} feedback. Not thread-safe: the dialer drives it from its one serial
 * executor. It depends only on its {@code compliance} and {@code estimate} subpackages: no SIP, no store, no agents.
 */
package io.outdial.dialer.pacing;
