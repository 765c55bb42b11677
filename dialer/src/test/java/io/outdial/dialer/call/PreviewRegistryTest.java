package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.sip.LegEvent.EndReason;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The preview desk's calls are entries of the one registry ({@link Assignments}) as the paced modes' are: a live preview
 * or push preview call is found by {@code callOf}, a transfer of it is told through the registry (also when the target
 * hands it on again), and the one {@code idle()} waits for it, also once a transfer handed it on. A record in hand
 * before Call has no call, so no entry. Virtual time, scripted legs.
 */
class PreviewRegistryTest {

    private final DialerUnderTest gw = new DialerUnderTest(
            """
              - { id: ann, secret: s3cret, phone: "sip:ann@127.0.0.1:5081" }
              - { id: bob, secret: s3cret, phone: "sip:bob@127.0.0.1:5082" }
              - { id: cid, secret: s3cret, phone: "sip:cid@127.0.0.1:5083" }
            """,
            """
              - { name: pv, dialingMode: preview, agents: [ann], autoLoad: false, autoStart: false }
              - { name: pp, dialingMode: push_preview, agents: [bob], autoLoad: false, autoStart: false }
            """);

    @AfterEach
    void close() {
        gw.close();
    }

    private Assignments registry() {
        return gw.dialer.dialing().assignments();
    }

    /** ann asks pv for its record (Get Record): the previewed interaction's id. */
    private String annPreviews(DialerUnderTest.Desktop ann) {
        gw.uploadAndStart("pv", "contact_info\n5005550201\n");
        ann.send(new CtiCommand.GetRecord("g", "pv"));
        return ann.last(CtiEvent.InteractionPreview.class).interaction().interactionId();
    }

    /** ann previews pv's record and calls it; the agent's phone (leg 0) and then the contact (leg 1) answer. */
    private String annTalksWithAPreviewedContact(DialerUnderTest.Desktop ann) {
        String ix = annPreviews(ann);
        ann.send(new CtiCommand.Call("c", ix, null));
        gw.leg(0).answer();
        gw.leg(1).answer();
        assertEquals(1, gw.ua.bridges, "ann and the contact talk");
        return ix;
    }

    @Test
    void aLivePreviewCallIsFoundByCallOfFromCallToItsEnd() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        String ix = annPreviews(ann);
        assertEquals(Optional.empty(), registry().callOf(ix), "a record in hand before Call has no call");
        assertEquals(Optional.of(InteractionIds.Owner.PREVIEW), registry().ofAgent("ann").map(Assignments.Held::owner));

        ann.send(new CtiCommand.Call("c", ix, null));
        assertTrue(registry().callOf(ix).isPresent(), "the call is registered while the agent's phone rings");
        assertEquals(Optional.of(InteractionIds.Owner.PREVIEW), registry().ownerOf(ix));
        assertEquals(1, registry().calls().previews());
        assertEquals(0, gw.dialer.dialing().callsInProgress(), "the paced modes' figure leaves preview calls out");
        gw.leg(0).answer();
        gw.leg(1).answer();
        assertEquals(registry().callOf(ix), registry().transferableCallOf(ix), "ann talks: the call can be handed on");
        assertEquals(Optional.empty(), gw.dialer.dialing().callOf(ix), "not a campaign call");

