package io.outdial.media;

import java.util.concurrent.CompletableFuture;

/** Opens RTP endpoints from the configured port range and joins them with relays. One per gateway. */
public interface MediaEngine extends AutoCloseable {

    /** Binds a datagram channel on a free even port of the range; fails if the range is exhausted. */
    CompletableFuture<RtpEndpoint> openEndpoint();

    /** Starts relaying between two connected endpoints. */
    RtpRelay relay(RtpEndpoint a, RtpEndpoint b);

    /** Endpoints currently open (ports taken from the range). */
    int openEndpoints();

    /** Packets relayed by every relay since start, for the metrics endpoint. */
    long totalPacketsRelayed();

    /** The address endpoints bind to and advertise. */
    String bindAddress();

    @Override
    void close();
}
