package io.outdial.dialer.call;

import static io.outdial.dialer.call.HoldingFixtures.agent;
import static io.outdial.dialer.call.HoldingFixtures.interaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.InteractionIds;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The registry's agent entry carries the session the agent works its interaction in (a preview record in hand) as its
 * holding's state: kept from its opening to its end with the interaction the agent holds, found by agent and all
 * together in the order they were opened, never together with an open offer, and never lost to a new interaction
 * given over it.
 */
class AssignmentSessionsTest {
    private final Assignments assignments = new Assignments();

    private record InHand(String name) implements Assignments.Session { }

    private record Other(String name) implements Assignments.Session { }

    private record Shown(String name) implements Assignments.Offer { }



    @Test
    void aSessionIsKeptWithTheAgentsHoldingUntilItEndsAndTheAgentStillHoldsItsInteraction() {
        Agent ann = agent("ann");
        Interaction ix = interaction("pv-1");
        assignments.give(ann, InteractionIds.Owner.PREVIEW, ix);
        assertEquals(Optional.empty(), assignments.sessionOf(ann, InHand.class), "given, no session yet");
        InHand inHand = new InHand("pv-1 with ann");
        assignments.openSession(ann, inHand);
        assertEquals(Optional.of(inHand), assignments.sessionOf(ann, InHand.class));
        assertEquals(Optional.of(inHand), assignments.ofAgent("ann").map(Assignments.Held::session));
        assertEquals(Optional.empty(), assignments.sessionOf(ann, Other.class), "found by its type");
        assertEquals(Optional.empty(), assignments.offerOf(ann, Shown.class), "a session is not an offer");
        assertEquals(Optional.of(InteractionIds.Owner.PREVIEW), assignments.owner(ann),
                "the session does not change who gave the interaction");
        assertEquals(Optional.of(ix), assignments.ofAgent("ann").map(Assignments.Held::interaction));

        assertFalse(assignments.endSession(ann, new InHand("pv-1 with ann, another")), "not the agent's session");
        assertFalse(assignments.endSession(ann, null));
        assertEquals(Optional.of(inHand), assignments.sessionOf(ann, InHand.class), "still open");
        assertTrue(assignments.endSession(ann, inHand));
        assertEquals(Optional.empty(), assignments.sessionOf(ann, InHand.class), "over");
        assertEquals(List.of(), assignments.sessions(InHand.class));
        assertEquals(Optional.of(ix), assignments.ofAgent("ann").map(Assignments.Held::interaction),
                "the agent still holds its interaction until it is cleared");
        assertEquals(Optional.of(InteractionIds.Owner.PREVIEW), assignments.owner(ann));
        assertFalse(assignments.endSession(ann, inHand), "ended once");
    }

    @Test
    void everyOpenSessionIsFoundInTheOrderTheSessionsWereOpened() {
        Agent ann = agent("ann");
        Agent bob = agent("bob");
        Agent cid = agent("cid");
        Agent dee = agent("dee");
        assignments.give(ann, InteractionIds.Owner.PREVIEW, interaction("pv-1"));
        assignments.give(bob, InteractionIds.Owner.PUSH_PREVIEW, interaction("pp-1"));
        assignments.give(cid, InteractionIds.Owner.PREVIEW, interaction("pv-2"));
        assignments.give(dee, InteractionIds.Owner.PROGRESSIVE, interaction("ix-1"));
        InHand withBob = new InHand("bob");
        InHand withAnn = new InHand("ann");
        Other withCid = new Other("cid");
        assignments.openSession(bob, withBob);
        assignments.openSession(cid, withCid);
        assignments.openSession(ann, withAnn);
        assignments.offer(dee, new Shown("dee"));
        assertEquals(List.of(withBob, withAnn), assignments.sessions(InHand.class), "in the order opened, not given");
        assertEquals(List.of(withBob, withCid, withAnn), assignments.sessions(Assignments.Session.class),
                "an offer is not a session");

        assignments.endSession(bob, withBob);
        bob.interaction(null);
        assignments.give(bob, InteractionIds.Owner.PREVIEW, interaction("pv-3"));
        InHand withBobAgain = new InHand("bob again");
        assignments.openSession(bob, withBobAgain);
        assertEquals(List.of(withAnn, withBobAgain), assignments.sessions(InHand.class), "a new session comes last");
    }

