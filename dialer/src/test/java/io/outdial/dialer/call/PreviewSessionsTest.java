package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.sip.LegEvent.EndReason;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code PreviewSessions} keeps its records in hand in the registry: each is the session of its agent's holding in
 * {@link Assignments} (opened at Get Record or a push's Accept, the same across the record's calls and a Recall, kept
 * through a transfer's wrap-up, ended by Done, Decline, the desktop going or the campaign's unload), and what the
 * registry does not hold, the preview desk does not find. Preview (ann, cid) and push preview (bob), in virtual time.
 */
class PreviewSessionsTest {
    private final DialerUnderTest gw = new DialerUnderTest(
            """
              - { id: ann, secret: s3cret, phone: "sip:ann@127.0.0.1:5081" }
              - { id: bob, secret: s3cret, phone: "sip:bob@127.0.0.1:5082" }
              - { id: cid, secret: s3cret, phone: "sip:cid@127.0.0.1:5083" }
            """,
            """
              - { name: pv, dialingMode: preview, agents: [ann, cid], autoLoad: false, autoStart: false }
              - { name: pp, dialingMode: push_preview, agents: [bob], autoLoad: false, autoStart: false }
            """);

    @AfterEach
    void close() {
        gw.close();
    }

    private Assignments registry() {
        return gw.dialer.dialing().assignments();
    }

    private Agent agent(String id) {
        return gw.dialer.roster().find(id).orElseThrow();
    }

    private Optional<Assignments.Session> sessionOf(String agent) {
        return registry().sessionOf(agent(agent), Assignments.Session.class);
    }

    /** {@code desktop}'s agent asks pv for a record (Get Record): the previewed interaction's id. */
    private static String getRecord(DialerUnderTest.Desktop desktop, String requestId) {
        desktop.send(new CtiCommand.GetRecord(requestId, "pv"));
        CtiEvent.InteractionPreview shown = desktop.last(CtiEvent.InteractionPreview.class);
        assertEquals(requestId, shown.requestId());
        return shown.interaction().interactionId();
    }

    @Test
    void aRecordInHandIsItsAgentsHoldingsSessionTheSameAcrossItsCallsAndARecallUntilDone() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("pv", "contact_info\n5005550301\n");
        assertEquals(Optional.empty(), sessionOf("ann"), "no record in hand yet");
        String ix = getRecord(ann, "g");
        Assignments.Session inHand = sessionOf("ann").orElseThrow();
        assertEquals(Optional.of(InteractionIds.Owner.PREVIEW), registry().owner(agent("ann")));
        assertEquals(Optional.of(ix), registry().ofAgent("ann").map(h -> h.interaction().id()));
        assertEquals(List.of(inHand), registry().sessions(Assignments.Session.class));

        ann.send(new CtiCommand.Call("c", ix, null));
        gw.leg(0).answer();
        gw.leg(1).answer();
        assertSame(inHand, sessionOf("ann").orElseThrow(), "the call does not change the record in hand");
        gw.leg(1).end(EndReason.REMOTE_HANGUP);
        ann.last(CtiEvent.InteractionReleased.class);
        assertSame(inHand, sessionOf("ann").orElseThrow(), "kept through after-call work");

