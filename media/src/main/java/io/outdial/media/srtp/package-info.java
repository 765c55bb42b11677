/**
 * SRTP (RFC 3711) for streams keyed by SDES (RFC 4568): the crypto suites we speak ({@link
 * io.outdial.media.srtp.SrtpSuite}), a stream's master keys ({@link io.outdial.media.srtp.SrtpKeys}), and the
 * per-direction transforms that protect and unprotect packets in place ({@link io.outdial.media.srtp.SrtpSender},
 * {@link io.outdial.media.srtp.SrtpReceiver}), joined per endpoint in {@link io.outdial.media.srtp.SrtpSession},
 * and SRTCP's receiving side ({@link io.outdial.media.srtp.SrtcpReceiver}, for a browser's reports). AES and
 * HMAC-SHA1 are BouncyCastle's; this package holds only what RFC 3711 puts around them (key derivation, the packet index and roll-over counter, the replay window), without
 * allocating per packet (ADR 0014).
 */
package io.outdial.media.srtp;
