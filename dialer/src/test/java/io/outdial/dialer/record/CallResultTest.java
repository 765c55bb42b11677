package io.outdial.dialer.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CallResultTest {

    @Test
    void codesAreTheReferenceSystemsAndUnique() {
        assertEquals(33, CallResult.ANSWER.code());
        assertEquals(6, CallResult.BUSY.code());
        assertEquals(7, CallResult.NO_ANSWER.code());
        assertEquals(53, CallResult.WRONG_NUMBER.code());
        assertEquals(10, CallResult.ALL_TRUNKS_BUSY.code());
        assertEquals(CallResult.values().length,
                Arrays.stream(CallResult.values()).mapToInt(CallResult::code).distinct().count());
    }

    @Test
    void parseAcceptsNameLabelOrCode() {
        assertEquals(CallResult.NO_ANSWER, CallResult.parse("NO_ANSWER"));
        assertEquals(CallResult.NO_ANSWER, CallResult.parse("No Answer"));
        assertEquals(CallResult.NO_ANSWER, CallResult.parse("7"));
        assertEquals(CallResult.WRONG_PARTY, CallResult.ofCode(40));
    }

    @Test
    void parseRefusesUnknownResults() {
        assertThrows(IllegalArgumentException.class, () -> CallResult.parse("Maybe"));
        assertThrows(IllegalArgumentException.class, () -> CallResult.ofCode(999));
    }

    @Test
    void agentsMaySetWhatAPersonCanTellButNotTheGatewaysOwnFindings() {
        assertEquals(true, CallResult.WRONG_PARTY.agentMaySet());
        assertEquals(true, CallResult.ANSWER.agentMaySet());
        assertEquals(false, CallResult.ABANDONED.agentMaySet());
        assertEquals(false, CallResult.DROPPED.agentMaySet());
        assertEquals(false, CallResult.SIT_VACANT.agentMaySet());
        assertEquals(false, CallResult.UNKNOWN.agentMaySet());
    }
}
