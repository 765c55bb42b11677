package io.outdial.media.codec;

/**
 * G.711 written out step by step as the ITU-T G.191 software tools library describes it (segment found by a loop,
 * negative samples on their one's complement), kept deliberately unlike the production code so that the two check
 * each other.
 */
final class ReferenceG711 {

    private ReferenceG711() {
    }

    static int ulawCompress(short sample) {
        int absno = sample < 0 ? ((~sample) >> 2) + 33 : (sample >> 2) + 33;
        if (absno > 0x1FFF) {
            absno = 0x1FFF;
        }
        int i = absno >> 6;
        int segno = 1;
        while (i != 0) {
            segno++;
            i >>= 1;
        }
        int highNibble = 0x8 - segno;
        int lowNibble = 0xF - ((absno >> segno) & 0xF);
        int code = (highNibble << 4) | lowNibble;
        return sample >= 0 ? code | 0x80 : code;
    }

    static short ulawExpand(int code) {
        int sign = code < 0x80 ? -1 : 1;
        int mantissa = ~code;
        int exponent = (mantissa >> 4) & 0x7;
        int segment = exponent + 1;
        mantissa &= 0xF;
        int step = 4 << segment;
        return (short) (sign * ((0x80 << exponent) + step * mantissa + step / 2 - 4 * 33));
    }

    static int alawCompress(short sample) {
        int ix = sample < 0 ? (~sample) >> 4 : sample >> 4;
        if (ix > 15) {
            int iexp = 1;
            while (ix > 16 + 15) {
                ix >>= 1;
                iexp++;
            }
            ix -= 16;
            ix += iexp << 4;
        }
        if (sample >= 0) {
            ix |= 0x80;
        }
        return ix ^ 0x55;
    }

    static short alawExpand(int code) {
        int ix = (code ^ 0x55) & 0x7F;
        int iexp = ix >> 4;
        int mant = ix & 0xF;
        if (iexp > 0) {
            mant += 16;
        }
        mant = (mant << 4) + 0x8;
        if (iexp > 1) {
            mant <<= iexp - 1;
        }
        return (short) (code > 127 ? mant : -mant);
    }
}
