/**
 * Agents and the interactions they work: {@link io.outdial.dialer.agent.AgentRoster} holds every configured
 * {@link io.outdial.dialer.agent.Agent} (fixed at start-up), whose voice channel moves through
 * {@link io.outdial.dialer.agent.AgentState} and outbound-preview channel through
 * {@link io.outdial.dialer.agent.OutboundPreviewState}; {@link io.outdial.dialer.agent.Interaction} is one campaign
 * call as its agent works it, from the phone ringing to Mark Done, through its {@code Stage}s. All of it is confined to
 * the dialer executor. It must not depend on the dialing modes ({@code call}, {@code preview}) nor on the desks; it
 * imports only model types ({@code wrapup}, {@code recordinfo}, {@code store}). What an agent's desktop is told goes
 * through {@link io.outdial.dialer.agent.Desktop}, the desktop notifier, in the dialer's own terms; only its CTI
 * implementation ({@code cti.CtiDesktop}) builds CTI events. {@link io.outdial.dialer.agent.InteractionIds} is the one source
 * of interaction ids.
 */
package io.outdial.dialer.agent;
