/**
 * The trunks contacts are dialed through, as the dialer uses them: each configured trunk with its registration
 * ({@link io.outdial.dialer.trunk.Trunks}), a campaign's configured choice of trunk and caller ids
 * ({@link io.outdial.dialer.trunk.TrunkChoice}, carried by its plan), and the way out made of it
 * ({@link io.outdial.dialer.trunk.OutboundRoute}): its trunk, the caller ids it may present and the default one, and
 * whether calls may go out now (the dial gate).
 */
package io.outdial.dialer.trunk;
