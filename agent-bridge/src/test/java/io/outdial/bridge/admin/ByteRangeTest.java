package io.outdial.bridge.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    private static ByteRange.Slice of(String header, long length) {
        return ByteRange.parse(header).orElseThrow().resolve(length);
    }

    @Test
    void aClosedRangeSelectsItsBytesBothInclusive() {
        ByteRange.Slice s = of("bytes=10-19", 100);
        assertEquals(new ByteRange.Slice(10, 19, 100), s);
        assertEquals(10, s.size());
        assertTrue(s.partial());
        assertEquals("bytes 10-19/100", s.contentRange());
    }

    @Test
    void anOpenRangeRunsToTheEndAndALastBytePastTheEndIsTheEnd() {
        assertEquals(new ByteRange.Slice(44, 99, 100), of("bytes=44-", 100));
        assertEquals(new ByteRange.Slice(90, 99, 100), of("bytes=90-5000", 100));
    }

    @Test
    void aSuffixIsTheLastBytesOrAllOfAShorterFile() {
        assertEquals(new ByteRange.Slice(80, 99, 100), of("bytes=-20", 100));
        assertEquals(new ByteRange.Slice(0, 99, 100), of("bytes=-500", 100));
    }

    @Test
    void theWholeFileAskedAsARangeIsNotPartial() {
        assertFalse(of("bytes=0-", 100).partial(), "a player's first request: the whole file");
        assertFalse(of("bytes=0-99", 100).partial());
    }

    @Test
    void spacesAndTheUnitsCaseAreTolerated() {
        assertEquals(new ByteRange.Slice(1, 2, 10), of("  Bytes = 1 - 2 ", 10));
    }

    @Test
    void aRangeStartingAtOrPastTheEndIsNotSatisfiableAndNamesTheLength() {
        RangeNotSatisfiable e = assertThrows(RangeNotSatisfiable.class, () -> of("bytes=100-", 100));
        assertEquals(416, e.status());
        assertEquals(100, e.length());
        assertThrows(RangeNotSatisfiable.class, () -> of("bytes=0-", 0), "nothing of an empty file");
        assertThrows(RangeNotSatisfiable.class, () -> of("bytes=-5", 0));
    }

    @Test
    void noHeaderOtherUnitsAndSeveralRangesMeanTheWholeFile() {
        assertEquals(Optional.empty(), ByteRange.parse(null));
        assertEquals(Optional.empty(), ByteRange.parse(" "));
        assertEquals(Optional.empty(), ByteRange.parse("items=0-4"));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=0-4,10-14"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=5-2", "bytes=x-", "bytes=-0", "bytes=-", "bytes=5", "bytes", "bytes=1-2-3",
            "bytes=99999999999999999999-", "bytes=+1-2", "bytes=-x"})
    void aMalformedSingleRangeIsRefusedSayingWhy(String header) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteRange.parse(header));
        assertTrue(e.getMessage().startsWith("Range '"), e.getMessage());
    }
}
