package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.config.DetectionSettings;
import io.outdial.dialer.record.CallResult;
import io.outdial.sip.DialRequest;
import io.outdial.sip.LegEvent.EndReason;
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

/** Consultation (attended transfer) of a connected campaign call, driven by scripted leg events on a virtual clock. */
class ConsultationTest {
    private final ScriptedUserAgent ua = new ScriptedUserAgent();
    private final VirtualScheduler clock = new VirtualScheduler(Instant.EPOCH);
    private final List<String> events = new ArrayList<>();
    private final DialRequest target = DialRequest.agentPhone("sip:agent2@127.0.0.1:5082", Transport.UDP,
            "2005550101", "sample", Duration.ofSeconds(20));
    private CallOutcome outcome;
    private CampaignCall call;
    private ScriptedLeg contact;
    private ScriptedLeg agent;

    private final Consultation.Listener listener = new Consultation.Listener() {
        @Override
        public void targetRinging(Consultation c) {
            events.add("ringing");
        }

        @Override
        public void established(Consultation c) {
            events.add("established");
        }

        @Override
        public void failed(Consultation c, String result) {
            events.add("failed: " + result);
        }

        @Override
        public void ended(Consultation c, boolean byTarget) {
            events.add(byTarget ? "target hung up" : "cancelled");
        }

        @Override
        public void transferred(Consultation c) {
            events.add("transferred");
        }

        @Override
        public void aborted(Consultation c) {
            events.add("aborted");
        }
    };

    private final Conference.Listener conferenceListener = new Conference.Listener() {
        @Override
        public void targetRinging(Conference c) {
            events.add("conference ringing");
        }

        @Override
        public void joined(Conference c) {
            events.add("joined");
        }

        @Override
        public void failed(Conference c, String result) {
            events.add("conference failed");
        }

        @Override
        public void agentLeft(Conference c) {
            events.add("agent left");
        }

        @Override
        public void targetLeft(Conference c) {
            events.add("target left");
        }

        @Override
        public void aborted(Conference c) {
            events.add("conference aborted");
        }
    };

    @BeforeEach
    void connect() {
        CallExecutor executor = new CallExecutor("test", Runnable::run, clock);
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

    private ScriptedBridge lastBridge() {
        return ua.bridged.get(ua.bridged.size() - 1);
    }

    /** Consults the target and lets it answer: agent and target talk, the contact waits. */
    private ScriptedLeg talking() {
        assertTrue(call.consult(target, listener).join());
        assertTrue(ua.bridged.get(0).dissolved, "the contact is untied from the agent, on hold");
        ScriptedLeg targetLeg = ua.legs.get(2);
        assertEquals("sip:agent2@127.0.0.1:5082", targetLeg.target());
        targetLeg.ring();
        clock.advance(Duration.ofSeconds(3));
        targetLeg.answer();
        assertEquals(List.of("ringing", "established"), events);
        assertEquals(LegState.ANSWERED, contact.state(), "the contact waits on hold");
        assertEquals(1, ua.bridges, "agent and target talk through a mix, not a bridge");
        return targetLeg;
    }

    @Test
    void completeTransferHandsTheContactToTheTargetAndReleasesTheAgent() {
        ScriptedLeg targetLeg = talking();
        assertTrue(call.completeTransfer().join());
        assertEquals("transferred", events.get(events.size() - 1));
        assertEquals(LegState.ENDED, agent.state(), "the consulting agent's leg gets a BYE");
        assertEquals(targetLeg, lastBridge().b(), "the contact is bridged to the target");
        assertFalse(lastBridge().held());
        contact.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.ENDED, targetLeg.state());
        assertEquals(CallResult.ANSWER, outcome.result());
        assertEquals("finished", events.get(events.size() - 1));
    }

    @Test
    void cancelReleasesTheTargetAndBringsTheAgentBackToTheContact() {
        ScriptedLeg targetLeg = talking();
        assertTrue(call.cancelConsult().join());
        assertEquals(LegState.ENDED, targetLeg.state());
        assertEquals("cancelled", events.get(events.size() - 1));
        assertEquals(agent, lastBridge().b(), "contact and agent are bridged again");
        assertFalse(lastBridge().held());
        assertFalse(call.cancelConsult().join(), "nothing left to cancel");
        assertTrue(call.hold(true).join(), "the call is an ordinary connected call again");
    }

