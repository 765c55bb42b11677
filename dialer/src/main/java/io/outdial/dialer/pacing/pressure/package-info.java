/**
 * Back-pressure from the gateway's own call setup: when the time from a contact's answer to its bridge rises past a
 * limit, new dials are rationed (AIMD) instead of leaving answered contacts waiting until they are abandoned. Pure
 * logic on an injected clock; the dialing modes consult it before each dial.
 */
package io.outdial.dialer.pacing.pressure;
