package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.outdial.sip.ua.ReliableProvisionals.Verdict;
import org.junit.jupiter.api.Test;

class ReliableProvisionalsTest {
    @Test
    void theFirstReliableProvisionalOfAnEarlyDialogIsNewWhateverItsRSeq() {
        assertEquals(Verdict.NEW, ReliableProvisionals.order(null, 1));
        assertEquals(Verdict.NEW, ReliableProvisionals.order(null, 2_000_000_000L));
    }

    @Test
    void onlyTheNextRSeqIsNewASeenOneIsARetransmissionAndAGapIsOutOfOrder() {
        assertEquals(Verdict.NEW, ReliableProvisionals.order(5L, 6));
        assertEquals(Verdict.RETRANSMISSION, ReliableProvisionals.order(5L, 5));
        assertEquals(Verdict.RETRANSMISSION, ReliableProvisionals.order(5L, 4));
        assertEquals(Verdict.OUT_OF_ORDER, ReliableProvisionals.order(5L, 7));
    }
}