    @Test
    void targetHangingUpBringsTheAgentBack() {
        ScriptedLeg targetLeg = talking();
        targetLeg.end(EndReason.REMOTE_HANGUP);
        assertEquals(List.of("ringing", "established", "target hung up"), events);
        assertEquals(LegState.ANSWERED, agent.state());
        assertEquals(agent, lastBridge().b());
    }

    @Test
    void busyTargetFailsAndTheAgentIsBackWithTheContact() {
        assertTrue(call.consult(target, listener).join());
        ua.legs.get(2).fail(486);
        assertEquals(List.of("failed: 486 scripted"), events);
        assertEquals(agent, lastBridge().b());
        assertFalse(lastBridge().held());
        assertFalse(call.completeTransfer().join(), "nothing to complete");
    }

    @Test
    void completeConferenceMixesAllThreeAndTheAgentMayLeave() {
        ScriptedLeg targetLeg = talking();
        assertTrue(call.completeConference(conferenceListener).join());
        assertEquals("joined", events.get(events.size() - 1));
        assertTrue(call.leaveConference(true).join());
        assertEquals("agent left", events.get(events.size() - 1));
        assertEquals(LegState.ENDED, agent.state());
        assertEquals(targetLeg, lastBridge().b(), "contact and target talk on");
        targetLeg.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.ENDED, contact.state());
        assertEquals("finished", events.get(events.size() - 1));
    }

    @Test
    void theConferencedTargetLeavingGivesTheContactBackToTheAgent() {
        ScriptedLeg targetLeg = talking();
        assertTrue(call.completeConference(conferenceListener).join());
        targetLeg.end(EndReason.REMOTE_HANGUP);
        assertEquals("target left", events.get(events.size() - 1));
        assertEquals(agent, lastBridge().b());
    }

    @Test
    void theAgentHangingUpWhileTalkingCompletesTheTransfer() {
        ScriptedLeg targetLeg = talking();
        agent.end(EndReason.REMOTE_HANGUP);
        assertEquals("transferred", events.get(events.size() - 1));
        assertEquals(targetLeg, lastBridge().b());
        assertEquals(LegState.ANSWERED, contact.state());
    }

    @Test
    void nothingElseWhileConsultingAndNothingCompletesBeforeTheAnswer() {
        assertTrue(call.consult(target, listener).join());
        assertFalse(call.completeTransfer().join());
        assertFalse(call.completeConference(conferenceListener).join());
        assertFalse(call.consult(target, listener).join());
        assertFalse(call.transfer(target, new Transfer.Listener() {
            @Override
            public void targetRinging(Transfer t) {
            }

            @Override
            public void completed(Transfer t) {
            }

            @Override
            public void failed(Transfer t, String result) {
            }
        }).join());
        assertFalse(call.hold(true).join());
        assertEquals(3, ua.legs.size(), "nothing more was dialed");
        assertTrue(call.cancelConsult().join(), "a ringing target can be cancelled");
        assertEquals(LegState.FAILED, ua.legs.get(2).state());
    }

    @Test
    void contactHangingUpDuringTheConsultationEndsEverything() {
        ScriptedLeg targetLeg = talking();
        contact.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.ENDED, targetLeg.state());
        assertEquals(LegState.ENDED, agent.state());
        assertEquals(List.of("ringing", "established", "aborted", "finished"), events);
    }

    @Test
    void phaseTableAllowsOnlyForwardMoves() {
        assertTrue(ConsultPhase.TARGET_RINGING.canMoveTo(ConsultPhase.TALKING));
        assertFalse(ConsultPhase.TARGET_RINGING.canMoveTo(ConsultPhase.TRANSFERRED));
        assertFalse(ConsultPhase.TALKING.canMoveTo(ConsultPhase.FAILED));
        assertFalse(ConsultPhase.ENDED.inProgress());
        assertTrue(ConsultPhase.TALKING.inProgress());
    }
}
