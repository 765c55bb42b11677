/**
 * Why the dialer refuses what an agent (or its desktop) asks: {@link io.outdial.dialer.refusal.Refused}, the one
 * exception the domain throws for a refused request, with its exhaustive reason
 * {@link io.outdial.dialer.refusal.Refused.Why}, also what {@code agent.Desktop.refused} tells a desktop. In the
 * dialer's own terms: the desktop protocol maps each reason to its wire (the CTI error codes: {@code cti.CtiWire}).
 * It depends on no other dialer package, so every layer that refuses may use it (the pure checks in {@code wrapup}
 * and {@code recordinfo} sit below {@code agent}).
 */
package io.outdial.dialer.refusal;
