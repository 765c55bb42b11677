package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.config.DetectionSettings;
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
        return new CampaignCall(id, executor, ua, DialRequest.contactViaTrunk(trunk, number, Duration.ofSeconds(30)),
                null, engaging.contactObserver(), DetectionSettings.DEFAULTS, null, null);
    }

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

    @Test
    void theBridgedCallEndingWhileAnotherContactStillRingsEndsTheEngagementOnlyAfterThatContact() {
        ua.legs.get(0).answer();
        clock.advance(EngagingCall.MUSIC_BEFORE_DIAL);
        engaging.dialContact(contactCall("ac-2", "2005550102"));
        engaging.dialContact(contactCall("ac-3", "2005550103"));
        ua.legs.get(1).answer();
        ua.legs.get(1).end(EndReason.REMOTE_HANGUP);
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
    void theTransitionTableRefusesToBridgeFromTheAgentRinging() {
        assertThrows(IllegalStateException.class, () -> EngagingPhase.CALLING_AGENT.moveTo(EngagingPhase.CONNECTED));
        assertTrue(EngagingPhase.DIALING_CONTACT.canMoveTo(EngagingPhase.ENGAGED));
        assertFalse(EngagingPhase.CONNECTED.canMoveTo(EngagingPhase.ENGAGED));
        assertTrue(EngagingPhase.ENGAGED.engaging() && EngagingPhase.DIALING_CONTACT.engaging());
        assertFalse(EngagingPhase.CONNECTED.engaging());
    }
}
