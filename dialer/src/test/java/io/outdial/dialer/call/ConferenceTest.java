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

/** Conference of a connected progressive call, driven by scripted leg events on a virtual clock. */
class ConferenceTest {
    private final ScriptedUserAgent ua = new ScriptedUserAgent();
    private final List<String> events = new ArrayList<>();
    private final DialRequest target = DialRequest.agentPhone("sip:agent2@127.0.0.1:5082", Transport.UDP,
            "2005550101", "sample", Duration.ofSeconds(20));
    private CallOutcome outcome;
    private CampaignCall call;
    private ScriptedLeg contact;
    private ScriptedLeg agent;

    private final Conference.Listener listener = new Conference.Listener() {
        @Override
        public void targetRinging(Conference c) {
            events.add("ringing");
        }

        @Override
        public void joined(Conference c) {
            events.add("joined");
        }

        @Override
        public void failed(Conference c, String result) {
            events.add("failed: " + result);
        }

        @Override
        public void agentLeft(Conference c) {
            events.add("agentLeft");
        }

        @Override
        public void targetLeft(Conference c) {
            events.add("targetLeft");
        }

        @Override
        public void aborted(Conference c) {
            events.add("aborted");
        }
    };

    @BeforeEach
    void connect() {
        CallExecutor executor = new CallExecutor("test", Runnable::run, new VirtualScheduler(Instant.EPOCH));
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

    private ScriptedLeg joinTarget() {
        assertTrue(call.conference(target, listener).join());
        assertTrue(ua.bridged.get(0).held(), "the contact is on hold while the target is dialed");
        ScriptedLeg targetLeg = ua.legs.get(2);
        targetLeg.ring();
        targetLeg.answer();
        assertEquals(List.of("ringing", "joined"), events);
        assertTrue(ua.bridged.get(0).dissolved, "contact and agent are untied: the mixer joins all three");
        return targetLeg;
    }

    @Test
    void agentLeavingReleasesOnlyItsLegAndContactAndTargetTalkOn() {
        ScriptedLeg targetLeg = joinTarget();
        assertTrue(call.leaveConference(true).join());
        assertEquals(LegState.ENDED, agent.state(), "the agent's leg gets a BYE");
        assertEquals(LegState.ANSWERED, contact.state());
        assertEquals(LegState.ANSWERED, targetLeg.state());
        assertEquals(2, ua.bridges, "contact and target are bridged two-party");
        assertFalse(call.leaveConference(true).join(), "no conference any more");
        contact.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.ENDED, targetLeg.state(), "the contact's end ends the target's leg");
        assertEquals(List.of("ringing", "joined", "agentLeft", "finished"), events);
        assertEquals(CallResult.ANSWER, outcome.result());
    }

    @Test
    void agentHangingUpItsPhoneIsLeavingTheConference() {
        ScriptedLeg targetLeg = joinTarget();
        agent.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.ANSWERED, contact.state(), "the contact stays with the target");
        assertEquals(List.of("ringing", "joined", "agentLeft"), events);
        targetLeg.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.ENDED, contact.state());
        assertEquals("finished", events.get(events.size() - 1));
    }

    @Test
    void targetLeavingBringsBackContactAndAgent() {
        ScriptedLeg targetLeg = joinTarget();
        assertTrue(call.leaveConference(false).join());
        assertEquals(LegState.ENDED, targetLeg.state());
        assertEquals(LegState.ANSWERED, agent.state());
        assertEquals(2, ua.bridges, "contact and agent are bridged again");
        assertEquals(List.of("ringing", "joined", "targetLeft"), events);
        assertTrue(call.hold(true).join(), "an ordinary call again: hold works");
    }

    @Test
    void busyTargetPutsTheContactBackWithTheAgent() {
        assertTrue(call.conference(target, listener).join());
        ua.legs.get(2).fail(486);
        assertEquals(List.of("failed: 486 scripted"), events);
        assertFalse(ua.bridged.get(0).held());
        assertFalse(call.leaveConference(true).join());
    }

    @Test
    void contactHangingUpInTheConferenceEndsEveryLeg() {
        ScriptedLeg targetLeg = joinTarget();
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
        }).join(), "no transfer during a conference");
        assertFalse(call.hold(true).join(), "no hold during a conference");
        contact.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.ENDED, targetLeg.state());
        assertEquals(LegState.ENDED, agent.state());
        assertEquals(List.of("ringing", "joined", "aborted", "finished"), events);
    }

    @Test
    void phaseTableAllowsOnlyForwardMoves() {
        assertTrue(ConferencePhase.MIXING.canMoveTo(ConferencePhase.AGENT_LEFT));
        assertFalse(ConferencePhase.AGENT_LEFT.canMoveTo(ConferencePhase.MIXING));
        assertFalse(ConferencePhase.RESTORED.canMoveTo(ConferencePhase.MIXING));
        assertTrue(ConferencePhase.MIXING.inProgress());
    }
}
