package io.outdial.dialer.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.outdial.sip.LegEvent;
import io.outdial.sip.LegEvent.FailureKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureResultsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "486, BUSY", "600, BUSY",
            "480, NO_ANSWER", "408, NO_ANSWER", "487, NO_ANSWER",
            "404, WRONG_NUMBER", "410, WRONG_NUMBER", "484, WRONG_NUMBER", "604, WRONG_NUMBER",
            "503, ALL_TRUNKS_BUSY",
            "403, GENERAL_ERROR", "488, GENERAL_ERROR", "500, GENERAL_ERROR", "603, GENERAL_ERROR",
            "302, GENERAL_ERROR", "699, GENERAL_ERROR"
    })
    void finalResponsesMapToTheReferenceCallResults(int status, CallResult expected) {
        assertEquals(expected, FailureResults.of(new LegEvent.Failed(null, status, "x", FailureKind.REJECTED)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "RING_TIMEOUT, NO_ANSWER",
            "NO_RESPONSE, GENERAL_ERROR",
            "MEDIA_MISMATCH, GENERAL_ERROR",
            "CANCELLED, UNKNOWN"
    })
    void failuresWithoutARemoteVerdictMapByKind(FailureKind kind, CallResult expected) {
        assertEquals(expected, FailureResults.of(new LegEvent.Failed(null, 487, "x", kind)));
    }
}
