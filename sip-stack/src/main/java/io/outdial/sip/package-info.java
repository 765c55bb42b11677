/**
 * The SIP module's public face: {@link io.outdial.sip.SipUserAgent} places outbound {@link io.outdial.sip.Leg}s from a
 * {@link io.outdial.sip.DialRequest} and joins two answered legs into a {@link io.outdial.sip.Bridge} with anchored
 * media. A leg moves through {@link io.outdial.sip.LegState} and reports the sealed {@link io.outdial.sip.LegEvent} to
 * its {@link io.outdial.sip.LegListener}, always on the owning call's serial {@code CallExecutor}; listeners must not
 * block. Callers (the dialer) see only these types, never JAIN-SIP; nothing here knows agents, campaigns or CTI.
 */
package io.outdial.sip;
