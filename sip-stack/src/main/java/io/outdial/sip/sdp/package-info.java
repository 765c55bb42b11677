/**
 * SDP for our single audio stream: {@link io.outdial.sip.sdp.SdpOffer} writes the offer a leg sends (G.711,
 * telephone-event, 20 ms), {@link io.outdial.sip.sdp.SdpParser} reads what trunks and phones answer (strict about the
 * lines negotiation needs, lenient about the rest, since the body comes off the network) into a
 * {@link io.outdial.sip.sdp.SessionDescription}, and {@link io.outdial.sip.sdp.SdpNegotiation} (RFC 3264) turns that
 * answer into the media module's {@code RtpPeer}. Pure text and values: no JAIN-SIP, no threads.
 */
package io.outdial.sip.sdp;
