package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.call.CampaignCallFixtures.MilestoneLog;
import io.outdial.dialer.config.DetectionSettings;
import io.outdial.dialer.record.CallResult;
import io.outdial.sip.DialRequest;
import io.outdial.sip.LegEvent.EndReason;
import io.outdial.sip.LegEvent.FailureKind;
import io.outdial.sip.LegState;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.VirtualScheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call-phase logic of a progressive call, driven by scripted leg events (the SIP stack has its own ITs). */
class CampaignCallTest {
    private final ScriptedUserAgent ua = new ScriptedUserAgent();
    private final List<String> milestones = new ArrayList<>();
    private CallOutcome outcome;
    private CampaignCall call;
    private int reaped;
    /** The contact's end and the call's, in order. */
    private final List<String> ends = new ArrayList<>();
    private final VirtualScheduler clock = new VirtualScheduler(Instant.EPOCH);

    @BeforeEach
    void setUp() {
        CallExecutor executor = new CallExecutor("test", Runnable::run, clock);
        DialRequest contact = CampaignCallFixtures.contact("2005550101");
        DialRequest agent = CampaignCallFixtures.agentPhone("sip:agent1@127.0.0.1:5081", "2005550101", "sample");
        call = new CampaignCall("ix-1", executor, ua, contact, agent, new MilestoneLog(milestones, o -> outcome = o) {
            @Override
            public void finished(CampaignCall c, CallOutcome o) {
                super.finished(c, o);
                ends.add("finished");
            }

            @Override
            public void reaped(CampaignCall c) {
                reaped++;
            }

            @Override
            public void contactGone(CampaignCall c) {
                ends.add("contactGone");
            }
        }, DetectionSettings.DEFAULTS, null, null);
        call.start();
    }

    @Test
    void aBridgedCallWhoseLegsVanishedUnnoticedIsReapedWithinTheSweepAndFinishesOnce() {
        ScriptedLeg contact = ua.legs.get(0);
        contact.answer();
        ScriptedLeg agent = ua.legs.get(1);
        agent.answer();
        contact.vanish();
        agent.vanish();
        assertNull(outcome, "nothing told the call");

        clock.advance(CampaignCall.REAP_EVERY);

        assertEquals(1, reaped);
        assertEquals(List.of("agentRinging", "connected", "finished"), milestones);
        assertEquals(CallResult.SYSTEM_ERROR, outcome.result());
        assertTrue(outcome.agentConnected());
        clock.advance(CampaignCall.REAP_EVERY.multipliedBy(3));
        assertEquals(1, reaped, "reaped once");
        assertEquals(0, clock.pending(), "no sweep left behind");
    }

    @Test
    void aCallWithALegStillUpIsNeverReaped() {
        ScriptedLeg contact = ua.legs.get(0);
        contact.answer();
        ScriptedLeg agent = ua.legs.get(1);
        agent.answer();
        agent.vanish();
        clock.advance(CampaignCall.REAP_EVERY.multipliedBy(10));
        assertEquals(0, reaped);
        assertNull(outcome, "the contact is still on the line");
        contact.end(EndReason.REMOTE_HANGUP);
        assertEquals(CallResult.ANSWER, outcome.result());
        assertEquals(0, clock.pending(), "the sweep stops with the call");
    }

    @Test
    void aContactLeavingWhileTheAgentsPhoneIgnoresTheCancelIsGoneLongBeforeTheCallFinishes() {
        ScriptedLeg contact = ua.legs.get(0);
        contact.answer();
        ScriptedLeg agent = ua.legs.get(1);
        agent.ignoreHangup = true; // the phone never answers our CANCEL: the leg ends only after the guard timer
        contact.end(EndReason.REMOTE_HANGUP);
        assertEquals(List.of("contactGone"), ends, "the contact's wait is over now");
        agent.failWith(408, FailureKind.CANCELLED);
        assertEquals(List.of("contactGone", "finished"), ends);
        assertEquals(CallResult.ABANDONED, outcome.result());
    }

    @Test
    void aCallThatFinishesNormallyIsNotReaped() {
        ua.legs.get(0).fail(486);
        clock.advance(CampaignCall.REAP_EVERY.multipliedBy(3));
        assertEquals(0, reaped);
        assertEquals(List.of("finished"), milestones);
    }

    @Test
    void busyContactGetsBusyResultAndAgentIsNeverCalled() {
        ua.legs.get(0).fail(486);
        assertEquals(1, ua.legs.size());
        assertEquals(List.of("finished"), milestones);
        assertEquals(CallResult.BUSY, outcome.result());
        assertTrue(outcome.attempted());
        assertFalse(outcome.agentConnected());
    }

