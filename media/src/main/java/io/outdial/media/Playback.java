package io.outdial.media;

import java.util.concurrent.CompletableFuture;

/** A clip playing to one endpoint's peer (see {@link MediaEngine#play}). */
public interface Playback {

    /** Stops sending; idempotent, safe from any thread. */
    void stop();

    /** Completes when a clip played once has been sent in full, or when stopped. */
    CompletableFuture<Void> finished();
}
