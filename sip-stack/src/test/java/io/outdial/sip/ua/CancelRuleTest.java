package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.LegEvent.FailureKind;
import io.outdial.sip.LegState;
import javax.sip.TransactionState;
import org.junit.jupiter.api.Test;

class CancelRuleTest {
    @Test
    void cancelGoesOutOnlyWhileTheInviteIsProceeding() {
        assertTrue(CancelRule.mayCancel(false, TransactionState.PROCEEDING));
        assertFalse(CancelRule.mayCancel(false, TransactionState.CALLING), "no provisional yet: RFC 3261 9.1 waits");
        assertFalse(CancelRule.mayCancel(false, TransactionState.COMPLETED), "a 3xx-6xx is already in");
        assertFalse(CancelRule.mayCancel(false, TransactionState.TERMINATED), "a 2xx is already in");
    }

    @Test
    void aSecondCancelIsNeverTried() {
        assertFalse(CancelRule.mayCancel(true, TransactionState.PROCEEDING));
    }

    @Test
    void aTwoHundredCrossingOurRingTimeoutIsKept() {
        assertTrue(CancelRule.keepsCrossingAnswer(LegState.ENDING, FailureKind.RING_TIMEOUT, false));
    }

    @Test
    void aTwoHundredCrossingARequestedHangupIsNotKept() {
        assertFalse(CancelRule.keepsCrossingAnswer(LegState.ENDING, FailureKind.CANCELLED, true));
        assertFalse(CancelRule.keepsCrossingAnswer(LegState.ENDING, FailureKind.RING_TIMEOUT, true),
                "hung up after the ring timeout fired");
        assertFalse(CancelRule.keepsCrossingAnswer(LegState.FAILED, FailureKind.RING_TIMEOUT, false),
                "the leg already failed");
    }
}