    @Test
    void answeredContactIsBridgedToTheAgentAndEndsAsAnswer() {
        ScriptedLeg contact = ua.legs.get(0);
        contact.answer();
        ScriptedLeg agent = ua.legs.get(1);
        assertEquals("sip:agent1@127.0.0.1:5081", agent.target());
        agent.answer();
        assertEquals(1, ua.bridges);
        contact.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.ENDED, agent.state(), "the contact's BYE ends the agent's leg");
        assertEquals(List.of("agentRinging", "connected", "finished"), milestones);
        assertEquals(CallResult.ANSWER, outcome.result());
        assertTrue(outcome.agentConnected());
    }

    @Test
    void agentPhoneNotAnsweringAbandonsTheContactAndFlagsTheAgent() {
        ScriptedLeg contact = ua.legs.get(0);
        contact.answer();
        ua.legs.get(1).fail(480);
        assertEquals(LegState.ENDED, contact.state(), "the waiting contact is hung up");
        assertEquals(CallResult.ABANDONED, outcome.result());
        assertTrue(outcome.agentFailed());
    }

    @Test
    void contactHangingUpBeforeTheAgentAnswersIsAbandoned() {
        ScriptedLeg contact = ua.legs.get(0);
        contact.answer();
        contact.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.FAILED, ua.legs.get(1).state(), "the ringing agent phone is cancelled");
        assertEquals(CallResult.ABANDONED, outcome.result());
        assertFalse(outcome.agentFailed());
    }

    @Test
    void droppingACallThatIsStillRingingLeavesTheRecordUnattempted() {
        call.drop();
        assertFalse(outcome.attempted());
        assertEquals(1, ua.legs.size());
    }

    @Test
    void droppingWhileTheAgentIsBeingCalledIsADroppedCall() {
        ua.legs.get(0).answer();
        call.drop();
        assertEquals(CallResult.DROPPED, outcome.result());
        assertEquals(List.of("agentRinging", "finished"), milestones);
    }

    @Test
    void anAnswerArrivingAfterADropIsHungUpAsDroppedAndTheAgentIsNotCalled() {
        ScriptedLeg contact = ua.legs.get(0);
        contact.ignoreHangup = true; // the 200 OK is already queued when the CANCEL is asked for
        call.drop();
        contact.answer();
        assertEquals(1, ua.legs.size(), "no agent leg");
        assertEquals(CallResult.DROPPED, outcome.result());
        assertTrue(outcome.attempted());
    }

    @Test
    void aFailureInsideTheGatewayHangsUpBothLegsAsSystemError() {
        ua.refuseBridge = true;
        ScriptedLeg contact = ua.legs.get(0);
        contact.answer();
        ScriptedLeg agent = ua.legs.get(1);
        agent.answer();
        assertEquals(LegState.ENDED, contact.state());
        assertEquals(LegState.ENDED, agent.state());
        assertEquals(CallResult.SYSTEM_ERROR, outcome.result());
    }

    @Test
    void ringTimeoutIsNoAnswer() {
        ScriptedLeg contact = ua.legs.get(0);
        contact.failWith(487, FailureKind.RING_TIMEOUT);
        assertEquals(CallResult.NO_ANSWER, outcome.result());
        assertNull(ua.legs.size() > 1 ? ua.legs.get(1) : null);
    }

    /** Legs whose events the test scripts; hangup behaves like the real stack (CANCEL before, BYE after answer). */
    // ---- predictive: dialed without an agent ------------------------------------------------------------------

    private final ScriptedUserAgent pua = new ScriptedUserAgent();

    private CampaignCall predictiveCall() {
        CallExecutor executor = new CallExecutor("test-p", Runnable::run, new VirtualScheduler(Instant.EPOCH));
        CampaignCall p = new CampaignCall("px-1", executor, pua, CampaignCallFixtures.contact("2005550102"), null,
                new MilestoneLog(milestones, o -> outcome = o), DetectionSettings.DEFAULTS, null, null);
        p.start();
        return p;
    }

    private static DialRequest agentPhone() {
        return CampaignCallFixtures.agentPhone("sip:agent2@127.0.0.1:5082", "2005550102", "pd");
    }

    @Test
    void predictiveAnswerWaitsForAnAgentThenIsBridgedToIt() {
        CampaignCall p = predictiveCall();
        pua.legs.get(0).answer();
        assertEquals(List.of("contactAnswered"), milestones);
        assertEquals(1, pua.legs.size(), "no agent phone is called before the dialer gives one");

        p.connectAgent(agentPhone());
        ScriptedLeg agent = pua.legs.get(1);
        assertEquals("sip:agent2@127.0.0.1:5082", agent.target());
        agent.answer();
        pua.legs.get(0).end(EndReason.REMOTE_HANGUP);
        assertEquals(List.of("contactAnswered", "agentRinging", "connected", "finished"), milestones);
        assertEquals(CallResult.ANSWER, outcome.result());
        assertTrue(outcome.agentConnected());
    }

    @Test
    void predictiveAnswerWithoutAnAgentIsAbandonedAndTheContactHungUp() {
        CampaignCall p = predictiveCall();
        ScriptedLeg contact = pua.legs.get(0);
        contact.answer();
        p.abandon();
        assertEquals(LegState.ENDED, contact.state(), "the contact is hung up (no message player yet)");
        assertEquals(CallResult.ABANDONED, outcome.result());
        assertFalse(outcome.agentConnected());
        p.connectAgent(agentPhone());
        assertEquals(1, pua.legs.size(), "an agent given too late is never called");
    }

    @Test
    void predictiveContactHangingUpWhileWaitingIsAbandonedAndNoAgentIsCalled() {
        CampaignCall p = predictiveCall();
        pua.legs.get(0).answer();
        pua.legs.get(0).end(EndReason.REMOTE_HANGUP);
        assertEquals(CallResult.ABANDONED, outcome.result());
        p.connectAgent(agentPhone());
        assertEquals(1, pua.legs.size());
    }
}
