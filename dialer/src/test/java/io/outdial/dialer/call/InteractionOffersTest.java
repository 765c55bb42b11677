package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.record.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code InteractionPreviews} keeps its offers in the registry: each open interaction preview is the state of its
 * agent's holding in {@link Assignments} (offered, found by agent, taken off at Accept, Reject, the accept timeout or a
 * campaign's withdrawal), and what the registry does not hold, InteractionPreviews does not find. Push preview (ann),
 * progressive with interaction preview (bob) and predictive with interaction preview (cid), in virtual time.
 */
class InteractionOffersTest {
    private final DialerUnderTest gw = new DialerUnderTest(
            """
              - { id: ann, secret: s3cret, phone: "sip:ann@127.0.0.1:5081" }
              - { id: bob, secret: s3cret, phone: "sip:bob@127.0.0.1:5082" }
              - { id: cid, secret: s3cret, phone: "sip:cid@127.0.0.1:5083" }
            """,
            """
              - { name: pp, dialingMode: push_preview, agents: [ann], autoLoad: false, autoStart: false,
                  preview: { acceptTimeout: 12s, autoReject: true } }
              - { name: pg, dialingMode: progressive, agents: [bob], autoLoad: false, autoStart: false,
                  preview: { interactionPreview: true, acceptTimeout: 20s } }
              - { name: pdp, dialingMode: predictive, agents: [cid], autoLoad: false, autoStart: false,
                  preview: { interactionPreview: true, acceptTimeout: 30s } }
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

    private Optional<Assignments.Offer> offerOf(String agent) {
        return registry().offerOf(agent(agent), Assignments.Offer.class);
    }

    /** pp pushes a record to ann: the offered interaction's id. */
    private String annIsOffered(DialerUnderTest.Desktop ann) {
        gw.uploadAndStart("pp", "contact_info\n3005550101\n");
        ann.send(new CtiCommand.Ready("r"));
        ann.send(new CtiCommand.OutboundPreviewReady("op"));
        gw.clock.advance(Duration.ofSeconds(1));
        return ann.last(CtiEvent.InteractionPreview.class).interaction().interactionId();
    }

    /** pg reserves a record for bob and shows it first: the offered interaction's id. */
    private String bobIsOffered(DialerUnderTest.Desktop bob) {
        gw.uploadAndStart("pg", "contact_info\n4005550101\n");
        bob.send(new CtiCommand.Ready("r"));
        gw.clock.advance(Duration.ofSeconds(1));
        return bob.last(CtiEvent.InteractionPreview.class).interaction().interactionId();
    }

    @Test
    void anOfferIsTheStateOfItsAgentsHoldingAndAcceptTakesItOffWhileTheAgentKeepsTheInteraction() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        String ix = annIsOffered(ann);
        assertTrue(offerOf("ann").isPresent(), "the offer is kept with ann's holding");
        assertEquals(Optional.of(InteractionIds.Owner.PUSH_PREVIEW), registry().owner(agent("ann")));
        assertEquals(Optional.of(ix), registry().ofAgent("ann").map(h -> h.interaction().id()));
        assertEquals(1, registry().offers(Assignments.Offer.class).size());

        ann.send(new CtiCommand.Accept("a", ix));
        assertEquals("a", ann.last(CtiEvent.InteractionAccepted.class).requestId());
        assertEquals(Optional.empty(), offerOf("ann"), "accepted: no offer open");
        assertEquals(Optional.of(ix), registry().ofAgent("ann").map(h -> h.interaction().id()),
                "ann still holds the accepted interaction");
        assertEquals(1, gw.ua.legs.size(), "the accepted record is called (ann's phone first)");
    }

    @Test
    void rejectTakesTheOfferOffAndTheAgentHoldsNothing() {
        DialerUnderTest.Desktop bob = gw.login("bob", "s3cret");
        String ix = bobIsOffered(bob);
        assertEquals(Optional.of(InteractionIds.Owner.PROGRESSIVE), registry().owner(agent("bob")));
        assertTrue(offerOf("bob").isPresent(), "the offer is kept with bob's holding");
        assertEquals(0, gw.ua.legs.size(), "nothing dialed before Accept");

        bob.send(new CtiCommand.NotReady("n", null)); // after this record: so none is reserved for bob again
        bob.send(new CtiCommand.Reject("j", ix));
        assertEquals("Rejected", bob.last(CtiEvent.InteractionRejected.class).reason());
        assertEquals(Optional.empty(), offerOf("bob"));
        assertEquals(Optional.empty(), registry().ofAgent("bob"), "rejected: bob holds nothing");
        assertEquals(RecordStatus.READY, gw.store.records("pg").get(0).status(), "the record goes back");
        assertEquals(0, gw.ua.legs.size(), "nothing dialed");
    }

    @Test
    void theAcceptTimeoutTakesTheOfferOff() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        annIsOffered(ann);
        Instant offered = ann.lastAt(CtiEvent.InteractionPreview.class);
        gw.clock.advance(Duration.between(gw.clock.now(), offered.plusMillis(11_999)));
        assertTrue(offerOf("ann").isPresent(), "still open just before the 12 s accept timeout");
        gw.clock.advance(Duration.ofMillis(1));
        assertEquals("AutoRejected", ann.last(CtiEvent.InteractionRejected.class).reason(),
                "and ann's outbound-preview channel goes Not Ready: nothing pushed again");
        assertEquals(Optional.empty(), offerOf("ann"));
        assertEquals(List.of(), registry().offers(Assignments.Offer.class));
        assertEquals(Optional.empty(), registry().ofAgent("ann"), "timed out: ann holds nothing");
    }

    @Test
    void aStoppedCampaignsOffersAreFoundInTheRegistryAndWithdrawnButNotAnotherCampaignsOrALiveContacts() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        DialerUnderTest.Desktop bob = gw.login("bob", "s3cret");
        DialerUnderTest.Desktop cid = gw.login("cid", "s3cret");
        annIsOffered(ann);
        bobIsOffered(bob);
        gw.uploadAndStart("pdp", "contact_info\n2005550801\n");
        cid.send(new CtiCommand.Ready("r"));
        gw.clock.advance(Duration.ofSeconds(1));
        gw.ua.legs.stream().filter(l -> l.target().contains("2005550801")).findFirst().orElseThrow().answer();
        cid.last(CtiEvent.InteractionPreview.class);
        assertEquals(3, registry().offers(Assignments.Offer.class).size(), "one offer in front of each agent");
        Assignments.Offer bobs = offerOf("bob").orElseThrow();
        Assignments.Offer cids = offerOf("cid").orElseThrow();

        gw.onDialer(() -> gw.dialer.campaigns().apply("pp", CampaignAction.STOP));
        assertEquals("Withdrawn", ann.last(CtiEvent.InteractionRejected.class).reason());
        assertEquals(Optional.empty(), offerOf("ann"));
        assertEquals(Optional.of(bobs), offerOf("bob"), "another campaign's offer stays");
        assertFalse(bob.received(e -> e instanceof CtiEvent.InteractionRejected));

        gw.onDialer(() -> gw.dialer.campaigns().apply("pdp", CampaignAction.STOP));
        assertEquals(Optional.of(cids), offerOf("cid"),
                "an answered contact's offer is a call in progress: a Stop leaves it");
        assertFalse(cid.received(e -> e instanceof CtiEvent.InteractionRejected));

        gw.onDialer(() -> gw.dialer.campaigns().apply("pg", CampaignAction.STOP));
        assertEquals("Withdrawn", bob.last(CtiEvent.InteractionRejected.class).reason());
        assertEquals(RecordStatus.READY, gw.store.records("pg").get(0).status(), "bob's record goes back");
        assertEquals(1, registry().offers(Assignments.Offer.class).size(), "only cid's is left");
    }

    @Test
    void anOfferTheRegistryNoLongerHoldsIsNotFound() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        String ix = annIsOffered(ann);
        Assignments.Offer open = offerOf("ann").orElseThrow();
        gw.onDialer(() -> registry().endOffer(agent("ann"), open));

        ann.send(new CtiCommand.Accept("a", ix));
        assertEquals("a", ann.last(CtiEvent.Error.class).requestId());
        assertTrue(ann.last(CtiEvent.Error.class).message().contains("is not an interaction preview"),
                ann.last(CtiEvent.Error.class).message());
        gw.onDialer(() -> gw.dialer.campaigns().apply("pp", CampaignAction.STOP));
        assertFalse(ann.received(e -> e instanceof CtiEvent.InteractionRejected), "nothing to withdraw");
    }
}
