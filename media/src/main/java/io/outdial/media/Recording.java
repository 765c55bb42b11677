package io.outdial.media;

import io.outdial.media.record.RecordingSummary;
import java.util.concurrent.CompletableFuture;

/**
 * A running stereo recording of one endpoint (see {@link MediaEngine#record}). Every method is safe from any thread
 * and returns at once; the recorder acts on the endpoint's event loop.
 */
public interface Recording {

    /** Paused audio is never written: the paused span is kept as digital silence, so the file stays in step. */
    void pause();

    void resume();

    /**
     * While muted (the contact is on hold, hearing music) both channels hold silence, like a pause, but the mute is
     * the call's, not the agent's: a resume does not lift it.
     */
    void mute(boolean muted);

    /** Stops listening, writes what is left and closes the file. Idempotent: every call returns the same future. */
    CompletableFuture<RecordingSummary> stop();
}
