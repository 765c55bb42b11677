/**
 * The dialer's side of the CTI protocol: {@link io.outdial.dialer.cti.CtiDesk} implements the bridge's
 * {@code AgentDesk} (logins, agent states, call results, Mark Done), routing each command through its
 * {@link io.outdial.dialer.cti.CommandTable}; the transfer, consult and conference desks are the agents' side of the
 * {@code call} package's side calls, with {@link io.outdial.dialer.cti.CallTargets} reserving their targets and
 * {@link io.outdial.dialer.cti.TransferableCalls} finding an interaction's bridged call in whichever mode owns it;
 * {@link io.outdial.dialer.cti.KeypadCommands} sends the keypad's DTMF to the contact;
 * {@link io.outdial.dialer.cti.NegotiatedLogout} delays a Logout while a call holds the agent. Commands arrive on a
 * Netty event loop and are handed to the dialer executor, where all agent state is touched.
 */
package io.outdial.dialer.cti;
