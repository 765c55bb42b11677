package io.outdial.media.codec;

import io.outdial.media.Codec;
import org.junit.jupiter.api.Test;

import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class G711Test {

    @Test
    void everySixteenBitSampleEncodesAsTheReferenceDoes() {
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            short sample = (short) s;
            assertEquals(ReferenceG711.ulawCompress(sample), G711.linearToUlaw(sample) & 0xFF, "mu-law of " + s);
            assertEquals(ReferenceG711.alawCompress(sample), G711.linearToAlaw(sample) & 0xFF, "A-law of " + s);
        }
    }

    @Test
    void all256CodesDecodeAsTheReferenceDoes() {
        for (int code = 0; code < 256; code++) {
            assertEquals(ReferenceG711.ulawExpand(code), G711.ulawToLinear((byte) code), "mu-law code " + code);
            assertEquals(ReferenceG711.alawExpand(code), G711.alawToLinear((byte) code), "A-law code " + code);
        }
    }

    @Test
    void knownCodesAndValuesOfTheStandard() {
        // silence: mu-law 0xFF, A-law 0xD5 (the idle pattern on the line)
        assertEquals((byte) 0xFF, G711.linearToUlaw(0));
        assertEquals((byte) 0xD5, G711.linearToAlaw(0));
        assertEquals(0, G711.ulawToLinear((byte) 0xFF));
        assertEquals(0, G711.ulawToLinear((byte) 0x7F));
        assertEquals(8, G711.alawToLinear((byte) 0xD5));
        assertEquals(-8, G711.alawToLinear((byte) 0x55));
        // full scale
        assertEquals(32124, G711.ulawToLinear((byte) 0x80));
        assertEquals(-32124, G711.ulawToLinear((byte) 0x00));
        assertEquals(32256, G711.alawToLinear((byte) 0xAA));
        assertEquals(-32256, G711.alawToLinear((byte) 0x2A));
        assertEquals((byte) 0x80, G711.linearToUlaw(Short.MAX_VALUE));
        assertEquals((byte) 0x00, G711.linearToUlaw(Short.MIN_VALUE));
        assertEquals((byte) 0xAA, G711.linearToAlaw(Short.MAX_VALUE));
        assertEquals((byte) 0x2A, G711.linearToAlaw(Short.MIN_VALUE));
        // a mid-level value and its reconstruction
        assertEquals((byte) 0xCE, G711.linearToUlaw(1000));
        assertEquals(988, G711.ulawToLinear((byte) 0xCE));
        assertEquals((byte) 0xFA, G711.linearToAlaw(1000));
        assertEquals(1008, G711.alawToLinear((byte) 0xFA));
    }

    @Test
    void samplesBeyondSixteenBitsAreClipped() {
        assertEquals(G711.linearToUlaw(Short.MAX_VALUE), G711.linearToUlaw(100_000));
        assertEquals(G711.linearToAlaw(Short.MIN_VALUE), G711.linearToAlaw(-100_000));
    }

    @Test
    void everyCodeSurvivesDecodeThenEncode() {
        for (int code = 0; code < 256; code++) {
            byte c = (byte) code;
            // mu-law has two zeros; the negative one (0x7F) comes back as the positive one
            byte expectedUlaw = code == 0x7F ? (byte) 0xFF : c;
            assertEquals(expectedUlaw, G711.linearToUlaw(G711.ulawToLinear(c)), "mu-law code " + code);
            assertEquals(c, G711.linearToAlaw(G711.alawToLinear(c)), "A-law code " + code);
        }
    }

    @Test
    void transcodingRequantisesTheDecodedValueWithinOneStepOfTheOtherLaw() {
        for (int code = 0; code < 256; code++) {
            short fromUlaw = ReferenceG711.ulawExpand(code);
            assertEquals(ReferenceG711.alawCompress(fromUlaw), G711.ulawToAlaw((byte) code) & 0xFF);
            assertAdjacentLevel(fromUlaw, G711.alawToLinear(G711.ulawToAlaw((byte) code)), ReferenceG711::alawExpand);

            short fromAlaw = ReferenceG711.alawExpand(code);
            assertEquals(ReferenceG711.ulawCompress(fromAlaw), G711.alawToUlaw((byte) code) & 0xFF);
            assertAdjacentLevel(fromAlaw, G711.ulawToLinear(G711.alawToUlaw((byte) code)), ReferenceG711::ulawExpand);
        }
    }

    @Test
    void transcodingTablesAreFreshCopiesAndAbsentForTheSameCodec() {
        assertNull(G711.transcodingTable(Codec.PCMU, Codec.PCMU));
        assertNull(G711.transcodingTable(Codec.PCMA, Codec.PCMA));
        byte[] uToA = G711.transcodingTable(Codec.PCMU, Codec.PCMA);
        assertNotSame(uToA, G711.transcodingTable(Codec.PCMU, Codec.PCMA));
        byte[] aToU = G711.transcodingTable(Codec.PCMA, Codec.PCMU);
        for (int code = 0; code < 256; code++) {
            assertEquals(G711.ulawToAlaw((byte) code), uToA[code]);
            assertEquals(G711.alawToUlaw((byte) code), aToU[code]);
        }
    }

    @Test
    void framesDecodeAndEncodeInBulk() {
        short[] samples = new short[Codec.SAMPLES_PER_FRAME];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(12_000 * Math.sin(2 * Math.PI * 440 * i / Codec.CLOCK_RATE));
        }
        for (Codec codec : Codec.values()) {
            byte[] codes = new byte[samples.length + 2];
            G711.encode(codec, samples, 0, codes, 2, samples.length);
            short[] decoded = new short[samples.length];
            G711.decode(codec, codes, 2, decoded, 0, samples.length);
            short[] expected = new short[samples.length];
            for (int i = 0; i < samples.length; i++) {
                byte code = codec == Codec.PCMU ? G711.linearToUlaw(samples[i]) : G711.linearToAlaw(samples[i]);
                assertEquals(code, codes[i + 2]);
                expected[i] = codec == Codec.PCMU ? G711.ulawToLinear(code) : G711.alawToLinear(code);
            }
            assertArrayEquals(expected, decoded, codec.name());
        }
    }

    /** No level of the other law lies strictly between the value and the level chosen for it. */
    private static void assertAdjacentLevel(int value, int chosen, IntFunction<Short> levels) {
        int low = Math.min(value, chosen);
        int high = Math.max(value, chosen);
        for (int code = 0; code < 256; code++) {
            int level = levels.apply(code);
            assertTrue(level <= low || level >= high, "level " + level + " lies between " + value + " and "
                    + chosen);
        }
    }
}