        ann.send(new CtiCommand.Recall("r", ix));
        assertEquals(3, gw.ua.legs.size(), "Recall dials ann's phone again");
        assertSame(inHand, sessionOf("ann").orElseThrow(), "one session across the record's calls");
        gw.leg(2).answer();
        gw.leg(3).answer();
        gw.leg(3).end(EndReason.REMOTE_HANGUP);
        ann.send(new CtiCommand.MarkDone("d", ix));
        assertEquals(ix, ann.last(CtiEvent.InteractionDone.class).interactionId());
        assertEquals(Optional.empty(), sessionOf("ann"), "Done ends the session");
        assertEquals(Optional.empty(), registry().ofAgent("ann"), "and ann holds nothing");
        assertEquals(List.of(), registry().sessions(Assignments.Session.class));
    }

    @Test
    void declineEndsTheSessionAndTheDesktopGoingEndsAnother() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        DialerUnderTest.Desktop cid = gw.login("cid", "s3cret");
        gw.uploadAndStart("pv", "contact_info\n5005550311\n5005550312\n");
        String annIx = getRecord(ann, "g1");
        getRecord(cid, "g2");
        assertTrue(sessionOf("ann").isPresent());
        assertTrue(sessionOf("cid").isPresent());

        ann.send(new CtiCommand.Decline("x", annIx, "later"));
        assertEquals("x", ann.last(CtiEvent.InteractionDeclined.class).requestId());
        assertEquals(Optional.empty(), sessionOf("ann"), "declined: no record in hand");
        assertEquals(Optional.empty(), registry().ofAgent("ann"));

        gw.dialer.desk().disconnected("cid", cid);
        assertEquals(Optional.empty(), sessionOf("cid"), "the desktop went: the record in hand is given back");
        assertEquals(AgentState.LOGGED_OUT, agent("cid").state());
        assertEquals(RecordStatus.READY, gw.record("pv", "5005550311").status());
        assertEquals(RecordStatus.READY, gw.record("pv", "5005550312").status());
    }

    @Test
    void anAcceptedPushIsASessionOnTheHoldingItsOfferWasOn() {
        DialerUnderTest.Desktop bob = gw.login("bob", "s3cret");
        gw.uploadAndStart("pp", "contact_info\n3005550301\n");
        bob.send(new CtiCommand.Ready("r"));
        bob.send(new CtiCommand.OutboundPreviewReady("op"));
        gw.clock.advance(Duration.ofSeconds(1));
        String ix = bob.last(CtiEvent.InteractionPreview.class).interaction().interactionId();
        assertTrue(registry().offerOf(agent("bob"), Assignments.Offer.class).isPresent(), "offered");
        assertEquals(Optional.empty(), sessionOf("bob"), "no session before Accept");

        bob.send(new CtiCommand.Accept("a", ix));
        assertEquals(Optional.empty(), registry().offerOf(agent("bob"), Assignments.Offer.class));
        assertTrue(sessionOf("bob").isPresent(), "accepted: bob's record in hand");
        assertEquals(Optional.of(InteractionIds.Owner.PUSH_PREVIEW), registry().owner(agent("bob")),
                "still the push desk's holding");
        assertEquals(Optional.of(ix), registry().ofAgent("bob").map(h -> h.interaction().id()));
        gw.leg(0).answer();
        gw.leg(1).answer();
        gw.leg(1).end(EndReason.REMOTE_HANGUP);
        bob.send(new CtiCommand.MarkDone("d", ix));
        assertEquals(ix, bob.last(CtiEvent.InteractionDone.class).interactionId());
        assertEquals(Optional.empty(), sessionOf("bob"));
    }

    @Test
    void aTransferLeavesTheSessionWithTheAgentWhoWrapsUpAndGivesTheTargetNone() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        DialerUnderTest.Desktop bob = gw.login("bob", "s3cret");
        gw.uploadAndStart("pv", "contact_info\n5005550321\n");
        String ix = getRecord(ann, "g");
        Assignments.Session inHand = sessionOf("ann").orElseThrow();
        ann.send(new CtiCommand.Call("c", ix, null));
        gw.leg(0).answer();
        gw.leg(1).answer();
        bob.send(new CtiCommand.Ready("b"));
        ann.send(new CtiCommand.Transfer("t", ix, "bob", null));
        gw.leg(2).answer();
        ann.last(CtiEvent.TransferCompleted.class);
        assertSame(inHand, sessionOf("ann").orElseThrow(), "ann wraps up her record in hand");
        assertEquals(Optional.empty(), sessionOf("bob"), "bob holds the call's interaction, not a record in hand");
        assertEquals(Optional.of(InteractionIds.Owner.PREVIEW), registry().owner(agent("bob")));

        ann.send(new CtiCommand.MarkDone("d", ix));
        ann.last(CtiEvent.InteractionDone.class);
        assertEquals(Optional.empty(), sessionOf("ann"));
        gw.leg(1).end(EndReason.REMOTE_HANGUP);
        bob.send(new CtiCommand.MarkDone("bd", ix));
        assertEquals("bd", bob.last(CtiEvent.InteractionDone.class).requestId(), "bob's Done is campaign calls'");
    }

    @Test
    void anUnloadFindsItsCampaignsSessionsInTheRegistryInTheOrderTheyWereOpened() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        DialerUnderTest.Desktop cid = gw.login("cid", "s3cret");
        gw.uploadAndStart("pv", "contact_info\n5005550331\n5005550332\n");
        getRecord(cid, "g1");
        getRecord(ann, "g2");
        assertEquals(List.of(sessionOf("cid").orElseThrow(), sessionOf("ann").orElseThrow()),
                registry().sessions(Assignments.Session.class), "in the order the records were taken");

        gw.onDialer(() -> gw.dialer.campaigns().apply("pv", CampaignAction.UNLOAD));
        assertEquals(List.of(), registry().sessions(Assignments.Session.class));
        assertEquals(RecordStatus.READY, gw.record("pv", "5005550331").status());
        assertEquals(RecordStatus.READY, gw.record("pv", "5005550332").status());
        ann.last(CtiEvent.InteractionReleased.class);
        cid.last(CtiEvent.InteractionReleased.class);
    }

    @Test
    void aSessionTheRegistryNoLongerHoldsIsNotFound() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("pv", "contact_info\n5005550341\n");
        String ix = getRecord(ann, "g");
        Assignments.Session inHand = sessionOf("ann").orElseThrow();
        gw.onDialer(() -> registry().endSession(agent("ann"), inHand));

        ann.send(new CtiCommand.Call("c", ix, null));
        assertTrue(ann.last(CtiEvent.Error.class).message().contains("is not a preview record"),
                ann.last(CtiEvent.Error.class).message());
        ann.send(new CtiCommand.Decline("x", ix, "later"));
        assertEquals("x", ann.last(CtiEvent.Error.class).requestId());
        assertFalse(ann.received(e -> e instanceof CtiEvent.InteractionDeclined));
        assertEquals(0, gw.ua.legs.size(), "nothing dialed");
        gw.onDialer(() -> gw.dialer.campaigns().apply("pv", CampaignAction.UNLOAD));
        assertEquals(RecordStatus.RETRIEVED, gw.record("pv", "5005550341").status(),
                "the unload found no record in hand to give back");
        assertFalse(ann.received(e -> e instanceof CtiEvent.InteractionReleased));
    }
}
