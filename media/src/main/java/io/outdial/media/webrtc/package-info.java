/**
 * The browser as a phone (WebRTC, issue 17, ADR 0017): the gateway's side of one browser's media on an ordinary
 * RTP endpoint's port. An ICE-lite responder ({@link io.outdial.media.webrtc.IceLiteResponder}) answers the
 * browser's STUN connectivity checks and picks the only address media may come from; DTLS-SRTP
 * ({@link io.outdial.media.webrtc.DtlsSrtpHandshake}, BouncyCastle's DTLS) agrees the SRTP keys, checking the
 * browser's certificate against the a=fingerprint of its SDP; the endpoint's existing SRTP then carries the audio.
 * {@link io.outdial.media.webrtc.WebRtcTransport} sorts each datagram by its first byte (RFC 7983) and ties the
 * three together; {@link io.outdial.media.webrtc.BrowserSdp} reads a browser's offer and writes the answer.
 */
package io.outdial.media.webrtc;
