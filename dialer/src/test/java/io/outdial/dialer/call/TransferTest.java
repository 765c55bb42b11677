package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.config.DetectionSettings;
import io.outdial.dialer.record.CallResult;
import io.outdial.sip.DialRequest;
import io.outdial.sip.LegEvent.EndReason;
import io.outdial.sip.LegEvent.FailureKind;
import io.outdial.sip.LegState;
import io.outdial.sip.Transport;
import io.outdial.sip.TrunkConfig;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blind transfer of a connected progressive call, driven by scripted leg events on a virtual clock. */
class TransferTest {
    private final ScriptedUserAgent ua = new ScriptedUserAgent();
    private final List<String> events = new ArrayList<>();
    private final DialRequest target = DialRequest.agentPhone("sip:agent2@127.0.0.1:5082", Transport.UDP,
            "2005550101", "sample", Duration.ofSeconds(20));
    private final VirtualScheduler virtualClock = new VirtualScheduler(Instant.EPOCH);
    private CallOutcome outcome;
    private CampaignCall call;
    private ScriptedLeg contact;
    private ScriptedLeg agent;

    private final Transfer.Listener listener = new Transfer.Listener() {
        @Override
        public void targetRinging(Transfer t) {
            events.add("ringing");
        }

        @Override
        public void completed(Transfer t) {
            events.add("completed");
        }

        @Override
        public void failed(Transfer t, String result) {
            events.add("failed: " + result);
        }

        @Override
        public void aborted(Transfer t) {
            events.add("aborted");
        }
    };

    @BeforeEach
    void connect() {
        CallExecutor executor = new CallExecutor("test", Runnable::run, virtualClock);
        TrunkConfig trunk = new TrunkConfig("127.0.0.1", 5070, Transport.UDP, null, "100", "Outdial");
        call = new CampaignCall("ix-1", executor, ua,
                DialRequest.contactViaTrunk(trunk, "2005550101", Duration.ofSeconds(30)),
                DialRequest.agentPhone("sip:agent1@127.0.0.1:5081", Transport.UDP, "2005550101", "sample",
                        Duration.ofSeconds(20)),
                new CampaignCall.Observer() {
                    @Override
                    public void agentRinging(CampaignCall c) {
                    }

                    @Override
                    public void connected(CampaignCall c) {
                        events.add("connected");
                    }

                    @Override
                    public void finished(CampaignCall c, CallOutcome o) {
                        events.add("finished");
                        outcome = o;
                    }
                }, DetectionSettings.DEFAULTS, null, null);
        call.start();
        contact = ua.legs.get(0);
        contact.answer();
        agent = ua.legs.get(1);
        agent.answer();
        events.clear();
    }

    private ScriptedLeg startTransfer() {
        assertTrue(call.transfer(target, listener).join());
        assertTrue(ua.bridged.get(0).held(), "the contact is on hold while the target is dialed");
        ScriptedLeg targetLeg = ua.legs.get(2);
        assertEquals("sip:agent2@127.0.0.1:5082", targetLeg.target());
        return targetLeg;
    }

