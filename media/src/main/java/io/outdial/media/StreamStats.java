package io.outdial.media;

/** A snapshot of one endpoint's counters. */
public record StreamStats(long packetsReceived, long bytesReceived, long packetsSent, long bytesSent) {
}
