package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.LegEvent.EndReason;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one way out of a call ({@link AfterCall}), for preview (the agent's phone first, the record in the agent's
 * hands) and for a campaign-call mode (progressive: the contact first), in virtual time over scripted legs: call
 * ended, transferred away, Mark Done, released, desktop gone.
 */
class AfterCallTest {

    private final DialerUnderTest gw = new DialerUnderTest("""
              - { id: ann, secret: s3cret, phone: "sip:ann@127.0.0.1:5081" }
              - { id: bob, secret: s3cret, phone: "sip:bob@127.0.0.1:5082" }
            """, """
              - { name: pv, dialingMode: preview, agents: [ann], autoLoad: false, autoStart: false }
              - { name: it, dialingMode: progressive, agents: [ann], autoLoad: false, autoStart: false }
            """);

    @AfterEach
    void close() {
        gw.close();
    }

    private CallingRecord record(String campaign, int n) {
        return gw.store.records(campaign).get(n);
    }

    private AgentState state(String agent) {
        return gw.dialer.roster().find(agent).orElseThrow().state();
    }

    private io.outdial.dialer.agent.Interaction interaction(String agent) {
        return gw.dialer.roster().find(agent).orElseThrow().interaction();
    }

    /** Ann takes a preview record and calls it; her phone (leg 0) and the contact (leg 1) answer. */
    private String previewConnected(DialerUnderTest.Desktop ann) {
        ann.send(new CtiCommand.GetRecord("g", "pv"));
        String ix = ann.last(CtiEvent.InteractionPreview.class).interaction().interactionId();
        ann.send(new CtiCommand.Call("c", ix));
        gw.leg(0).answer();
        gw.leg(1).answer();
        assertEquals("Established", ann.last(CtiEvent.InteractionEstablished.class).interaction().state());
        return ix;
    }

    /** Ann is Ready; the progressive contact (leg 0) and then her phone (leg 1) answer. */
    private String progressiveConnected(DialerUnderTest.Desktop ann) {
        ann.send(new CtiCommand.Ready("r"));
        gw.leg(0).answer();
        gw.leg(1).answer();
        return ann.last(CtiEvent.InteractionEstablished.class).interaction().interactionId();
    }

    /** Ann logged in (Not Ready), and {@code campaign} started with the contacts of {@code csv}. */
    private DialerUnderTest.Desktop annWith(String campaign, String csv) {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart(campaign, csv);
        return ann;
    }

    private String connected(String campaign, DialerUnderTest.Desktop ann) {
        return campaign.equals("pv") ? previewConnected(ann) : progressiveConnected(ann);
    }

