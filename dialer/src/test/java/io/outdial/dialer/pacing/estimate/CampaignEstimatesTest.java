package io.outdial.dialer.pacing.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CampaignEstimatesTest {

    private static CampaignEstimates learned() {
        CampaignEstimates e = new CampaignEstimates(0.2, 10, 180, 30, 2);
        // Live answers after 5..14 s (30 %), other outcomes after 25 s (ring timeout).
        for (int i = 0; i < 1_000; i++) {
            if (i % 10 < 3) {
                e.liveAnswer(5 + i % 10);
            } else {
                e.otherOutcome(25);
            }
            e.talked(100 + i % 200);
            e.wrappedUp(30);
        }
        return e;
    }

    @Test
    void aCallRingingLongerThanAnyLiveAnswerIsNoLongerExpectedToBeAnswered() {
        CampaignEstimates e = learned();
        assertEquals(0.3, e.liveProbability(0), 0.02);
        assertEquals(0, e.liveProbability(20), 1e-9);
    }

    @Test
    void anAgentNearTheEndOfWrapUpIsForecastFreeAndOneStartingTalkIsNot() {
        CampaignEstimates e = learned();
        int whenever = e.horizons() - 1;
        assertTrue(e.freeFromWrap(whenever, 29) > 0.9, "wrap-up of exactly 30 s nearly over");
        assertTrue(e.freeFromWrap(whenever, 0) < 0.05, "wrap-up just started");
        assertEquals(0, e.freeFromTalk(whenever, 0), 1e-9);
    }
}
