package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.config.DetectionSettings;
import io.outdial.media.detect.AmdSettings;
import io.outdial.dialer.record.CallResult;
import io.outdial.sip.DialRequest;
import io.outdial.sip.LegEvent.EndReason;
import io.outdial.sip.LegState;
import io.outdial.sip.TrunkConfig;
import io.outdial.sip.Transport;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engaging call (assured connection, ASM) driven by scripted legs in virtual time. */
class EngagingCallTest {
    private final ScriptedUserAgent ua = new ScriptedUserAgent();
    private final VirtualScheduler clock = new VirtualScheduler(Instant.EPOCH);
    private final CallExecutor executor = new CallExecutor("test", Runnable::run, clock);
    private final List<String> milestones = new ArrayList<>();
    private final List<CallOutcome> outcomes = new ArrayList<>();
    private final TrunkConfig trunk = new TrunkConfig("127.0.0.1", 5070, Transport.UDP, null, "100", "Outdial");
    private EngagingCall engaging;
    private EngagingCall.End end;

    @BeforeEach
    void setUp() {
        DialRequest agent = DialRequest.agentPhone("sip:agent1@127.0.0.1:5081", Transport.UDP, "2005550101",
                "vip", Duration.ofSeconds(20));
        engaging = new EngagingCall("ac-1", executor, ua, agent, null, null, new EngagingCall.Observer() {
            @Override
            public void engaged(EngagingCall call) {
                milestones.add("engaged");
            }

            @Override
            public void contactConnected(EngagingCall call, CampaignCall contact) {
                milestones.add("connected " + contact.id());
            }

            @Override
            public void contactFinished(EngagingCall call, CampaignCall contact, CallOutcome outcome) {
                milestones.add("finished " + contact.id());
                outcomes.add(outcome);
            }

            @Override
            public void finished(EngagingCall call, EngagingCall.End why) {
                milestones.add("over");
                end = why;
            }
        });
        engaging.start();
    }

    private CampaignCall contactCall(String id, String number) {
        return contactCall(id, number, DetectionSettings.DEFAULTS);
    }

    private CampaignCall contactCall(String id, String number, DetectionSettings detection) {
        return new CampaignCall(id, executor, ua, DialRequest.contactViaTrunk(trunk, number, Duration.ofSeconds(30)),
                null, engaging.contactObserver(), detection, null, null);
    }

    /** Answering machine detection on: an answered contact waits for a verdict (none comes without media). */
    private static final DetectionSettings AMD = new DetectionSettings(DetectionSettings.CallProgress.OFF, false,
            Duration.ZERO, true, DetectionSettings.MachineTreatment.DROP, DetectionSettings.NotSureTreatment.CONNECT,
            null, Duration.ofMillis(1500), Duration.ofSeconds(30), AmdSettings.DEFAULTS);

    @Test
    void theAgentIsCalledFirstAndNoContactIsDialedUntilTheMusicHasPlayed() {
        assertEquals(1, ua.legs.size());
        assertEquals("sip:agent1@127.0.0.1:5081", ua.legs.get(0).target());
        ua.legs.get(0).answer();
        assertEquals(EngagingPhase.ENGAGED, engaging.phase());
        assertEquals(List.of(), milestones, "not before the music had its lead");
        clock.advance(EngagingCall.MUSIC_BEFORE_DIAL);
        assertEquals(List.of("engaged"), milestones);
        assertEquals(1, ua.legs.size(), "still only the agent's leg");
    }

