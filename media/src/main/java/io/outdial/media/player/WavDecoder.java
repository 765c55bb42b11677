package io.outdial.media.player;

import io.outdial.media.Codec;
import io.outdial.media.codec.G711;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads a RIFF/WAVE file into 8 kHz linear samples. Accepts what people record announcements and music in for
 * telephony: mono 16-bit PCM at 8 or 16 kHz, G.711 mu-law or A-law at 8 kHz (plain or WAVE_FORMAT_EXTENSIBLE
 * headers). Anything else is refused with a message that says what the file is and what would do, rather than played
 * at the wrong speed.
 */
final class WavDecoder {

    private static final int PCM = 1;
    private static final int ALAW = 6;
    private static final int ULAW = 7;
    private static final int EXTENSIBLE = 0xFFFE;

    private WavDecoder() {
    }

    static short[] decode(String name, byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 12 || !tag(b, 0).equals("RIFF") || !tag(b, 8).equals("WAVE")) {
            throw refuse(name, "not a RIFF/WAVE file");
        }
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int at = 12;
        while (at + 8 <= file.length) {
            String id = tag(b, at);
            int size = b.getInt(at + 4);
            int body = at + 8;
            if (size < 0 || body + size > file.length) {
                size = file.length - body; // a truncated last chunk: take what is there
            }
            if (id.equals("fmt ")) {
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2);
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14);
                if (format == EXTENSIBLE && size >= 26) {
                    format = b.getShort(body + 24) & 0xFFFF; // first two bytes of the sub-format GUID
                }
            } else if (id.equals("data")) {
                if (format < 0) {
                    throw refuse(name, "data chunk before fmt chunk");
                }
                return samples(name, b, body, size, format, channels, rate, bits);
            }
            at = body + size + (size & 1); // chunks are padded to even sizes
        }
        throw refuse(name, "no data chunk");
    }

    private static short[] samples(String name, ByteBuffer b, int at, int size, int format, int channels,
                                   int rate, int bits) {
        if (channels != 1) {
            throw refuse(name, channels + " channels");
        }
        if (format == PCM && bits == 16 && (rate == 8000 || rate == 16000)) {
            short[] s = new short[size / 2];
            for (int i = 0; i < s.length; i++) {
                s[i] = b.getShort(at + 2 * i);
            }
            return rate == 8000 ? s : downsampleByTwo(s);
        }
        if ((format == ULAW || format == ALAW) && bits == 8 && rate == 8000) {
            Codec codec = format == ULAW ? Codec.PCMU : Codec.PCMA;
            byte[] codes = new byte[size];
            b.get(at, codes);
            short[] s = new short[size];
            G711.decode(codec, codes, 0, s, 0, size);
            return s;
        }
        throw refuse(name, "format " + format + ", " + bits + " bits, " + rate + " Hz");
    }

    /**
     * 16 kHz to 8 kHz: a 31-tap windowed-sinc low-pass at 3.6 kHz (Blackman window, about 60 dB down from 4.4 kHz),
     * then every second sample, so that nothing above 4 kHz folds back into the band as noise.
     */
    static short[] downsampleByTwo(short[] in) {
        double[] taps = LowPass.TAPS;
        int half = taps.length / 2;
        short[] out = new short[in.length / 2];
        for (int o = 0; o < out.length; o++) {
            int centre = 2 * o;
            double sum = 0;
            for (int k = 0; k < taps.length; k++) {
                int i = centre + k - half;
                if (i >= 0 && i < in.length) {
                    sum += taps[k] * in[i];
                }
            }
            out[o] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum)));
        }
        return out;
    }

    private static String tag(ByteBuffer b, int at) {
        byte[] t = new byte[4];
        b.get(at, t);
        return new String(t, StandardCharsets.US_ASCII);
    }

    private static IllegalArgumentException refuse(String name, String what) {
        return new IllegalArgumentException(name + ": unsupported audio (" + what + "); use a mono WAV of 16-bit PCM "
                + "at 8 or 16 kHz, or G.711 mu-law/A-law at 8 kHz");
    }

    /** The resampling filter, computed once. */
    private static final class LowPass {
        static final double[] TAPS = design(31, 3600.0 / 16000);

        private static double[] design(int length, double cutoff) {
            double[] h = new double[length];
            int m = length - 1;
            double sum = 0;
            for (int n = 0; n < length; n++) {
                double x = n - m / 2.0;
                double sinc = x == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
                double window = 0.42 - 0.5 * Math.cos(2 * Math.PI * n / m) + 0.08 * Math.cos(4 * Math.PI * n / m);
                h[n] = sinc * window;
                sum += h[n];
            }
            for (int n = 0; n < length; n++) {
                h[n] /= sum; // unity gain at 0 Hz
            }
            return h;
        }
    }
}