        gw.leg(1).end(EndReason.REMOTE_HANGUP);
        ann.last(CtiEvent.InteractionReleased.class);
        assertEquals(Optional.empty(), registry().callOf(ix), "the ended call is gone from the registry");
        assertEquals(0, registry().calls().previews());
        assertEquals(0, registry().size());
    }

    @Test
    void anAcceptedPushPreviewIsTheRegistrysCallOfPushPreview() {
        DialerUnderTest.Desktop bob = gw.login("bob", "s3cret");
        gw.uploadAndStart("pp", "contact_info\n3005550201\n");
        bob.send(new CtiCommand.Ready("r"));
        bob.send(new CtiCommand.OutboundPreviewReady("op"));
        gw.clock.advance(Duration.ofSeconds(1));
        String ix = bob.last(CtiEvent.InteractionPreview.class).interaction().interactionId();
        assertEquals(Optional.empty(), registry().callOf(ix), "an offer has no call");

        bob.send(new CtiCommand.Accept("a", ix));
        assertTrue(registry().callOf(ix).isPresent());
        assertEquals(Optional.of(InteractionIds.Owner.PUSH_PREVIEW), registry().ownerOf(ix),
                "owned by the mode that gave bob the record");
        gw.leg(0).fail(486);
        assertEquals(Optional.empty(), registry().callOf(ix), "bob's phone did not answer: no call left");
        assertEquals(0, registry().calls().previews());
    }

    @Test
    void aTransferOfAPreviewCallGoesThroughTheRegistryAndTheTargetMayHandItOnAgain() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        DialerUnderTest.Desktop bob = gw.login("bob", "s3cret");
        DialerUnderTest.Desktop cid = gw.login("cid", "s3cret");
        String ix = annTalksWithAPreviewedContact(ann);
        TransferableCall call = registry().callOf(ix).orElseThrow();
        bob.send(new CtiCommand.Ready("b1"));

        ann.send(new CtiCommand.Transfer("a2", ix, "bob", null));
        ann.last(CtiEvent.TransferStarted.class);
        gw.leg(2).answer();
        assertEquals("bob", ann.last(CtiEvent.TransferCompleted.class).recordOwner());
        assertEquals("Released", ann.last(CtiEvent.InteractionReleased.class).interaction().state());
        assertEquals(Optional.of(call), registry().callOf(ix), "the same call, still registered");
        assertEquals(Optional.of(call), registry().transferableCallOf(ix), "bob talks on it: it can be handed on");
        assertEquals(Optional.of(InteractionIds.Owner.PREVIEW), registry().ofAgent("bob").map(Assignments.Held::owner),
                "bob holds the call's interaction for preview");
        ann.send(new CtiCommand.MarkDone("a3", ix));
        ann.last(CtiEvent.InteractionDone.class);
        assertEquals(Optional.of(call), registry().callOf(ix), "ann's Done leaves the handed-on call up");

        cid.send(new CtiCommand.Ready("c1"));
        bob.send(new CtiCommand.Transfer("b2", ix, "cid", null));
        bob.last(CtiEvent.TransferStarted.class);
        gw.leg(3).answer();
        bob.last(CtiEvent.TransferCompleted.class);
        assertEquals("Released", bob.last(CtiEvent.InteractionReleased.class).interaction().state(),
                "handed on again: bob wraps up");
        assertEquals(Optional.of(InteractionIds.Owner.PREVIEW), registry().ofAgent("cid").map(Assignments.Held::owner));

        gw.leg(1).end(EndReason.REMOTE_HANGUP);
        assertEquals(ix, cid.last(CtiEvent.InteractionReleased.class).interaction().interactionId(),
                "the call's end is the last target's");
        assertEquals(Optional.empty(), registry().callOf(ix));
        cid.send(new CtiCommand.MarkDone("c2", ix));
        cid.last(CtiEvent.InteractionDone.class);
        assertEquals("cid", gw.record("pv", "5005550201").agentId(), "the record followed both transfers");
        assertEquals(RecordStatus.UPDATED, gw.record("pv", "5005550201").status());
    }

    @Test
    void idleWaitsForAPreviewCallAlsoOnceATransferHandedItOn() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        DialerUnderTest.Desktop bob = gw.login("bob", "s3cret");
        assertTrue(gw.dialer.dialing().idle().isDone(), "no call: idle at once");
        String ix = annPreviews(ann);
        assertTrue(gw.dialer.dialing().idle().isDone(), "a record in hand is not a call");

        ann.send(new CtiCommand.Call("c", ix, null));
        CompletableFuture<Void> idle = gw.dialer.dialing().idle();
        CompletableFuture<Void> previewIdle = gw.dialer.preview().idle();
        assertFalse(idle.isDone(), "ann's phone rings: a preview call is up");
        gw.leg(0).answer();
        gw.leg(1).answer();
        bob.send(new CtiCommand.Ready("b1"));
        ann.send(new CtiCommand.Transfer("a2", ix, "bob", null));
        gw.leg(2).answer();
        ann.last(CtiEvent.TransferCompleted.class);
        ann.send(new CtiCommand.MarkDone("a3", ix));
        ann.last(CtiEvent.InteractionDone.class);
        assertFalse(idle.isDone(), "ann's record is done, but the call goes on with bob");
        assertFalse(previewIdle.isDone(), "the preview desk's idle is the same question");

        gw.leg(1).end(EndReason.REMOTE_HANGUP);
        assertTrue(idle.isDone(), "the last call of any mode is over");
        assertTrue(previewIdle.isDone());
    }
}
