package io.outdial.media.analysis;

import io.netty.buffer.ByteBufAllocator;
import io.outdial.media.Playback;
import io.outdial.media.RtpPeer;
import io.outdial.media.player.ClipPlayer;
import io.outdial.media.player.MediaClip;
import io.outdial.media.player.PlayoutClock;
import io.outdial.media.player.RtpFrameSink;
import io.outdial.media.rtp.PacketEndpoint;
import java.util.concurrent.CompletableFuture;

/** A {@link ClipPlayer} sending to an endpoint's peer in the codec negotiated with it. */
public final class ClipPlayback implements Playback {

    private final ClipPlayer player;
    private final CompletableFuture<Void> finished;

    private ClipPlayback(ClipPlayer player) {
        this.player = player;
        this.finished = player.start();
    }

    /**
     * Starts playing {@code clip} to {@code endpoint}'s peer on {@code clock}.
     *
     * @throws IllegalStateException if the endpoint has no peer yet
     */
    public static ClipPlayback start(PacketEndpoint endpoint, MediaClip clip, boolean loop, PlayoutClock clock,
                                     ByteBufAllocator allocator) {
        RtpPeer peer = endpoint.peer();
        if (peer == null) {
            throw new IllegalStateException("cannot play " + clip.name() + " to " + endpoint + ": no peer yet");
        }
        RtpFrameSink sink = new RtpFrameSink(endpoint, peer.codec(), peer.payloadType(), allocator);
        return new ClipPlayback(new ClipPlayer(clip, sink, clock, loop ? ClipPlayer.Mode.LOOP : ClipPlayer.Mode.ONCE));
    }

    @Override
    public void stop() {
        player.stop();
    }

    @Override
    public CompletableFuture<Void> finished() {
        return finished;
    }
}
