package io.outdial.media.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A recorded stereo WAV file read back for checks: 8 kHz 16-bit PCM, left and right channels apart, and the
 * measures tests make on them (a tone's share of the energy by Goertzel, loudness).
 */
public final class StereoWav {

    public static final int RATE = 8000;
    private final short[] left;
    private final short[] right;

    private StereoWav(short[] left, short[] right) {
        this.left = left;
        this.right = right;
    }

    /** Reads a canonical 44-byte-header PCM WAV; fails unless it is 8 kHz, 16-bit stereo. */
    public static StereoWav read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException(file + " is not a RIFF/WAVE file");
        }
        if (b.getShort(20) != 1 || b.getShort(22) != 2 || b.getInt(24) != RATE || b.getShort(34) != 16) {
            throw new IOException(file + " is not 8 kHz 16-bit stereo PCM");
        }
        int dataBytes = b.getInt(40);
        if (dataBytes != b.capacity() - 44) {
            throw new IOException(file + ": header says " + dataBytes + " data bytes, the file holds "
                    + (b.capacity() - 44));
        }
        int samples = dataBytes / 4;
        short[] l = new short[samples];
        short[] r = new short[samples];
        for (int i = 0; i < samples; i++) {
            l[i] = b.getShort(44 + 4 * i);
            r[i] = b.getShort(46 + 4 * i);
        }
        return new StereoWav(l, r);
    }

    public short[] left() {
        return left;
    }

    public short[] right() {
        return right;
    }

    /** Length in milliseconds. */
    public long millis() {
        return left.length * 1000L / RATE;
    }

    /**
     * The share (0..1) of a span's energy at {@code frequency}, the mean over its 20 ms blocks: a steady sine at
     * that frequency reads close to 1, another tone or noise close to 0, silence 0.
     */
    public static double toneShare(short[] channel, long fromMs, long toMs, double frequency) {
        int from = (int) (fromMs * RATE / 1000);
        int to = (int) Math.min(channel.length, toMs * RATE / 1000);
        double c = 2 * Math.cos(2 * Math.PI * frequency / RATE);
        double sum = 0;
        int blocks = 0;
        for (int start = from; start + 160 <= to; start += 160) {
            double s1 = 0;
            double s2 = 0;
            double energy = 0;
            for (int i = start; i < start + 160; i++) {
                double s0 = channel[i] + c * s1 - s2;
                s2 = s1;
                s1 = s0;
                energy += (double) channel[i] * channel[i];
            }
            double power = s1 * s1 + s2 * s2 - c * s1 * s2;
            sum += energy == 0 ? 0 : 2 * power / (160 * energy);
            blocks++;
        }
        return blocks == 0 ? 0 : sum / blocks;
    }

    /** Root mean square of a span, in sample units (0 for digital silence). */
    public static double rms(short[] channel, long fromMs, long toMs) {
        int from = (int) (fromMs * RATE / 1000);
        int to = (int) Math.min(channel.length, toMs * RATE / 1000);
        double energy = 0;
        for (int i = from; i < to; i++) {
            energy += (double) channel[i] * channel[i];
        }
        return to <= from ? 0 : Math.sqrt(energy / (to - from));
    }
}
