package io.outdial.media;

import io.outdial.media.detect.Detection;
import io.outdial.media.detect.FrameDetector;
import io.outdial.media.player.MediaClip;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Opens RTP endpoints from the configured port range and joins them with relays. One per gateway. */
public interface MediaEngine extends AutoCloseable {

    /** Binds a datagram channel on a free even port of the range; fails if the range is exhausted. */
    CompletableFuture<RtpEndpoint> openEndpoint();

    /** Starts relaying between two connected endpoints. */
    RtpRelay relay(RtpEndpoint a, RtpEndpoint b);

    /**
     * Decodes what {@code endpoint} receives from its peer into 20 ms frames and feeds them, in order, to each
     * detector; every detection is handed to {@code listener} on the endpoint's event loop (hand it off, do not
     * block). Media time runs with the clock: when no packet comes, silence is fed, so that "no audio" is heard as
     * silence. The tap becomes the endpoint's sink until stopped.
     *
     * @throws IllegalStateException if the endpoint already feeds a sink (a relay) or is closed
     */
    MediaTap listen(RtpEndpoint endpoint, List<FrameDetector> detectors, Consumer<Detection> listener);

    /**
     * Plays {@code clip} to {@code endpoint}'s peer in its negotiated codec, once or looped, paced at 20 ms on the
     * endpoint's event loop. The first frame leaves at once.
     *
     * @throws IllegalStateException if the endpoint has no peer yet
     */
    Playback play(RtpEndpoint endpoint, MediaClip clip, boolean loop);

    /**
     * Sends DTMF {@code digits} (0-9, *, #, A-D) to {@code endpoint}'s peer as RFC 4733 telephone-events with the
     * peer's negotiated payload type, each lasting {@code durationMs} (40-2000), queued after digits still playing.
     * Audio the endpoint would send meanwhile (a relay, a player) is held back while each digit plays. Completes
     * when the last digit's end packets have left; fails if the peer negotiated no telephone-event (send SIP INFO
     * instead), on bad digits or duration, or if the endpoint closes first.
     */
    CompletableFuture<Void> sendDtmf(RtpEndpoint endpoint, String digits, int durationMs);

    /**
     * Mixes two or three connected endpoints of one call (see {@code io.outdial.media.mix.ConferenceMixer}): each
     * peer hears the sum of the others, in its own codec, paced at 20 ms on the first endpoint's event loop. The
     * endpoints must feed no other sink (stop their relay first) until {@link Conference#stop()}.
     *
     * @throws IllegalStateException if an endpoint has no peer yet or already feeds a sink
     */
    Conference conference(List<RtpEndpoint> endpoints);

    /** Endpoints currently open (ports taken from the range). */
    int openEndpoints();

    /** Packets relayed by every relay since start, for the metrics endpoint. */
    long totalPacketsRelayed();

    /** The address endpoints bind to. */
    String bindAddress();

    /** The address put in SDP: the bind address unless another is configured (a gateway behind NAT). */
    default String advertisedAddress() {
        return bindAddress();
    }

    @Override
    void close();
}
