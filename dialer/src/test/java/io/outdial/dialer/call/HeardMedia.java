package io.outdial.dialer.call;

import io.outdial.media.MediaTap;
import io.outdial.media.Playback;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.RtpPeer;
import io.outdial.media.StreamStats;
import io.outdial.media.detect.Detection;
import io.outdial.media.detect.FrameDetector;
import io.outdial.media.player.MediaClip;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@link NoMedia} whose taps the test speaks into: what the contact analysis listens for is heard when the test says
 * so ({@link #hear}), and each clip played ends when the test says so ({@link #clipEnds}). Give a scripted leg
 * {@link #endpoint()} for the analysis to listen to it.
 */
final class HeardMedia extends NoMedia {
    /** The listener of the latest tap still running, or null. */
    private Consumer<Detection> listening;
    /** Every clip played, in order. */
    final List<Played> played = new ArrayList<>();
    int taps;

    /** An endpoint with no traffic, for a scripted leg. */
    static RtpEndpoint endpoint() {
        return new RtpEndpoint() {
            @Override
            public InetSocketAddress localAddress() {
                return new InetSocketAddress("127.0.0.1", 40000);
            }

            @Override
            public void connect(RtpPeer peer) {
            }

            @Override
            public RtpPeer peer() {
                return null;
            }

            @Override
            public StreamStats stats() {
                return CallOutcome.NO_MEDIA;
            }

            @Override
            public CompletableFuture<Void> close() {
                return CompletableFuture.completedFuture(null);
            }
        };
    }

    /** The running tap hears {@code detection}; throws if nothing listens. */
    void hear(Detection detection) {
        if (listening == null) {
            throw new AssertionError("nothing listens to the contact");
        }
        listening.accept(detection);
    }

    boolean listening() {
        return listening != null;
    }

    /** The latest clip played has been sent in full. */
    void clipEnds() {
        played.get(played.size() - 1).finished.complete(null);
    }

    @Override
    public MediaTap listen(RtpEndpoint endpoint, List<FrameDetector> detectors, Consumer<Detection> listener) {
        taps++;
        listening = listener;
        return () -> {
            if (listening == listener) {
                listening = null;
            }
        };
    }

    @Override
    public Playback play(RtpEndpoint endpoint, MediaClip clip, boolean loop) {
        Played p = new Played();
        played.add(p);
        return p;
    }

    /** One clip playing; stopping it ends it, as the real player does. */
    static final class Played implements Playback {
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        boolean stopped;

        @Override
        public void stop() {
            stopped = true;
            finished.complete(null);
        }

        @Override
        public CompletableFuture<Void> finished() {
            return finished;
        }
    }
}
