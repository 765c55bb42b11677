package io.outdial.dialer.call;

import io.outdial.core.exec.Scheduler;
import io.outdial.media.Recording;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.record.RecordingOutput;
import io.outdial.media.record.RecordingSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link NoMedia} that records: each {@link #record} is a {@link Take} that notes what the dialer asks of it, in
 * virtual time, and whose file is as long as the time from its start to its stop (a pause kept as silence, as the
 * real recorder does), in whole 20 ms frames. The file itself is discarded: no audio flows on scripted legs.
 */
final class RecorderMedia extends NoMedia {
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
}