    @Test
    void aSessionIsOnlyForTheInteractionTheAgentHoldsNowAndOneAtATimeNeverBesideAnOffer() {
        Agent ann = agent("ann");
        assertThrows(IllegalStateException.class, () -> assignments.openSession(ann, new InHand("nothing given")));
        Interaction ix = interaction("pv-1");
        assignments.give(ann, InteractionIds.Owner.PREVIEW, ix);
        InHand inHand = new InHand("pv-1");
        assignments.openSession(ann, inHand);
        assertThrows(IllegalStateException.class, () -> assignments.openSession(ann, new InHand("a second")));
        assertThrows(IllegalStateException.class, () -> assignments.offer(ann, new Shown("over a session")));
        assertThrows(IllegalStateException.class,
                () -> assignments.give(ann, InteractionIds.Owner.PROGRESSIVE, interaction("ix-1")),
                "no interaction is given over an open session");
        assertSame(ix, ann.interaction(), "the agent still holds the record in hand");
        assertEquals(Optional.of(inHand), assignments.sessionOf(ann, InHand.class));
        assertEquals(Optional.empty(), assignments.offerOf(ann, Shown.class));

        assignments.endSession(ann, inHand);
        assignments.give(ann, InteractionIds.Owner.PROGRESSIVE, interaction("ix-1"));
        assertEquals(Optional.of(InteractionIds.Owner.PROGRESSIVE), assignments.owner(ann),
                "once the session ended, the agent may be given another interaction");
    }

    @Test
    void aPushedRecordsSessionOpensOnceItsOfferEndedOnTheSameHolding() {
        Agent bob = agent("bob");
        Interaction ix = interaction("pp-1");
        assignments.give(bob, InteractionIds.Owner.PUSH_PREVIEW, ix);
        Shown shown = new Shown("pp-1");
        assignments.offer(bob, shown);
        assertThrows(IllegalStateException.class, () -> assignments.openSession(bob, new InHand("before Accept")));
        assertTrue(assignments.endOffer(bob, shown));
        InHand inHand = new InHand("pp-1 accepted");
        assignments.openSession(bob, inHand);
        assertEquals(Optional.of(inHand), assignments.sessionOf(bob, InHand.class));
        assertEquals(Optional.of(ix), assignments.ofAgent("bob").map(Assignments.Held::interaction));
        assertEquals(Optional.of(InteractionIds.Owner.PUSH_PREVIEW), assignments.owner(bob),
                "still the push desk's holding");
    }

    @Test
    void aSessionGoesWithTheHoldingWhenTheAgentNoLongerHoldsItsInteraction() {
        Agent ann = agent("ann");
        assignments.give(ann, InteractionIds.Owner.PREVIEW, interaction("pv-1"));
        InHand inHand = new InHand("pv-1");
        assignments.openSession(ann, inHand);
        ann.interaction(null);
        assertEquals(List.of(), assignments.sessions(InHand.class), "a stale holding has no open session");
        assertEquals(Optional.empty(), assignments.sessionOf(ann, InHand.class));
        assertFalse(assignments.endSession(ann, inHand));
    }

    @Test
    void aTransferOfTheSessionsCallGivesTheTargetAHoldingWithoutASessionAndLeavesTheAgentsOwn() {
        Agent ann = agent("ann");
        Agent bob = agent("bob");
        Interaction ix = interaction("pv-1");
        assignments.give(ann, InteractionIds.Owner.PREVIEW, ix);
        InHand inHand = new InHand("pv-1");
        assignments.openSession(ann, inHand);
        assignments.addPreview("pv-1", InteractionIds.Owner.PREVIEW, "spring", null, new Assignments.Handover() {
            @Override
            public boolean agentOnCall() {
                return true;
            }

            @Override
            public void transferred(Agent target, Interaction targetInteraction, boolean recordFollows) {
            }
        });
        Interaction bobs = interaction("pv-1");
        assertTrue(assignments.giveTarget("pv-1", bob, bobs));
        assertEquals(Optional.empty(), assignments.sessionOf(bob, InHand.class), "the target has no session");
        assertTrue(assignments.transferred("pv-1", bob, bobs, true));
        assertEquals(Optional.of(InteractionIds.Owner.PREVIEW), assignments.owner(bob));
        assertEquals(Optional.empty(), assignments.sessionOf(bob, InHand.class), "still none once handed on");
        assertEquals(Optional.of(inHand), assignments.sessionOf(ann, InHand.class),
                "ann keeps her record in hand to wrap up and Mark Done");
        assertEquals(List.of(inHand), assignments.sessions(InHand.class));
    }
}
