package io.outdial.dialer.call;

import io.outdial.core.exec.Scheduler;
import io.outdial.media.Conference;
import io.outdial.media.MediaEngine;
import io.outdial.media.MediaTap;
import io.outdial.media.Playback;
import io.outdial.media.Recording;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.RtpRelay;
import io.outdial.media.detect.Detection;
import io.outdial.media.detect.FrameDetector;
import io.outdial.media.player.MediaClip;
import io.outdial.media.record.RecordingOutput;
import io.outdial.media.record.RecordingSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@link NoMedia} that records: each {@link #record} is a {@link Take} that notes what the dialer asks of it, in
 * virtual time, and whose file is as long as the time from its start to its stop (a pause kept as silence, as the
 * real recorder does), in whole 20 ms frames. The file itself is discarded: no audio flows on scripted legs.
 */
final class RecorderMedia implements MediaEngine {
    private final NoMedia none = new NoMedia();
    private Scheduler clock;
    /** Every recording started, in order. */
    final List<Take> takes = new ArrayList<>();

    /** The clock the takes' lengths are measured on (the dialer's, set once it exists). */
    void clock(Scheduler clock) {
        this.clock = clock;
    }

    @Override
    public Recording record(RtpEndpoint endpoint, RecordingOutput output) {
        Take take = new Take(clock.now(), output);
        takes.add(take);
        return take;
    }

    /** One recording: the dialer's requests as "pause", "resume", "mute on", "mute off", with their virtual times. */
    final class Take implements Recording {
        final Instant startedAt;
        final List<String> asked = new ArrayList<>();
        final List<Instant> askedAt = new ArrayList<>();
        private final RecordingOutput output;
        private CompletableFuture<RecordingSummary> stopped;
        Instant stoppedAt;

        Take(Instant startedAt, RecordingOutput output) {
            this.startedAt = startedAt;
            this.output = output;
        }

        private void note(String what) {
            asked.add(what);
            askedAt.add(clock.now());
        }

        @Override
        public void pause() {
            note("pause");
        }

        @Override
        public void resume() {
            note("resume");
        }

        @Override
        public void mute(boolean muted) {
            note(muted ? "mute on" : "mute off");
        }

        @Override
        public CompletableFuture<RecordingSummary> stop() {
            if (stopped == null) {
                stoppedAt = clock.now();
                output.discard().join();
                long frames = Duration.between(startedAt, stoppedAt).toMillis() / 20;
                stopped = CompletableFuture.completedFuture(new RecordingSummary(frames, 0, null));
            }
            return stopped;
        }
    }

    @Override
    public CompletableFuture<RtpEndpoint> openEndpoint() {
        return none.openEndpoint();
    }

    @Override
    public RtpRelay relay(RtpEndpoint a, RtpEndpoint b) {
        return none.relay(a, b);
    }

    @Override
    public MediaTap listen(RtpEndpoint endpoint, List<FrameDetector> detectors, Consumer<Detection> listener) {
        return none.listen(endpoint, detectors, listener);
    }

    @Override
    public Playback play(RtpEndpoint endpoint, MediaClip clip, boolean loop) {
        return none.play(endpoint, clip, loop);
    }

    @Override
    public CompletableFuture<Void> sendDtmf(RtpEndpoint endpoint, String digits, int durationMs) {
        return none.sendDtmf(endpoint, digits, durationMs);
    }

    @Override
    public Conference conference(List<RtpEndpoint> endpoints) {
        return none.conference(endpoints);
    }

    @Override
    public int openEndpoints() {
        return none.openEndpoints();
    }

    @Override
    public long totalPacketsRelayed() {
        return none.totalPacketsRelayed();
    }

    @Override
    public String bindAddress() {
        return none.bindAddress();
    }

    @Override
    public void close() {
    }
}
