package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.VirtualScheduler;
import io.outdial.dialer.record.CallResult;
import io.outdial.sip.DialRequest;
import io.outdial.sip.LegEvent;
import io.outdial.sip.Transport;
import io.outdial.sip.TrunkConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The skeleton shared by contact-first and agent-first calls, driven by scripted legs in virtual time. */
class TwoLegCallTest {
    private static final Duration SWEEP = Duration.ofSeconds(5);

    private final ScriptedUserAgent ua = new ScriptedUserAgent();
    private final VirtualScheduler clock = new VirtualScheduler(Instant.EPOCH);
    /** What the skeleton asked of its script, in order. */
    private final List<String> asked = new ArrayList<>();
    private boolean bridged;
    private TwoLegCall call;
    private DialRequest contactRequest;
    private DialRequest agentRequest;

    @BeforeEach
    void setUp() {
        CallExecutor executor = new CallExecutor("test", Runnable::run, clock);
        TrunkConfig trunk = new TrunkConfig("127.0.0.1", 5070, Transport.UDP, null, "100", "Outdial");
        contactRequest = DialRequest.contactViaTrunk(trunk, "2005550101", Duration.ofSeconds(30));
        agentRequest = DialRequest.agentPhone("sip:agent1@127.0.0.1:5081", Transport.UDP, "2005550101", "sample",
                Duration.ofSeconds(20));
        call = new TwoLegCall("ix-1", executor, ua, null, null, new TwoLegCall.Script(
                () -> bridged,
                event -> asked.add("agentEvent " + event.getClass().getSimpleName()),
                e -> asked.add("failed " + e.getMessage()),
                result -> {
                    asked.add("release " + result);
                    call.decide(result);
                }));
    }

    @Test
    void theFirstResultDecidedIsKeptAndANeverAttemptedContactHasNone() {
        call.decide(CallResult.NO_ANSWER);
        call.decide(CallResult.ANSWER);
        assertEquals(CallResult.NO_ANSWER, call.result());
        assertEquals(CallResult.NO_ANSWER, call.outcome(true).result());
        assertEquals(CallResult.UNKNOWN, call.outcome(false).result());
        assertFalse(call.outcome(false).attempted());
    }

    @Test
    void ourOwnFailureInALegListenerGoesToTheScriptAndTheEventIsNotLost() {
        call.dialContact(contactRequest, event -> {
            throw new IllegalStateException("bug in " + event.getClass().getSimpleName());
        });
        ua.legs.get(0).answer();
        assertEquals(List.of("failed bug in Answered"), asked);
    }

    @Test
    void bridgingCountsTheAgentAsConnectedAndTellsTheSideCalls() {
        call.dialContact(contactRequest, event -> { });
        call.dialAgent(agentRequest, event -> { });
        ua.legs.get(0).answer();
        ua.legs.get(1).answer();
        assertFalse(call.outcome(true).agentConnected());
        call.bridge();
        assertEquals(1, ua.bridges);
        assertTrue(call.outcome(true).agentConnected());
        assertTrue(call.sides().bridge() != null, "the side calls hold the bridge");
        call.agentFailed(true);
        call.agentFailed(false);
        assertFalse(call.outcome(true).agentFailed(), "the latest word counts");
    }

    @Test
    void theSideCallsAskTheScriptWhetherTheCallIsBridged() throws Exception {
        call.dialContact(contactRequest, event -> { });
        call.dialAgent(agentRequest, event -> { });
        ua.legs.get(0).answer();
        ua.legs.get(1).answer();
        call.bridge();
        assertFalse(call.sides().hold(true).get(), "the script says the call is not bridged");
        bridged = true;
        assertTrue(call.sides().hold(true).get());
        assertFalse(call.bothGone());
        call.hangUpBoth();
        assertTrue(call.bothGone());
    }

    @Test
    void thePhonesOwnHoldIsTheSideCallsAndIsToldOnlyWhenItChangedTheCall() {
        call.dialContact(contactRequest, event -> { });
        call.dialAgent(agentRequest, event -> { });
        ScriptedLeg agent = ua.legs.get(1);
        ua.legs.get(0).answer();
        agent.answer();
        call.bridge();
        bridged = true;
        List<Boolean> told = new ArrayList<>();
        assertTrue(call.sideCallsTook(new LegEvent.HeldByFarEnd(agent, true), told::add));
        assertTrue(call.sideCallsTook(new LegEvent.HeldByFarEnd(agent, true), told::add), "already held");
        assertTrue(call.sideCallsTook(new LegEvent.HeldByFarEnd(agent, false), told::add));
        assertEquals(List.of(true, false), told);
        assertFalse(call.sideCallsTook(new LegEvent.Answered(agent), told::add), "the call's own business");
    }

    @Test
    void theReaperFinishesACallWhoseLegsVanishedOnceAndStopsLooking() {
        call.dialContact(contactRequest, event -> { });
        List<String> reaped = new ArrayList<>();
        boolean[] finished = {false};
        call.reapEvery(SWEEP, () -> finished[0], () -> {
            reaped.add("reaped");
            finished[0] = true;
        });
        ua.legs.get(0).answer();
        clock.advance(SWEEP.multipliedBy(3));
        assertEquals(List.of(), reaped, "the contact's leg is up");
        ua.legs.get(0).vanish();
        clock.advance(SWEEP);
        assertEquals(List.of("reaped"), reaped);
        clock.advance(SWEEP.multipliedBy(3));
        assertEquals(List.of("reaped"), reaped, "reaped once");
        assertEquals(0, clock.pending(), "no sweep left behind");
    }

    @Test
    void aFinishedCallStopsTheReaper() {
        call.reapEvery(SWEEP, () -> false, () -> asked.add("reaped"));
        call.stopReaping();
        clock.advance(SWEEP.multipliedBy(3));
        assertEquals(List.of(), asked);
        assertEquals(0, clock.pending());
    }
}
