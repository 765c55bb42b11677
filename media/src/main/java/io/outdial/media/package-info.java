/**
 * The media module's public face: {@link io.outdial.media.MediaEngine} (one per gateway) opens
 * {@link io.outdial.media.RtpEndpoint}s from the configured port range and joins them with relays, taps, playbacks,
 * conferences and DTMF (RFC 4733, {@code media.dtmf}); {@link io.outdial.media.Codec}, {@link io.outdial.media.RtpPeer} and
 * {@link io.outdial.media.MediaConfig} describe what SDP negotiated and where RTP binds. Callers (sip-stack) see only
 * these types, never Netty: futures and listeners complete on an RTP event loop, so continue on your own executor.
 * Nothing here knows SIP, calls or campaigns.
 */
package io.outdial.media;
