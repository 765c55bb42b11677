package io.outdial.dialer.browserphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.VirtualScheduler;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A call's leg to a browser phone reports what a SIP phone's leg would. */
class BrowserLegTest {
    private final CallExecutor call = new CallExecutor("call", Runnable::run, new VirtualScheduler(Instant.EPOCH));
    private final List<LegEvent> events = new ArrayList<>();
    private final List<String> hooks = new ArrayList<>();

    private BrowserLeg leg(BrowserPhoneSession session) {
        BrowserLeg leg = new BrowserLeg("browser-agent1-1", "browser:agent1", call, session, null, events::add);
        leg.whenTerminated(() -> hooks.add("terminated"));
        return leg;
    }

    private static BrowserPhoneSession connected() {
        BrowserPhoneSession session = new BrowserPhoneSession("agent1", null);
        session.connected(true);
        return session;
    }

    @Test
    void aConnectedPhoneAnswersAtOnceAndHangsUpLocally() {
        BrowserLeg leg = leg(connected());
        leg.start();
        assertInstanceOf(LegEvent.Answered.class, events.get(0));
        assertEquals(LegState.ANSWERED, leg.state());
        leg.hangup();
        LegEvent.Ended ended = assertInstanceOf(LegEvent.Ended.class, events.get(1));
        assertEquals(LegEvent.EndReason.LOCAL_HANGUP, ended.reason());
        assertEquals(List.of("terminated"), hooks);
        leg.hangup();
        assertEquals(2, events.size(), "a second hangup reports nothing");
    }

    @Test
    void aPhoneNotConnectedFailsTheDialAsUnavailable() {
        BrowserLeg leg = leg(BrowserPhoneSession.none("agent1"));
        leg.start();
        LegEvent.Failed failed = assertInstanceOf(LegEvent.Failed.class, events.get(0));
        assertEquals(480, failed.status());
        assertEquals(LegEvent.FailureKind.REJECTED, failed.kind());
        assertEquals(LegState.FAILED, leg.state());
        assertEquals(List.of("terminated"), hooks);
    }

    @Test
    void aLostPhoneEndsItsCallAsARemoteHangupAndKeepsNoLeg() {
        BrowserPhoneSession session = connected();
        BrowserLeg leg = leg(session);
        leg.start();
        session.lose();
        LegEvent.Ended ended = assertInstanceOf(LegEvent.Ended.class, events.get(1));
        assertEquals(LegEvent.EndReason.REMOTE_HANGUP, ended.reason());
        assertEquals(BrowserPhoneSession.Phase.LOST, session.phase());
        assertEquals(List.of("terminated"), hooks);
        BrowserLeg next = leg(session);
        next.start();
        assertInstanceOf(LegEvent.Failed.class, events.get(2), "no call reaches a lost phone");
    }

    @Test
    void aHangupBeforeTheAnswerIsACancel() {
        BrowserLeg leg = leg(connected());
        call.execute(() -> {
            leg.start();
            leg.hangup();
        });
        LegEvent.Failed failed = assertInstanceOf(LegEvent.Failed.class, events.get(0));
        assertEquals(LegEvent.FailureKind.CANCELLED, failed.kind());
        assertEquals(1, events.size());
    }

    @Test
    void dtmfNeedsAnAnsweredLeg() {
        BrowserLeg leg = leg(BrowserPhoneSession.none("agent1"));
        leg.start();
        assertEquals(true, leg.sendDtmf("1", java.time.Duration.ofMillis(100)).isCompletedExceptionally());
    }
}
