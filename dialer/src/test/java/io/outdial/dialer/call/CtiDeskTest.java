package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.LegEvent.EndReason;
import io.outdial.sip.LegState;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CtiDesk's own rules, in virtual time on scripted legs: whose desktop a command comes from, Ready and Not Ready
 * while engaged, Mark Done's checks and its automatic form, Logout, and a desktop that goes away mid-call.
 */
class CtiDeskTest {
    private static final String ANN = "  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\" }";

    private DialerUnderTest gw;

    @AfterEach
    void close() {
        gw.close();
    }

    private DialerUnderTest.Desktop connected(String campaignExtra, String csv) {
        gw = new DialerUnderTest(ANN, "  - { name: it, dialingMode: progressive, agents: [ann], autoLoad: false,"
                + " autoStart: false" + campaignExtra + " }");
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("it", csv);
        ann.send(new CtiCommand.Ready("r"));
        gw.leg(0).answer();
        gw.leg(1).answer();
        assertEquals("Busy", ann.last(CtiEvent.AgentStateChanged.class).state());
        return ann;
    }

    private CallingRecord record(int n) {
        return gw.store.records("it").get(n);
    }

    private static String ix(DialerUnderTest.Desktop desk) {
        return desk.last(CtiEvent.InteractionEstablished.class).interaction().interactionId();
    }

    @Test
    void aCommandFromADesktopThatIsNoLongerTheAgentsIsRefusedAndChangesNothing() {
        gw = new DialerUnderTest(ANN, "  - { name: it, dialingMode: progressive, agents: [ann], autoLoad: false,"
                + " autoStart: false }");
        DialerUnderTest.Desktop first = gw.login("ann", "s3cret");
        DialerUnderTest.Desktop second = gw.login("ann", "s3cret");
        gw.uploadAndStart("it", "contact_info\n2005550501\n");
        first.send(new CtiCommand.Ready("old"));
        assertEquals("NOT_LOGGED_IN", first.errorCode("old"));
        assertEquals(0, gw.ua.legs.size(), "the stale desktop's Ready dialed nothing");
        second.send(new CtiCommand.Ready("new"));
        assertTrue(second.received(e -> e instanceof CtiEvent.AgentStateChanged c && "new".equals(c.requestId())
                && "Ready".equals(c.state())), second.events.toString());
        assertEquals(1, gw.ua.legs.size(), "the agent's desktop is the last one logged in");
    }

    @Test
    void readyWhileBusyIsRefusedAndNotReadyWaitsForMarkDone() {
        DialerUnderTest.Desktop ann = connected("", "contact_info\n2005550502\n2005550503\n");
        String ix = ix(ann);
        ann.send(new CtiCommand.Ready("r2"));
        assertEquals("NOT_ALLOWED", ann.errorCode("r2"));

        ann.send(new CtiCommand.NotReady("nr", null));
        CtiEvent.AgentStateChanged kept = ann.last(CtiEvent.AgentStateChanged.class);
        assertEquals("Busy", kept.state(), "the call in hand is not disturbed");
        assertEquals("NotReady after Mark Done", kept.reason());
        gw.leg(0).end(EndReason.REMOTE_HANGUP);
        ann.send(new CtiCommand.MarkDone("d", ix));
        assertEquals("NotReady", ann.last(CtiEvent.AgentStateChanged.class).state());
        assertEquals(2, gw.ua.legs.size(), "Not Ready after Mark Done: the second record is not dialed");
        assertEquals(RecordStatus.READY, record(1).status());
    }

    @Test
    void markDoneNeedsTheAgentsOwnInteractionAndAnEndedCall() {
        DialerUnderTest.Desktop ann = connected("", "contact_info\n2005550504\n");
        String ix = ix(ann);
        ann.send(new CtiCommand.MarkDone("other", "ix-nobody"));
        assertEquals("UNKNOWN_INTERACTION", ann.errorCode("other"));
        ann.send(new CtiCommand.MarkDone("early", ix));
        assertEquals("NOT_ALLOWED", ann.errorCode("early"));
        assertTrue(ann.last(CtiEvent.Error.class).message().contains("still in progress"));
        assertEquals(RecordStatus.RETRIEVED, record(0).status());

        gw.leg(0).end(EndReason.REMOTE_HANGUP);
        ann.send(new CtiCommand.MarkDone("d", ix));
        assertEquals("d", ann.last(CtiEvent.InteractionDone.class).requestId());
        ann.send(new CtiCommand.MarkDone("again", ix));
        assertEquals("UNKNOWN_INTERACTION", ann.errorCode("again"), "done: no longer the agent's");
        assertEquals(RecordStatus.UPDATED, record(0).status());
    }

