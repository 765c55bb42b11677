package io.outdial.dialer.wrapup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.wrapup.AbsentAgentRule.Verdict;
import io.outdial.core.exec.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AbsentAgentRuleTest {
    private static final Instant DUE = Instant.parse("2026-11-21T16:30:00Z");
    private static final Duration GRACE = Duration.ofMinutes(10);

    private static CallbackRules rules(CallbackRules.AbsentAgent absent) {
        return new CallbackRules(CallbackRules.Type.ANY, absent, GRACE);
    }

    @Test
    void anAbsentAgentsCallbackWaitsOutTheGraceThenFollowsTheRule() {
        VirtualScheduler clock = new VirtualScheduler(DUE.minusSeconds(60));
        CallbackRules toCampaign = rules(CallbackRules.AbsentAgent.CAMPAIGN);
        CallbackRules missed = rules(CallbackRules.AbsentAgent.MISSED);
        assertEquals(Verdict.KEEP, AbsentAgentRule.decide(toCampaign, DUE, clock.now(), false), "not due yet");
        clock.advance(Duration.ofSeconds(60).plus(GRACE).minusSeconds(1));
        assertEquals(Verdict.KEEP, AbsentAgentRule.decide(toCampaign, DUE, clock.now(), false), "grace not over");
        assertEquals(Verdict.KEEP, AbsentAgentRule.decide(missed, DUE, clock.now(), false));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Verdict.HAND_TO_CAMPAIGN, AbsentAgentRule.decide(toCampaign, DUE, clock.now(), false));
        assertEquals(Verdict.MISS, AbsentAgentRule.decide(missed, DUE, clock.now(), false));
    }

    @Test
    void aPresentAgentKeepsItsCallbackAndWaitNeverGivesUp() {
        Instant muchLater = DUE.plus(Duration.ofDays(3));
        assertEquals(Verdict.KEEP, AbsentAgentRule.decide(rules(CallbackRules.AbsentAgent.CAMPAIGN), DUE,
                muchLater, true));
        assertEquals(Verdict.KEEP, AbsentAgentRule.decide(rules(CallbackRules.AbsentAgent.MISSED), DUE,
                muchLater, true));
        assertEquals(Verdict.KEEP, AbsentAgentRule.decide(rules(CallbackRules.AbsentAgent.WAIT), DUE,
                muchLater, false));
    }

    @Test
    void aForcedTypeRefusesTheOtherAndFillsAnOmittedOne() {
        CallbackRules personalOnly = new CallbackRules(CallbackRules.Type.PERSONAL, CallbackRules.AbsentAgent.WAIT,
                GRACE);
        CallbackRules campaignOnly = new CallbackRules(CallbackRules.Type.CAMPAIGN, CallbackRules.AbsentAgent.WAIT,
                GRACE);
        assertTrue(personalOnly.personal(null));
        assertFalse(campaignOnly.personal(null));
        assertFalse(CallbackRules.defaults().personal(null));
        assertNull(personalOnly.refusal(true));
        assertTrue(personalOnly.refusal(false).contains("only takes personal callbacks"));
        assertTrue(campaignOnly.refusal(true).contains("only takes campaign callbacks"));
        assertNull(CallbackRules.defaults().refusal(true));
        assertNull(CallbackRules.defaults().refusal(false));
    }
}
