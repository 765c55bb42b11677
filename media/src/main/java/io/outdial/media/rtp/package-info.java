/**
 * RTP packets seen from inside the media module: {@link io.outdial.media.rtp.RtpHeader} reads and rewrites the RFC 3550
 * header in place on a {@code ByteBuf}, {@link io.outdial.media.rtp.OutboundStream} keeps one endpoint's SSRC, sequence
 * and timestamp contiguous whatever feeds it, and {@link io.outdial.media.rtp.PacketEndpoint} /
 * {@link io.outdial.media.rtp.RtpSink} are what relays, taps and players plug into. Sinks are called on the endpoint's
 * event loop and must not block; nothing here allocates per packet. Depends only on the root package and Netty buffers.
 */
package io.outdial.media.rtp;
