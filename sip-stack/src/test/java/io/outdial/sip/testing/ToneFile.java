package io.outdial.sip.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The raw G.711 audio SIPp streams in the scenarios ({@code rtp_stream} wants headerless 8 kHz samples): a 440 Hz
 * tone, so that a listener hears something and a detector finds a clean single frequency. Regenerates
 * {@code sipp-scenarios/audio/tone-440-pcmu.raw} byte for byte.
 */
public final class ToneFile {
    /** The tone's file name under sipp-scenarios/audio. */
    public static final String PCMU_TONE = "tone-440-pcmu.raw";

    private static final int SAMPLE_RATE = 8000;
    private static final int SECONDS = 2;
    private static final double FREQUENCY = 440.0;
    private static final double AMPLITUDE = 8000.0;

    private ToneFile() {
    }

    /** Writes the tone into {@code audioDir} unless it is already there. */
    public static Path ensure(Path audioDir) throws IOException {
        Path file = audioDir.resolve(PCMU_TONE);
        if (Files.isRegularFile(file)) {
            return file;
        }
        Files.createDirectories(audioDir);
        Files.write(file, pcmuTone());
        return file;
    }

    /** Two seconds of 440 Hz in mu-law; a whole number of cycles, so it loops without a click. */
    public static byte[] pcmuTone() {
        byte[] out = new byte[SAMPLE_RATE * SECONDS];
        for (int i = 0; i < out.length; i++) {
            double sample = AMPLITUDE * Math.sin(2 * Math.PI * FREQUENCY * i / SAMPLE_RATE);
            out[i] = linearToMuLaw((short) Math.round(sample));
        }
        return out;
    }

    /** G.711 mu-law encoding of one 16-bit sample (ITU-T G.711, the classic Sun reference algorithm). */
    static byte linearToMuLaw(short pcm) {
        final int bias = 0x84;
        final int clip = 32635;
        int sample = pcm;
        int sign = (sample >> 8) & 0x80;
        if (sign != 0) {
            sample = -sample;
        }
        if (sample > clip) {
            sample = clip;
        }
        sample += bias;
        int exponent = 7;
        for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (sample >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }
}
