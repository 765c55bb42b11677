package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.VirtualScheduler;
import io.outdial.dialer.call.CampaignCallFixtures.MilestoneLog;
import io.outdial.dialer.config.DetectionSettings;
import io.outdial.dialer.config.DetectionSettings.MachineTreatment;
import io.outdial.dialer.record.CallResult;
import io.outdial.media.detect.AmdCause;
import io.outdial.media.detect.AmdOutcome;
import io.outdial.media.detect.AmdSettings;
import io.outdial.media.detect.Detection;
import io.outdial.media.detect.SitClass;
import io.outdial.sip.DialRequest;
import io.outdial.sip.LegEvent.EndReason;
import io.outdial.sip.LegState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a campaign call makes of its contact ({@link ContactVerdict}): the analysis letting the agent in, a machine
 * heard, the agent let go for a machine's message, a contact never tried. Scripted legs, a media engine the test
 * speaks into, virtual time.
 */
class CampaignCallVerdictTest {
    private static final Duration GREETING_WAIT = Duration.ofSeconds(30);
    private final ScriptedUserAgent ua = new ScriptedUserAgent();
    private final HeardMedia media = new HeardMedia();
    private final VirtualScheduler clock = new VirtualScheduler(Instant.EPOCH);
    private final List<String> milestones = new ArrayList<>();
    private CallOutcome outcome;

    private static DetectionSettings amd(MachineTreatment onMachine) {
        return new DetectionSettings(DetectionSettings.CallProgress.OFF, false, Duration.ZERO, true, onMachine,
                DetectionSettings.NotSureTreatment.CONNECT, null, Duration.ofMillis(1500), GREETING_WAIT,
                AmdSettings.DEFAULTS);
    }

    private static Detection.AmdDecision decision(AmdOutcome outcome, AmdCause cause) {
        return new Detection.AmdDecision(outcome, cause, Duration.ofMillis(1800), 3, Duration.ofMillis(2500));
    }

    /** Dials the contact (with media for the analysis); {@code agent} null for a predictive call. */
    private CampaignCall call(DetectionSettings detection, DialRequest agent) {
        CampaignCall call = new CampaignCall("ix-v", new CallExecutor("test", Runnable::run, clock), ua,
                CampaignCallFixtures.contact("2005550103"), agent, new MilestoneLog(milestones, o -> outcome = o) {
                    @Override
                    public void contactCleared(CampaignCall c, Detection.AmdDecision decision) {
                        note("contactCleared");
                    }
                }, detection, media, null);
        call.start();
        ua.legs.get(0).media = HeardMedia.endpoint();
        return call;
    }

    private static DialRequest agentPhone() {
        return CampaignCallFixtures.agentPhone("sip:agent1@127.0.0.1:5081", "2005550103", "v");
    }

    @Test
    void anAgentWhoAnsweredWaitsForThePersonVerdictBeforeTheBridge() {
        call(amd(MachineTreatment.DROP), agentPhone());
        ua.legs.get(0).answer();
        ua.legs.get(1).answer();
        assertEquals(0, ua.bridges, "undecided: the agent waits");

        media.hear(decision(AmdOutcome.HUMAN, AmdCause.QUESTION_AFTER_GREETING));

        assertEquals(1, ua.bridges);
        assertEquals(List.of("agentRinging", "connected"), milestones);
    }

    @Test
    void aMachineTheCampaignConnectsIsBridgedAndItsLeavingBeforeTheAgentIsAnAnsweringMachine() {
        call(amd(MachineTreatment.CONNECT), agentPhone());
        ua.legs.get(0).answer();
        media.hear(decision(AmdOutcome.MACHINE, AmdCause.LONG_GREETING));
        assertNull(outcome, "connected anyway: the agent's phone still rings");

        ua.legs.get(0).end(EndReason.REMOTE_HANGUP);

        assertEquals(CallResult.ANSWERING_MACHINE, outcome.result(), "a machine, not an abandoned person");
        assertEquals(LegState.FAILED, ua.legs.get(1).state(), "the ringing agent is cancelled");
    }

    @Test
    void aMachineTheCampaignConnectsIsBridgedOnceTheAgentAnswers() {
        call(amd(MachineTreatment.CONNECT), agentPhone());
        ua.legs.get(0).answer();
        media.hear(decision(AmdOutcome.MACHINE, AmdCause.LONG_GREETING));
        ua.legs.get(1).answer();

        assertEquals(1, ua.bridges);
        ua.legs.get(0).end(EndReason.REMOTE_HANGUP);
        assertEquals(CallResult.ANSWER, outcome.result());
        assertTrue(outcome.agentConnected());
    }

