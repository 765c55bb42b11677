package io.outdial.media.player;

import io.outdial.media.Codec;
import io.outdial.media.codec.G711;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * A recording decoded once into 20 ms frames (linear, PCMU and PCMA), shared by every player and listener: the
 * call-waiting music, the safe-harbour message, a voicemail drop. Immutable.
 */
public final class MediaClip {

    private final String name;
    private final ClipFrame[] frames;

    private MediaClip(String name, ClipFrame[] frames) {
        this.name = name;
        this.frames = frames;
    }

    /** Decodes a WAV file: mono 16-bit PCM at 8 or 16 kHz (16 kHz is resampled), or G.711 mu-law or A-law at 8 kHz. */
    public static MediaClip fromWav(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return fromWav(file.getFileName().toString(), in);
        }
    }

    /** As {@link #fromWav(Path)}, from a stream (read to its end, not closed). */
    public static MediaClip fromWav(String name, InputStream in) throws IOException {
        return fromPcm(name, WavDecoder.decode(name, in.readAllBytes()));
    }

    /** A clip of 8 kHz linear samples; the last frame is padded with silence. */
    public static MediaClip fromPcm(String name, short[] samples) {
        int n = Codec.SAMPLES_PER_FRAME;
        int count = (samples.length + n - 1) / n;
        if (count == 0) {
            throw new IllegalArgumentException(name + ": no audio");
        }
        ClipFrame[] frames = new ClipFrame[count];
        for (int f = 0; f < count; f++) {
            short[] pcm = Arrays.copyOfRange(samples, f * n, f * n + n); // pads with zeros past the end
            byte[] pcmu = new byte[n];
            byte[] pcma = new byte[n];
            G711.encode(Codec.PCMU, pcm, 0, pcmu, 0, n);
            G711.encode(Codec.PCMA, pcm, 0, pcma, 0, n);
            frames[f] = new ClipFrame(f, pcm, pcmu, pcma);
        }
        return new MediaClip(name, frames);
    }

    public String name() {
        return name;
    }

    public int frameCount() {
        return frames.length;
    }

    public ClipFrame frame(int index) {
        return frames[index];
    }

    public Duration duration() {
        return Duration.ofMillis(20L * frames.length);
    }

    @Override
    public String toString() {
        return "MediaClip[" + name + ", " + frames.length + " frames]";
    }
}