    @Test
    void markDoneOnEndIsDoneForTheAgentWhenTheCallEnds() {
        DialerUnderTest.Desktop ann = connected(", markDone: on_end", "contact_info\n2005550505\n");
        String ix = ix(ann);
        gw.leg(0).end(EndReason.REMOTE_HANGUP);
        CtiEvent.InteractionDone done = ann.last(CtiEvent.InteractionDone.class);
        assertEquals(ix, done.interactionId());
        assertEquals(null, done.requestId(), "the dialer's own Mark Done");
        assertTrue(ann.types().indexOf("InteractionReleased") < ann.types().indexOf("InteractionDone"),
                ann.types().toString());
        assertEquals(CallResult.ANSWER, record(0).callResult());
        assertEquals(RecordStatus.UPDATED, record(0).status());
    }

    @Test
    void logoutWhileIdleClosesTheDesktopAndLaterCommandsAreRefused() {
        gw = new DialerUnderTest(ANN, "  - { name: it, dialingMode: progressive, agents: [ann], autoLoad: false,"
                + " autoStart: false }");
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        ann.send(new CtiCommand.Logout("bye"));
        assertEquals("bye", ann.last(CtiEvent.LoggedOut.class).requestId());
        assertFalse(ann.open, "the desktop's connection is closed");
        ann.send(new CtiCommand.Ready("r"));
        assertEquals("NOT_LOGGED_IN", ann.errorCode("r"));
    }

    @Test
    void aDesktopGoneMidCallLeavesTheCallUpThenTheGatewayMarksItDoneAfterTheWrapUpAndLogsTheAgentOut() {
        gw = new DialerUnderTest("  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\", wrapUp: 5s }",
                "  - { name: it, dialingMode: progressive, agents: [ann], autoLoad: false, autoStart: false }");
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("it", "contact_info\n2005550506\n2005550507\n");
        ann.send(new CtiCommand.Ready("r"));
        gw.leg(0).answer();
        gw.leg(1).answer();
        gw.dialer.desk().disconnected("ann", ann);
        assertEquals(LegState.ANSWERED, gw.leg(0).state(), "the contact is not cut off");
        assertEquals(LegState.ANSWERED, gw.leg(1).state());
        int seen = ann.events.size();

        gw.leg(0).end(EndReason.REMOTE_HANGUP);
        assertEquals(seen, ann.events.size(), "nothing is sent to a desktop that is gone");
        assertEquals(CallResult.ANSWER, record(0).callResult());
        assertEquals(AgentState.AFTER_CALL_WORK, annState());
        gw.clock.advance(Duration.ofMillis(4_999));
        assertEquals(AgentState.AFTER_CALL_WORK, annState(), "the agent's wrap-up time is not over");
        gw.clock.advance(Duration.ofMillis(1));
        assertEquals(AgentState.LOGGED_OUT, annState(), "marked done for nobody at 5 s, then logged out");
        assertEquals(RecordStatus.UPDATED, record(0).status());
        assertEquals(2, gw.ua.legs.size(), "nothing more dialed");

        DialerUnderTest.Desktop back = gw.login("ann", "s3cret");
        assertEquals("NotReady", back.last(CtiEvent.LoggedIn.class).state());
        back.send(new CtiCommand.Ready("r2"));
        assertEquals(3, gw.ua.legs.size(), "logged in again, Ready dials the next record");
        assertTrue(gw.leg(2).target().contains("2005550507"), gw.leg(2).target());
    }

    private AgentState annState() {
        return gw.dialer.roster().find("ann").orElseThrow().state();
    }
}
