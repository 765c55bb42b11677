package io.outdial.media.player;

import io.outdial.media.Codec;

/**
 * One 20 ms frame of a {@link MediaClip}: 160 linear samples and the same audio already encoded as PCMU and PCMA, so
 * that playing to any number of listeners costs no encoding. Shared by every player of the clip: read, never write.
 */
public final class ClipFrame {

    private final int index;
    private final short[] pcm;
    private final byte[] pcmu;
    private final byte[] pcma;

    ClipFrame(int index, short[] pcm, byte[] pcmu, byte[] pcma) {
        this.index = index;
        this.pcm = pcm;
        this.pcmu = pcmu;
        this.pcma = pcma;
    }

    /** Position of this frame in its clip, from 0. */
    public int index() {
        return index;
    }

    /** The 160 linear samples (the clip's own array: do not modify). */
    public short[] pcm() {
        return pcm;
    }

    /** The 160-byte payload for {@code codec} (the clip's own array: do not modify). */
    public byte[] payload(Codec codec) {
        return codec == Codec.PCMU ? pcmu : pcma;
    }
}
