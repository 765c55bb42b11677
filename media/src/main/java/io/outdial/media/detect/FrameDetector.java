package io.outdial.media.detect;

import java.util.Optional;

/**
 * A detector fed one 20 ms frame of 8 kHz 16-bit PCM at a time (160 samples), in order, from one stream. Each is a
 * small state machine that allocates nothing per frame, so a gateway can run hundreds; not thread-safe (one stream,
 * one thread). A detector reports once, then stays quiet until {@link #reset()}.
 */
public interface FrameDetector {

    /** Reads the next frame (its first 160 samples); returns what was decided on it, if anything. */
    Optional<Detection> onFrame(short[] frame);

    /** Forgets everything seen, as if no frame had been read. */
    void reset();
}
