package io.outdial.media.corpus;

import io.outdial.media.Codec;
import io.outdial.media.codec.G711;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes generated audio as files other programs play: raw G.711 (SIPp's rtp_stream) and 16-bit PCM WAV. */
public final class AudioFiles {

    private AudioFiles() {
    }

    /** Raw PCMU bytes, one per sample, as SIPp's {@code rtp_stream} plays them. */
    public static Path writeRawPcmu(Path file, short[] pcm) throws IOException {
        byte[] codes = new byte[pcm.length];
        G711.encode(Codec.PCMU, pcm, 0, codes, 0, pcm.length);
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, codes);
    }

    /** A mono 8 kHz 16-bit PCM WAV file. */
    public static Path writeWav(Path file, short[] pcm) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(Signal.RATE)
                .putInt(Signal.RATE * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(2 * pcm.length);
        for (short s : pcm) {
            b.putShort(s);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, b.array());
    }
}
