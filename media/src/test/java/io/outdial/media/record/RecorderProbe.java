package io.outdial.media.record;

import io.outdial.media.RtpPeer;
import io.outdial.media.player.PlayoutClock;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/** A stereo recorder on a direct loop for probes and benchmarks outside this package. */
public record RecorderProbe(StereoRecorder recorder, RecordingWriter writer) {

    /** A recorder of {@code peer}'s stream into {@code file}, ticking on {@code clock}, writing on {@code writers}. */
    public static RecorderProbe start(RtpPeer peer, PlayoutClock clock, Path file, Executor writers, int chunks) {
        RecordingWriter writer = new RecordingWriter(chunks, writers);
        StereoRecorder recorder = StereoRecorder.start(() -> peer, clock, Runnable::run, writer.open(file, e -> { }),
                m -> { });
        return new RecorderProbe(recorder, writer);
    }
}
