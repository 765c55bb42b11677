package io.outdial.media.player;

import io.outdial.media.Codec;
import io.outdial.media.codec.G711;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaClipTest {

    /** A minimal WAV file: RIFF header, fmt chunk, a padding chunk to skip, data chunk. */
    static byte[] wav(int format, int rate, int bits, int channels, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + 24 + 10 + 8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) format).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        b.put("LIST".getBytes()).putInt(2).putShort((short) 0);
        b.put("data".getBytes()).putInt(data.length).put(data);
        return b.array();
    }

    static byte[] pcm16(double hz, int rate, int samples, double amplitude) {
        ByteBuffer b = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / rate)));
        }
        return b.array();
    }

    private static MediaClip decode(byte[] file) throws IOException {
        return MediaClip.fromWav("test.wav", new ByteArrayInputStream(file));
    }

    private static double rms(MediaClip clip, int fromFrame, int toFrame) {
        double sum = 0;
        int n = 0;
        for (int f = fromFrame; f < toFrame; f++) {
            for (short s : clip.frame(f).pcm()) {
                sum += (double) s * s;
                n++;
            }
        }
        return Math.sqrt(sum / n);
    }

    @Test
    void eightKilohertzPcmIsCutIntoFramesWithTheLastPadded() throws IOException {
        MediaClip clip = decode(wav(1, 8000, 16, 1, pcm16(1000, 8000, 1000, 8000)));
        assertEquals(7, clip.frameCount());
        assertEquals(0, clip.frame(6).pcm()[159]);
        short[] pcm = clip.frame(1).pcm();
        byte[] expected = new byte[160];
        G711.encode(Codec.PCMU, pcm, 0, expected, 0, 160);
        assertArrayEquals(expected, clip.frame(1).payload(Codec.PCMU));
    }

    @Test
    void sixteenKilohertzPcmIsResampledKeepingTheBandAndDroppingWhatWouldAlias() throws IOException {
        MediaClip voice = decode(wav(1, 16000, 16, 1, pcm16(1000, 16000, 16000, 10000)));
        assertEquals(50, voice.frameCount());
        assertEquals(10000 / Math.sqrt(2), rms(voice, 2, 48), 10000 * 0.05);
        MediaClip high = decode(wav(1, 16000, 16, 1, pcm16(6000, 16000, 16000, 10000)));
        assertTrue(rms(high, 2, 48) < 10000 * 0.01, "6 kHz must not fold back to 2 kHz");
    }

    @Test
    void muLawAndALawFilesKeepTheirCodes() throws IOException {
        byte[] codes = new byte[320];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = G711.linearToUlaw((int) (5000 * Math.sin(i * 0.2)));
        }
        MediaClip ulaw = decode(wav(7, 8000, 8, 1, codes));
        assertArrayEquals(java.util.Arrays.copyOfRange(codes, 160, 320), ulaw.frame(1).payload(Codec.PCMU));
        for (int i = 0; i < codes.length; i++) {
            codes[i] = G711.linearToAlaw((int) (5000 * Math.sin(i * 0.2)));
        }
        MediaClip alaw = decode(wav(6, 8000, 8, 1, codes));
        assertArrayEquals(java.util.Arrays.copyOfRange(codes, 0, 160), alaw.frame(0).payload(Codec.PCMA));
    }

    @Test
    void unsupportedFilesAreRefusedWithAReason() {
        IllegalArgumentException stereo = assertThrows(IllegalArgumentException.class,
                () -> decode(wav(1, 8000, 16, 2, new byte[640])));
        assertTrue(stereo.getMessage().contains("2 channels"), stereo.getMessage());
        assertThrows(IllegalArgumentException.class, () -> decode(wav(1, 44100, 16, 1, new byte[640])));
        assertThrows(IllegalArgumentException.class, () -> decode("not a wav at all".getBytes()));
    }
}