    /** The contact's leg of the call: preview dials it second, progressive first. */
    private ScriptedLeg contact(String campaign) {
        return gw.leg(campaign.equals("pv") ? 1 : 0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pv", "it"})
    void aCallThatEndsWritesTheResultAndTheAgentWrapsUp(String campaign) {
        DialerUnderTest.Desktop ann = annWith(campaign, "contact_info\n2005550101\n");
        String ix = connected(campaign, ann);
        ann.send(new CtiCommand.SetCallResult("s", ix, "WRONG_PARTY"));

        contact(campaign).end(EndReason.REMOTE_HANGUP);
        assertEquals("Released", ann.last(CtiEvent.InteractionReleased.class).interaction().state());
        assertEquals(AgentState.AFTER_CALL_WORK, state("ann"));
        assertEquals(RecordStatus.UPDATED, record(campaign, 0).status(), "the call's result is written at its end");
        gw.clock.advance(Duration.ofHours(1));
        assertEquals(AgentState.AFTER_CALL_WORK, state("ann"), "a desktop agent wraps up until Mark Done");
        assertFalse(ann.received(e -> e instanceof CtiEvent.InteractionDone), ann.types().toString());
    }

    /** Ann sets no result and transfers to Bob (the record follows by default): Bob's Mark Done writes it. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pv", "it"})
    void aCallTransferredAwayGetsTheDefaultResultAndTheRecordFollows(String campaign) {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        DialerUnderTest.Desktop bob = gw.login("bob", "s3cret");
        bob.send(new CtiCommand.Ready("r"));
        gw.uploadAndStart(campaign, "contact_info\n2005550102\n");
        String ix = connected(campaign, ann);

        ann.send(new CtiCommand.Transfer("t", ix, "bob", null));
        ScriptedLeg bobsPhone = gw.leg(2);
        assertTrue(bobsPhone.target().startsWith("sip:bob@"), bobsPhone.target());
        bobsPhone.answer();
        assertEquals("bob", ann.last(CtiEvent.TransferCompleted.class).recordOwner());
        assertEquals(AgentState.AFTER_CALL_WORK, state("ann"));
        assertEquals(AgentState.BUSY, state("bob"));

        ann.send(new CtiCommand.MarkDone("d", ix));
        assertEquals("ANSWER", ann.last(CtiEvent.InteractionDone.class).callResult(), "a transfer's default result");
        // Preview: back to the state before Get Record (Not Ready since login); progressive: Ready for the next call.
        assertEquals(campaign.equals("pv") ? AgentState.NOT_READY : AgentState.READY, state("ann"));
        assertEquals(RecordStatus.RETRIEVED, record(campaign, 0).status(),
                "the record followed the transfer: Ann's Mark Done writes nothing");

        bob.send(new CtiCommand.SetCallResult("s", ix, "WRONG_PARTY"));
        contact(campaign).end(EndReason.REMOTE_HANGUP);
        assertEquals(AgentState.AFTER_CALL_WORK, state("bob"));
        bob.send(new CtiCommand.MarkDone("d", ix));
        assertEquals("WRONG_PARTY", bob.last(CtiEvent.InteractionDone.class).callResult());
        assertEquals(RecordStatus.UPDATED, record(campaign, 0).status());
        assertEquals(CallResult.WRONG_PARTY, record(campaign, 0).callResult(), "Bob's result, as the record's owner");
        assertEquals(AgentState.READY, state("bob"));
    }

    /** Preview: Done previews the campaign's next record; progressive: Ready again, the next contact is dialed. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pv", "it"})
    void markDoneWritesTheAgentsResultAndTheAgentGetsTheNextContact(String campaign) {
        DialerUnderTest.Desktop ann = annWith(campaign, "contact_info\n2005550103\n2005550104\n");
        String ix = connected(campaign, ann);
        contact(campaign).end(EndReason.REMOTE_HANGUP);
        ann.send(new CtiCommand.SetCallResult("s", ix, "WRONG_PARTY"));
        assertEquals(2, gw.ua.legs.size(), "nothing dialed while Ann wraps up");

        ann.send(new CtiCommand.MarkDone("d", ix));
        CtiEvent.InteractionDone done = ann.last(CtiEvent.InteractionDone.class);
        assertEquals(ix, done.interactionId());
        assertEquals("WRONG_PARTY", done.callResult());
        CallingRecord called = gw.store.records(campaign).stream().filter(r -> r.status() == RecordStatus.UPDATED)
                .findFirst().orElseThrow();
        assertEquals(CallResult.WRONG_PARTY, called.callResult());
        if (campaign.equals("pv")) {
            CtiEvent.InteractionPreview next = ann.last(CtiEvent.InteractionPreview.class);
            assertEquals("d", next.requestId(), "Done previews the campaign's next record");
            assertFalse(ix.equals(next.interaction().interactionId()));
            assertEquals(AgentState.RESERVED, state("ann"));
            assertEquals(2, gw.ua.legs.size(), "a preview record waits for the agent's Call");
        } else {
            assertEquals(3, gw.ua.legs.size(), "Ready again: the next contact is dialed");
        }
    }

    @Test
    void aPreviewAgentReleasedGoesBackToReadyAsBeforeTheRecord() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        assertEquals(AgentState.NOT_READY, state("ann"), "logged in Not Ready");
        ann.send(new CtiCommand.Ready("r"));
        gw.uploadAndStart("pv", "contact_info\n2005550107\n");
        String ix = previewConnected(ann);

        ann.send(new CtiCommand.ReleaseCall("e", ix));
        assertTrue(gw.leg(1).state().isTerminal(), "End Call hangs up the contact");
        assertEquals("Released", ann.last(CtiEvent.InteractionReleased.class).interaction().state());
        ann.send(new CtiCommand.DoneAndStop("d", ix));
        assertEquals(AgentState.READY, state("ann"), "the state before Get Record");
        assertNull(gw.dialer.roster().find("ann").orElseThrow().interaction());
    }

    @Test
    void aProgressiveAgentReleasedWhoAskedNotReadyDuringTheCallIsNotReady() {
        DialerUnderTest.Desktop ann = annWith("it", "contact_info\n2005550108\n2005550109\n");
        String ix = progressiveConnected(ann);
        ann.send(new CtiCommand.NotReady("n", null));

        ann.send(new CtiCommand.ReleaseCall("e", ix));
        assertTrue(gw.leg(0).state().isTerminal(), "End Call hangs up the contact");
        assertEquals(AgentState.AFTER_CALL_WORK, state("ann"));
        ann.send(new CtiCommand.MarkDone("d", ix));
        assertEquals(AgentState.NOT_READY, state("ann"), "the Not Ready asked during the call");
        assertEquals(2, gw.ua.legs.size(), "Not Ready: nothing more is dialed");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pv", "it"})
    void aDesktopGoneDuringWrapUpMarksItDoneAndLogsTheAgentOut(String campaign) {
        DialerUnderTest.Desktop ann = annWith(campaign, "contact_info\n2005550110\n");
        String ix = connected(campaign, ann);
        contact(campaign).end(EndReason.REMOTE_HANGUP);
        ann.send(new CtiCommand.SetCallResult("s", ix, "WRONG_PARTY"));

        assertEquals(CallResult.ANSWER, record(campaign, 0).callResult(), "the call's own result, at its end");

        gw.dialer.desk().disconnected("ann", ann);
        assertEquals(AgentState.LOGGED_OUT, state("ann"));
        assertNull(interaction("ann"), "marked done for the agent");
        assertEquals(CallResult.WRONG_PARTY, record(campaign, 0).callResult(), "with the result the agent set");
        assertFalse(ann.received(e -> e instanceof CtiEvent.InteractionDone), "nobody is there to be told");
    }

    @Test
    void aPreviewAgentsDesktopGoneDuringTheCallIsLoggedOutWhenTheCallEnds() {
        DialerUnderTest.Desktop ann = annWith("pv", "contact_info\n2005550111\n2005550112\n");
        String ix = previewConnected(ann);

        gw.dialer.desk().disconnected("ann", ann);
        assertEquals(AgentState.BUSY, state("ann"), "the call goes on");
        assertEquals(ix, interaction("ann").id());
        gw.leg(1).end(EndReason.REMOTE_HANGUP);
        assertNull(interaction("ann"), "marked done at the call's end");
        assertEquals(AgentState.LOGGED_OUT, state("ann"));
        assertEquals(RecordStatus.UPDATED, record("pv", 0).status());
        assertEquals(1, gw.store.records("pv").stream().filter(r -> r.status() == RecordStatus.READY).count(),
                "no next record for an agent who has gone");
    }

    @Test
    void aProgressiveAgentsDesktopGoneDuringTheCallIsMarkedDoneAfterTheWrapUpAndLoggedOut() {
        DialerUnderTest.Desktop ann = annWith("it", "contact_info\n2005550113\n2005550114\n");
        String ix = progressiveConnected(ann);

        gw.dialer.desk().disconnected("ann", ann);
        gw.leg(0).end(EndReason.REMOTE_HANGUP);
        assertEquals(AgentState.AFTER_CALL_WORK, state("ann"), "nobody presses Mark Done: the wrap-up timer does");
        assertEquals(ix, interaction("ann").id());
        gw.clock.advance(gw.dialer.roster().find("ann").orElseThrow().profile().wrapUp());
        assertNull(interaction("ann"), "marked done after the wrap-up");
        assertEquals(AgentState.LOGGED_OUT, state("ann"));
        assertEquals(2, gw.ua.legs.size(), "nothing more is dialed for an agent who has gone");
    }
}
