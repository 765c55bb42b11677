package io.outdial.media.player;

/** Where a {@link ClipPlayer} sends its frames, one every 20 ms: an RTP endpoint ({@link RtpFrameSink}), a mixer, a test. */
@FunctionalInterface
public interface FrameSink {

    /** Takes the next frame; called on the player's clock thread, so it must not block. */
    void onFrame(ClipFrame frame);
}
