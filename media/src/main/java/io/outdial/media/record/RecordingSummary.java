package io.outdial.media.record;

import java.time.Duration;

/**
 * How a recording ended.
 *
 * @param frames      20 ms stereo frames in the file (silence of pauses included)
 * @param framesLost  frames the writer had no room for (the chunk pool ran dry): they are missing from the file
 * @param failure     why writing failed (disk full, directory not writable), or null when the file is whole
 */
public record RecordingSummary(long frames, long framesLost, Throwable failure) {

    /** The file's length of audio. */
    public Duration duration() {
        return Duration.ofMillis(frames * 20);
    }

    public boolean failed() {
        return failure != null;
    }
}