    @Test
    void aPersonLeavingBeforeTheAgentAnswersIsAbandoned() {
        call(amd(MachineTreatment.CONNECT), agentPhone());
        ua.legs.get(0).answer();
        media.hear(decision(AmdOutcome.HUMAN, AmdCause.QUESTION_AFTER_GREETING));

        ua.legs.get(0).end(EndReason.REMOTE_HANGUP);

        assertEquals(CallResult.ABANDONED, outcome.result());
    }

    @Test
    void aMachineGettingAMessageLetsTheRingingAgentGoWithoutAbandoningTheContact() {
        call(amd(MachineTreatment.MESSAGE), agentPhone());
        ua.legs.get(0).answer();
        ScriptedLeg agent = ua.legs.get(1);

        media.hear(decision(AmdOutcome.MACHINE, AmdCause.BEEP));

        assertEquals(LegState.FAILED, agent.state(), "the agent's phone is cancelled at the verdict");
        assertNull(outcome, "the machine hears its message");
        assertEquals(LegState.ANSWERED, ua.legs.get(0).state());
        assertEquals(1, media.played.size());
        media.clipEnds();
        assertEquals(CallResult.ANSWERING_MACHINE, outcome.result());
        assertFalse(outcome.agentFailed(), "letting the agent go is no failure of its phone");
        assertFalse(outcome.agentConnected());
    }

    @Test
    void anAgentPhoneAnsweringAfterItWasLetGoIsHungUpAndTheMessagePlaysOn() {
        call(amd(MachineTreatment.MESSAGE), agentPhone());
        ua.legs.get(0).answer();
        ScriptedLeg agent = ua.legs.get(1);
        agent.ignoreHangup = true; // the phone's 200 OK crosses our CANCEL

        media.hear(decision(AmdOutcome.MACHINE, AmdCause.BEEP));
        agent.answer();

        assertEquals(LegState.ENDED, agent.state(), "hung up at its answer");
        assertEquals(0, ua.bridges);
        assertEquals(LegState.ANSWERED, ua.legs.get(0).state(), "the agent's BYE does not end the message");
        assertNull(outcome);
        media.clipEnds();
        assertEquals(CallResult.ANSWERING_MACHINE, outcome.result());
    }

    @Test
    void theMessageWaitsForTheEndOfTheGreetingInVirtualTime() {
        call(amd(MachineTreatment.MESSAGE), agentPhone());
        ua.legs.get(0).answer();
        media.hear(decision(AmdOutcome.MACHINE, AmdCause.LONG_GREETING));
        assertEquals(LegState.FAILED, ua.legs.get(1).state(), "the agent goes at the verdict");
        assertEquals(0, media.played.size(), "the greeting is still playing");

        clock.advance(GREETING_WAIT.minusMillis(1));
        assertEquals(0, media.played.size());
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, media.played.size(), "no end of greeting heard: the message starts at the limit");
        media.clipEnds();
        assertEquals(CallResult.ANSWERING_MACHINE, outcome.result());
    }

    @Test
    void aWaitingPredictiveContactGettingAMessageIsGivenNoAgent() {
        CampaignCall call = call(amd(MachineTreatment.MESSAGE), null);
        ua.legs.get(0).answer();
        assertEquals(List.of("contactAnswered"), milestones);
        media.hear(decision(AmdOutcome.MACHINE, AmdCause.BEEP));

        call.connectAgent(agentPhone());

        assertEquals(1, ua.legs.size(), "no agent phone is called for a machine's message");
        media.clipEnds();
        assertEquals(CallResult.ANSWERING_MACHINE, outcome.result());
        assertEquals(List.of("contactAnswered", "finished"), milestones);
    }

    @Test
    void aWaitingPredictiveContactClearedAsAMachineIsOfferedAndItsLeavingIsAnAnsweringMachine() {
        CampaignCall call = call(amd(MachineTreatment.CONNECT), null);
        ua.legs.get(0).answer();
        media.hear(decision(AmdOutcome.MACHINE, AmdCause.LONG_GREETING));
        assertEquals(List.of("contactAnswered", "contactCleared"), milestones);

        ua.legs.get(0).end(EndReason.REMOTE_HANGUP);

        assertEquals(CallResult.ANSWERING_MACHINE, outcome.result());
        call.connectAgent(agentPhone());
        assertEquals(1, ua.legs.size());
    }

    @Test
    void aDialCancelledAfterAToneDecidedItCountsAsAttempted() {
        CampaignCall call = call(DetectionSettings.DEFAULTS, agentPhone());
        ua.legs.get(0).earlyMedia();
        media.hear(new Detection.SitDetected(SitClass.VACANT_CODE, Duration.ofMillis(900)));

        assertTrue(outcome.attempted(), "the tone decided the record before the cancel");
        assertEquals(CallResult.SIT_VACANT, outcome.result());
        assertEquals(LegState.FAILED, ua.legs.get(0).state(), "the dial was cancelled for the tone");
        call.drop();
        assertTrue(outcome.attempted());
    }
}
