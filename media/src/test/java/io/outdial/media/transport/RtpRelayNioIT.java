package io.outdial.media.transport;

/** The relay tests again on Netty's NIO transport, the fallback where epoll does not load. */
class RtpRelayNioIT extends RtpRelayIT {

    @Override
    boolean allowEpoll() {
        return false;
    }
}
