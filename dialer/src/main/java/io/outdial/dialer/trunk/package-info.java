/**
 * The trunks contacts are dialed through, as the dialer uses them: each configured trunk with its registration
 * ({@link io.outdial.dialer.trunk.Trunks}), and each campaign's way out ({@link io.outdial.dialer.trunk.OutboundRoute}):
 * its trunk, the caller ids it may present and the default one, and whether calls may go out now (the dial gate).
 */
package io.outdial.dialer.trunk;
