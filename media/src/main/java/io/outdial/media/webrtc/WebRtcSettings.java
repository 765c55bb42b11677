package io.outdial.media.webrtc;

import java.util.Objects;

/**
 * The browser phone's settings (docs/configuration.md, {@code browserPhone.*}).
 *
 * @param candidateAddress      the address in our ICE host candidate when it differs from the media bind address
 *                              (a gateway behind NAT: its public address), or null for the bind address
 * @param permittedSources      the networks browser phones may connect from
 * @param handshakeTimeoutMillis the limit of one DTLS handshake, retransmissions included
 * @param handshakeThreads      DTLS handshakes run at once
 * @param handshakeQueue        handshakes waiting beyond those before a new browser leg is refused
 */
public record WebRtcSettings(String candidateAddress, SourceNetworks permittedSources, int handshakeTimeoutMillis,
                             int handshakeThreads, int handshakeQueue) {
    public WebRtcSettings {
        Objects.requireNonNull(permittedSources, "permittedSources");
        if (handshakeTimeoutMillis < 1_000 || handshakeTimeoutMillis > 60_000) {
            throw new IllegalArgumentException("browserPhone.handshakeTimeout must be 1s..60s");
        }
        if (handshakeThreads < 1 || handshakeThreads > 64) {
            throw new IllegalArgumentException("browserPhone.handshakeThreads must be 1..64");
        }
        if (handshakeQueue < 1) {
            throw new IllegalArgumentException("handshake queue must be at least 1");
        }
    }

    /** Defaults: bind address as candidate, any source, 10 s handshakes, 2 threads, 64 waiting. */
    public static WebRtcSettings defaults() {
        return new WebRtcSettings(null, SourceNetworks.any(), 10_000, 2, 64);
    }
}