    @Test
    void aBusyContactLeavesTheAgentEngagedAndTheNextAnsweredContactIsBridgedWithoutANewAgentDial() {
        ScriptedLeg agent = ua.legs.get(0);
        agent.answer();
        clock.advance(EngagingCall.MUSIC_BEFORE_DIAL);
        engaging.dialContact(contactCall("ac-1", "2005550101"));
        assertEquals(EngagingPhase.DIALING_CONTACT, engaging.phase());
        ua.legs.get(1).fail(486);
        assertEquals(CallResult.BUSY, outcomes.get(0).result());
        assertEquals(EngagingPhase.ENGAGED, engaging.phase());
        assertEquals(LegState.ANSWERED, agent.state(), "the agent stays on the line");

        engaging.dialContact(contactCall("ac-2", "2005550102"));
        ScriptedLeg contact = ua.legs.get(2);
        contact.answer();
        assertEquals(3, ua.legs.size(), "the agent is not dialed again");
        assertEquals(1, ua.bridges);
        assertEquals(EngagingPhase.CONNECTED, engaging.phase());
        contact.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.ENDED, agent.state());
        assertEquals(List.of("finished ac-1", "connected ac-2", "finished ac-2", "over"), milestones.subList(1, 5));
        assertEquals(CallResult.ANSWER, outcomes.get(1).result());
        assertTrue(outcomes.get(1).agentConnected());
        assertEquals(EngagingCall.End.CALL_FINISHED, end);
    }

    @Test
    void withTwoContactsDialedAheadTheFirstAnswerTakesTheAgentAndALaterAnswerIsAbandoned() {
        ScriptedLeg agent = ua.legs.get(0);
        agent.answer();
        clock.advance(EngagingCall.MUSIC_BEFORE_DIAL);
        engaging.dialContact(contactCall("ac-2", "2005550102"));
        engaging.dialContact(contactCall("ac-3", "2005550103"));
        assertEquals(3, ua.legs.size(), "both contacts ring at once for the one engaged agent");
        ScriptedLeg first = ua.legs.get(2);
        ScriptedLeg second = ua.legs.get(1);
        first.answer();
        assertEquals(EngagingPhase.CONNECTED, engaging.phase());
        assertEquals(1, ua.bridges);
        second.answer();
        assertEquals(LegState.ENDED, second.state(), "no agent for it: hung up (no safe-harbour clip configured)");
        assertEquals(List.of("connected ac-3", "finished ac-2"), milestones.subList(1, 3));
        assertEquals(CallResult.ABANDONED, outcomes.get(0).result());
        assertEquals(1, ua.bridges, "the later answer is never bridged");

        first.end(EndReason.REMOTE_HANGUP);
        assertEquals(EngagingCall.End.CALL_FINISHED, end);
        assertEquals(CallResult.ANSWER, outcomes.get(1).result());
    }

    /** Two contacts dialed ahead for the engaged agent; the first answers, is bridged, and hangs up; ac-3 rings on. */
    private void bridgeTheFirstOfTwoContactsAndEndThatCall() {
        ua.legs.get(0).answer();
        clock.advance(EngagingCall.MUSIC_BEFORE_DIAL);
        engaging.dialContact(contactCall("ac-2", "2005550102"));
        engaging.dialContact(contactCall("ac-3", "2005550103"));
        ua.legs.get(1).answer();
        ua.legs.get(1).end(EndReason.REMOTE_HANGUP);
    }

    @Test
    void theBridgedCallEndingWhileAnotherContactStillRingsEndsTheEngagementOnlyAfterThatContact() {
        bridgeTheFirstOfTwoContactsAndEndThatCall();
        assertEquals(EngagingPhase.RELEASING, engaging.phase());
        assertEquals(null, end, "not over while a contact dialed for the agent still rings");
        ua.legs.get(2).fail(486);
        assertEquals(EngagingCall.End.CALL_FINISHED, end);
        assertEquals(EngagingPhase.FINISHED, engaging.phase());
    }

    @Test
    void releasingAnIdleEngagementHangsUpTheAgent() {
        ScriptedLeg agent = ua.legs.get(0);
        agent.answer();
        engaging.release();
        assertEquals(LegState.ENDED, agent.state());
        assertEquals(EngagingCall.End.RELEASED, end);
        assertEquals(EngagingPhase.FINISHED, engaging.phase());
    }

    @Test
    void theAgentHangingUpWhileAContactRingsCancelsTheContact() {
        ScriptedLeg agent = ua.legs.get(0);
        agent.answer();
        engaging.dialContact(contactCall("ac-1", "2005550101"));
        agent.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.FAILED, ua.legs.get(1).state());
        assertFalse(outcomes.get(0).attempted(), "the record is not spent");
        assertEquals(EngagingCall.End.AGENT_HUNG_UP, end);
    }

    @Test
    void anAgentPhoneThatDoesNotAnswerEndsTheEngagementBeforeAnyDial() {
        ua.legs.get(0).fail(480);
        assertEquals(EngagingCall.End.AGENT_PHONE_FAILED, end);
        assertEquals(1, ua.legs.size());
    }

    @Test
    void aContactWaitingForItsAnalysisHoldsTheAgentAndFreesItForTheNextWhenItGoesUncleared() {
        ScriptedLeg agent = ua.legs.get(0);
        agent.answer();
        clock.advance(EngagingCall.MUSIC_BEFORE_DIAL);
        engaging.dialContact(contactCall("ac-2", "2005550102", AMD));
        engaging.dialContact(contactCall("ac-3", "2005550103"));
        ScriptedLeg analysed = ua.legs.get(1);
        ScriptedLeg next = ua.legs.get(2);
        analysed.answer();
        assertEquals(EngagingPhase.CONTACT_ANSWERED, engaging.phase(), "taken, waiting for the machine detection");
        assertTrue(engaging.phase().engaging(), "the agent still waits on the line");
        assertEquals(0, ua.bridges);

        analysed.end(EndReason.REMOTE_HANGUP);
        assertEquals(EngagingPhase.DIALING_CONTACT, engaging.phase(), "free again for the contact still ringing");
        assertEquals(CallResult.ABANDONED, outcomes.get(0).result());
        assertEquals(LegState.ANSWERED, agent.state(), "the uncleared contact never had the agent's leg");

        next.answer();
        assertEquals(EngagingPhase.CONNECTED, engaging.phase());
        assertEquals(1, ua.bridges);
        assertEquals(List.of("finished ac-2", "connected ac-3"), milestones.subList(1, 3));
    }

    @Test
    void aContactThatGoesUnclearedWithNoOtherRingingSendsTheAgentBackToWaiting() {
        ua.legs.get(0).answer();
        clock.advance(EngagingCall.MUSIC_BEFORE_DIAL);
        engaging.dialContact(contactCall("ac-2", "2005550102", AMD));
        ua.legs.get(1).answer();
        assertEquals(EngagingPhase.CONTACT_ANSWERED, engaging.phase());
        engaging.release();
        assertEquals(EngagingPhase.CONTACT_ANSWERED, engaging.phase(), "not released while a contact holds the agent");
        ua.legs.get(1).end(EndReason.REMOTE_HANGUP);
        assertEquals(EngagingPhase.ENGAGED, engaging.phase());
        assertEquals(null, end);
    }

    @Test
    void theReaperEndsAnEngagementWhoseAgentLegVanishedUnnoticedOnceAndStopsLooking() {
        ScriptedLeg agent = ua.legs.get(0);
        agent.answer();
        clock.advance(EngagingCall.REAP_EVERY.multipliedBy(3));
        assertEquals(EngagingPhase.ENGAGED, engaging.phase(), "the agent's leg is up");
        agent.vanish();
        clock.advance(EngagingCall.REAP_EVERY);
        assertEquals(EngagingPhase.FINISHED, engaging.phase());
        assertEquals(EngagingCall.End.AGENT_HUNG_UP, end);
        assertEquals(List.of("engaged", "over"), milestones);
        clock.advance(EngagingCall.REAP_EVERY.multipliedBy(3));
        assertEquals(0, clock.pending(), "no sweep left behind");
    }

    @Test
    void theReaperLeavesAnEngagementWaitingForAContactDialedAheadAfterTheBridgedCallEnded() {
        bridgeTheFirstOfTwoContactsAndEndThatCall();
        clock.advance(EngagingCall.REAP_EVERY.multipliedBy(3));
        assertEquals(EngagingPhase.RELEASING, engaging.phase(), "the contact dialed ahead still rings");
        assertEquals(LegState.CALLING, ua.legs.get(2).state());
        ua.legs.get(2).fail(486);
        assertEquals(EngagingCall.End.CALL_FINISHED, end);
        assertEquals(0, clock.pending(), "every sweep stopped with the engagement");
    }

    @Test
    void ourOwnFailureReleasesTheAgentInsteadOfStrandingIt() {
        ScriptedUserAgent other = new ScriptedUserAgent();
        List<EngagingCall.End> ends = new ArrayList<>();
        EngagingCall failing = new EngagingCall("ac-9", executor, other, DialRequest.agentPhone(
                "sip:agent2@127.0.0.1:5081", Transport.UDP, "2005550109", "vip", Duration.ofSeconds(20)), null, null,
                new EngagingCall.Observer() {
                    @Override
                    public void engaged(EngagingCall call) {
                        throw new IllegalStateException("bug in the observer");
                    }

                    @Override
                    public void contactConnected(EngagingCall call, CampaignCall contact) {
                    }

                    @Override
                    public void contactFinished(EngagingCall call, CampaignCall contact, CallOutcome outcome) {
                    }

                    @Override
                    public void finished(EngagingCall call, EngagingCall.End why) {
                        ends.add(why);
                    }
                });
        failing.start();
        other.legs.get(0).answer();
        clock.advance(EngagingCall.MUSIC_BEFORE_DIAL);
        assertEquals(LegState.ENDED, other.legs.get(0).state(), "the agent is hung up");
        assertEquals(EngagingPhase.FINISHED, failing.phase());
        assertEquals(List.of(EngagingCall.End.RELEASED), ends);
    }

    @Test
    void theTransitionTableRefusesToBridgeFromTheAgentRinging() {
        assertThrows(IllegalStateException.class, () -> EngagingPhase.CALLING_AGENT.moveTo(EngagingPhase.CONNECTED));
        assertTrue(EngagingPhase.DIALING_CONTACT.canMoveTo(EngagingPhase.ENGAGED));
        assertFalse(EngagingPhase.CONNECTED.canMoveTo(EngagingPhase.ENGAGED));
        assertTrue(EngagingPhase.ENGAGED.engaging() && EngagingPhase.DIALING_CONTACT.engaging());
        assertFalse(EngagingPhase.CONNECTED.engaging());
        assertFalse(EngagingPhase.DIALING_CONTACT.canMoveTo(EngagingPhase.CONNECTED), "only a contact that took it");
        assertTrue(EngagingPhase.CONTACT_ANSWERED.canMoveTo(EngagingPhase.CONNECTED));
    }
}