    @Test
    void answeredTargetTakesTheContactAndTheAgentLegIsReleased() {
        ScriptedLeg targetLeg = startTransfer();
        targetLeg.ring();
        targetLeg.answer();
        assertEquals(List.of("ringing", "completed"), events);
        assertEquals(LegState.ENDED, agent.state(), "the transferring agent's leg gets a BYE");
        assertEquals(LegState.ANSWERED, contact.state(), "the contact stays up");
        assertEquals(2, ua.bridges, "the contact is bridged again, to the target");
        // The call goes on with the target; its end is the contact's end.
        contact.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.ENDED, targetLeg.state());
        assertEquals(List.of("ringing", "completed", "finished"), events);
        assertEquals(CallResult.ANSWER, outcome.result());
        assertTrue(outcome.agentConnected());
    }

    @Test
    void targetHangingUpAfterTheTransferEndsTheCall() {
        ScriptedLeg targetLeg = startTransfer();
        targetLeg.answer();
        targetLeg.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.ENDED, contact.state());
        assertEquals(List.of("completed", "finished"), events);
    }

    @Test
    void busyTargetPutsTheContactBackWithTheAgent() {
        ScriptedLeg targetLeg = startTransfer();
        targetLeg.fail(486);
        assertEquals(List.of("failed: 486 scripted"), events);
        ScriptedBridge back = ua.bridged.get(ua.bridged.size() - 1);
        assertFalse(back.held(), "the contact is bridged back to the agent");
        assertEquals(agent, back.b());
        assertEquals(LegState.ANSWERED, agent.state());
        assertEquals(LegState.ANSWERED, contact.state());
        // The restored call can be transferred again, and still ends as before.
        ScriptedLeg second = startTransferAgain();
        second.failWith(487, FailureKind.RING_TIMEOUT);
        assertEquals("failed: no answer", events.get(events.size() - 1));
        agent.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.ENDED, contact.state());
        assertEquals("finished", events.get(events.size() - 1));
    }

    private ScriptedLeg startTransferAgain() {
        assertTrue(call.transfer(target, listener).join());
        return ua.legs.get(ua.legs.size() - 1);
    }

    @Test
    void contactHangingUpDuringTheTransferCancelsTheTarget() {
        ScriptedLeg targetLeg = startTransfer();
        targetLeg.ring();
        contact.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.FAILED, targetLeg.state(), "the ringing target is cancelled");
        assertEquals(List.of("ringing", "aborted", "finished"), events);
        assertEquals(CallResult.ANSWER, outcome.result());
    }

    @Test
    void aSecondTransferOrAHoldWhileOneIsUnderWayIsRefused() {
        startTransfer();
        assertFalse(call.transfer(target, listener).join());
        assertFalse(call.hold(true).join());
        assertFalse(call.hold(false).join());
        assertEquals(3, ua.legs.size(), "nothing more was dialed");
    }

    @Test
    void dropDuringTheTransferHangsUpEveryLeg() {
        ScriptedLeg targetLeg = startTransfer();
        call.drop();
        assertEquals(LegState.FAILED, targetLeg.state());
        assertEquals(LegState.ENDED, contact.state());
        assertEquals(LegState.ENDED, agent.state());
        assertEquals(List.of("aborted", "finished"), events);
    }

    @Test
    void transferringAgentHangingUpLeavesTheContactOnHoldUntilTheTargetAnswers() {
        ScriptedLeg targetLeg = startTransfer();
        targetLeg.ring();
        agent.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.ANSWERED, contact.state(), "the contact stays, hearing the hold music");
        assertFalse(targetLeg.state().isTerminal(), "the target still rings");
        assertEquals(List.of("ringing"), events, "the call does not end with the agent");
        targetLeg.answer();
        assertEquals(List.of("ringing", "completed"), events);
        ScriptedBridge toTarget = ua.bridged.get(ua.bridged.size() - 1);
        assertEquals(targetLeg, toTarget.b(), "the contact is bridged to the target");
        assertFalse(toTarget.held());
        contact.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.ENDED, targetLeg.state());
        assertEquals(List.of("ringing", "completed", "finished"), events);
        assertEquals(CallResult.ANSWER, outcome.result());
    }

    @Test
    void targetFailingAfterTheAgentHungUpReleasesTheContactWithTheFailure() {
        ScriptedLeg targetLeg = startTransfer();
        agent.end(EndReason.REMOTE_HANGUP);
        virtualClock.advance(Duration.ofSeconds(15));
        assertEquals(LegState.ANSWERED, contact.state());
        targetLeg.fail(486);
        assertEquals(LegState.ENDED, contact.state(), "nobody is left for the contact");
        assertEquals(List.of("failed: 486 scripted", "finished"), events);
        assertEquals(CallResult.BUSY, outcome.result(), "the result is the target's failure");
        assertTrue(outcome.agentConnected());
        assertEquals(1, ua.bridges, "never bridged back to the gone agent");
    }

    @Test
    void phaseTableAllowsOnlyForwardMoves() {
        assertTrue(TransferPhase.DIALING_TARGET.canMoveTo(TransferPhase.TARGET_RINGING));
        assertFalse(TransferPhase.TARGET_RINGING.canMoveTo(TransferPhase.DIALING_TARGET));
        assertFalse(TransferPhase.COMPLETED.canMoveTo(TransferPhase.RESTORED));
        assertFalse(TransferPhase.RESTORED.inProgress());
        assertTrue(TransferPhase.TARGET_RINGING.canMoveTo(TransferPhase.CONTACT_RELEASED));
        assertFalse(TransferPhase.CONTACT_RELEASED.inProgress());
    }
}
