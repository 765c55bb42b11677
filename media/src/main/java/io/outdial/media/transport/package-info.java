/**
 * The media engine on Netty: {@link io.outdial.media.transport.NettyMediaEngine} implements
 * {@code MediaEngine} with {@link io.outdial.media.transport.NettyRtpEndpoint}s (one datagram channel each, symmetric
 * RTP latching on the peer's first packet) on even ports from a round-robin {@link io.outdial.media.transport.PortPool},
 * all served by the one small event-loop group of {@link io.outdial.media.transport.DatagramTransport} (epoll where it
 * loads, NIO elsewhere; no thread per stream). This is the only package that wires the others together; its futures
 * complete on an event loop.
 */
package io.outdial.media.transport;
