package io.outdial.media.codec;

import io.outdial.media.Codec;

/**
 * ITU-T G.711 mu-law and A-law: encoding of 16-bit linear PCM, decoding through 256-entry tables, and direct
 * PCMU/PCMA transcoding tables for the relay.
 *
 * <p>Negative samples are quantised on their one's complement, as the ITU-T G.191 reference does, so that the
 * asymmetric 16-bit range maps symmetrically onto the sign-magnitude codes (-1 encodes like +0 with a minus sign).
 */
public final class G711 {

    /** mu-law works on the 14 most significant bits; this bias makes the segment boundaries powers of two. */
    private static final int ULAW_BIAS = 33;
    private static final int ULAW_MAX_BIASED = 0x1FFF;

    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int code = 0; code < 256; code++) {
            ULAW_TO_LINEAR[code] = (short) expandUlaw(code);
            ALAW_TO_LINEAR[code] = (short) expandAlaw(code);
        }
        // Transcoding goes through the linear value each code stands for: the result is the code of the other law
        // whose decision interval holds that value, i.e. the nearest level the other law can represent.
        for (int code = 0; code < 256; code++) {
            ULAW_TO_ALAW[code] = linearToAlaw(ULAW_TO_LINEAR[code]);
            ALAW_TO_ULAW[code] = linearToUlaw(ALAW_TO_LINEAR[code]);
        }
    }

    private G711() {
    }

    /** Encodes one 16-bit linear sample (values outside -32768..32767 are clipped) as a mu-law code. */
    public static byte linearToUlaw(int sample) {
        int s = clip(sample);
        int magnitude = s < 0 ? ~s : s;
        int biased = Math.min((magnitude >> 2) + ULAW_BIAS, ULAW_MAX_BIASED);
        // biased lies in 33..8191: its highest set bit (5..12) gives the segment 0..7
        int segment = 26 - Integer.numberOfLeadingZeros(biased);
        int mantissa = (biased >> (segment + 1)) & 0x0F;
        // codes are sent inverted; the sign bit is 1 for positive samples
        return (byte) (((segment << 4) | mantissa) ^ (s < 0 ? 0x7F : 0xFF));
    }

    /** Encodes one 16-bit linear sample (values outside -32768..32767 are clipped) as an A-law code. */
    public static byte linearToAlaw(int sample) {
        int s = clip(sample);
        int magnitude = (s < 0 ? ~s : s) >> 4; // A-law keeps 12 bits of magnitude
        int code;
        if (magnitude < 16) {
            code = magnitude;
        } else {
            // magnitude lies in 16..2047: its highest set bit (4..10) gives the segment 1..7
            int segment = 28 - Integer.numberOfLeadingZeros(magnitude);
            code = (segment << 4) | ((magnitude >> (segment - 1)) & 0x0F);
        }
        // even bits are inverted on the line; the sign bit is 1 for positive samples
        return (byte) (code ^ (s < 0 ? 0x55 : 0xD5));
    }

    /** The linear value a mu-law code stands for. */
    public static short ulawToLinear(byte code) {
        return ULAW_TO_LINEAR[code & 0xFF];
    }

    /** The linear value an A-law code stands for. */
    public static short alawToLinear(byte code) {
        return ALAW_TO_LINEAR[code & 0xFF];
    }

    /** The A-law code nearest to what a mu-law code stands for. */
    public static byte ulawToAlaw(byte code) {
        return ULAW_TO_ALAW[code & 0xFF];
    }

    /** The mu-law code nearest to what an A-law code stands for. */
    public static byte alawToUlaw(byte code) {
        return ALAW_TO_ULAW[code & 0xFF];
    }

    /** Decodes {@code count} codes of {@code codec} into linear samples. */
    public static void decode(Codec codec, byte[] codes, int codesOffset, short[] samples, int samplesOffset,
                              int count) {
        short[] table = codec == Codec.PCMU ? ULAW_TO_LINEAR : ALAW_TO_LINEAR;
        for (int i = 0; i < count; i++) {
            samples[samplesOffset + i] = table[codes[codesOffset + i] & 0xFF];
        }
    }

    /** Encodes {@code count} linear samples as codes of {@code codec}. */
    public static void encode(Codec codec, short[] samples, int samplesOffset, byte[] codes, int codesOffset,
                              int count) {
        for (int i = 0; i < count; i++) {
            int sample = samples[samplesOffset + i];
            codes[codesOffset + i] = codec == Codec.PCMU ? linearToUlaw(sample) : linearToAlaw(sample);
        }
    }

    /**
     * A fresh 256-entry table mapping each code of {@code from} to a code of {@code to} (indexed by the unsigned
     * code), or null when the codecs are the same and nothing needs rewriting.
     */
    public static byte[] transcodingTable(Codec from, Codec to) {
        if (from == to) {
            return null;
        }
        return (from == Codec.PCMU ? ULAW_TO_ALAW : ALAW_TO_ULAW).clone();
    }

    private static int clip(int sample) {
        return Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample));
    }

    private static int expandUlaw(int code) {
        int inverted = ~code;
        int segment = (inverted >> 4) & 0x07;
        int mantissa = inverted & 0x0F;
        // the middle of the decision interval, with the encoder's bias removed
        int magnitude = (((mantissa << 3) + (ULAW_BIAS << 2)) << segment) - (ULAW_BIAS << 2);
        return (code & 0x80) != 0 ? magnitude : -magnitude;
    }

    private static int expandAlaw(int code) {
        int c = code ^ 0x55;
        int segment = (c >> 4) & 0x07;
        int mantissa = c & 0x0F;
        int magnitude = segment == 0 ? (mantissa << 4) + 8 : (((mantissa + 16) << 4) + 8) << (segment - 1);
        return (code & 0x80) != 0 ? magnitude : -magnitude;
    }
}
