/**
 * The composition root: {@link io.outdial.dialer.Gateway} owns the executors, the store, media, the SIP user agent and
 * the agent bridge, and {@link io.outdial.dialer.Dialer} wires the dialer itself over them (agents, campaigns, every
 * dialing mode, wrap-up, the CTI desk, the admin service), so a unit test can wire it over scripted legs and virtual
 * time. It sits on top: only {@code launch} and {@code demo} import it (PackageCyclesTest; ADR 0010).
 */
package io.outdial.dialer;
