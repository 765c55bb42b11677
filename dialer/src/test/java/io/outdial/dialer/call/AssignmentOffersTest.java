package io.outdial.dialer.call;

import static io.outdial.dialer.call.HoldingFixtures.agent;
import static io.outdial.dialer.call.HoldingFixtures.interaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.InteractionIds;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The registry's agent entry carries the offer in front of the agent (an interaction preview) as its holding's
 * state: kept from the offer to its end with the interaction the agent holds, found by agent and all together in the
 * order they were made, and never lost to a new interaction given over it.
 */
class AssignmentOffersTest {
    private final Assignments assignments = new Assignments();

    private record Shown(String name) implements Assignments.Offer { }

    private record Other(String name) implements Assignments.Offer { }



    @Test
    void anOfferIsKeptWithTheAgentsHoldingUntilItEndsAndTheAgentStillHoldsItsInteraction() {
        Agent ann = agent("ann");
        Interaction ix = interaction("ix-1");
        assignments.give(ann, InteractionIds.Owner.PROGRESSIVE, ix);
        assertEquals(Optional.empty(), assignments.offerOf(ann, Shown.class), "given, nothing offered yet");
        Shown shown = new Shown("ix-1 to ann");
        assignments.offer(ann, shown);
        assertEquals(Optional.of(shown), assignments.offerOf(ann, Shown.class));
        assertEquals(Optional.of(shown), assignments.ofAgent("ann").map(Assignments.Held::offer));
        assertEquals(Optional.empty(), assignments.offerOf(ann, Other.class), "found by its type");
        assertEquals(Optional.of(InteractionIds.Owner.PROGRESSIVE), assignments.owner(ann),
                "the offer does not change who gave the interaction");

        assertFalse(assignments.endOffer(ann, new Shown("ix-1 to ann, another")), "not the agent's open offer");
        assertEquals(Optional.of(shown), assignments.offerOf(ann, Shown.class), "still open");
        assertTrue(assignments.endOffer(ann, shown));
        assertEquals(Optional.empty(), assignments.offerOf(ann, Shown.class), "over");
        assertEquals(List.of(), assignments.offers(Shown.class));
        assertEquals(Optional.of(ix), assignments.ofAgent("ann").map(Assignments.Held::interaction),
                "accepted: the agent still holds the interaction, for its mode");
        assertEquals(Optional.of(InteractionIds.Owner.PROGRESSIVE), assignments.owner(ann));
        assertFalse(assignments.endOffer(ann, shown), "ended once");
    }

    @Test
    void everyOpenOfferIsFoundInTheOrderTheOffersWereMade() {
        Agent ann = agent("ann");
        Agent bob = agent("bob");
        Agent cid = agent("cid");
        assignments.give(ann, InteractionIds.Owner.PUSH_PREVIEW, interaction("pp-1"));
        assignments.give(bob, InteractionIds.Owner.PROGRESSIVE, interaction("ix-1"));
        assignments.give(cid, InteractionIds.Owner.PREDICTIVE, interaction("px-1"));
        Shown toBob = new Shown("bob");
        Shown toAnn = new Shown("ann");
        Other toCid = new Other("cid");
        assignments.offer(bob, toBob);
        assignments.offer(cid, toCid);
        assignments.offer(ann, toAnn);
        assertEquals(List.of(toBob, toAnn), assignments.offers(Shown.class), "in the order offered, not given");

        assignments.endOffer(bob, toBob);
        Interaction again = interaction("ix-2");
        bob.interaction(null);
        assignments.give(bob, InteractionIds.Owner.PROGRESSIVE, again);
        Shown toBobAgain = new Shown("bob again");
        assignments.offer(bob, toBobAgain);
        assertEquals(List.of(toAnn, toBobAgain), assignments.offers(Shown.class), "a new offer comes last");
    }

    @Test
    void anOfferIsOnlyForTheInteractionTheAgentHoldsNowAndOneAtATime() {
        Agent ann = agent("ann");
        assertThrows(IllegalStateException.class, () -> assignments.offer(ann, new Shown("nothing given")));
        Interaction ix = interaction("pp-1");
        assignments.give(ann, InteractionIds.Owner.PUSH_PREVIEW, ix);
        Shown shown = new Shown("pp-1");
        assignments.offer(ann, shown);
        assertThrows(IllegalStateException.class, () -> assignments.offer(ann, new Shown("a second")));
        assertThrows(IllegalStateException.class,
                () -> assignments.give(ann, InteractionIds.Owner.PROGRESSIVE, interaction("ix-1")),
                "no interaction is given over an open offer");
        assertTrue(ann.interaction() == ix, "the agent still holds the offered interaction");
        assertEquals(Optional.of(shown), assignments.offerOf(ann, Shown.class));

        assignments.endOffer(ann, shown);
        assignments.give(ann, InteractionIds.Owner.PROGRESSIVE, interaction("ix-1"));
        assertEquals(Optional.of(InteractionIds.Owner.PROGRESSIVE), assignments.owner(ann),
                "once the offer ended, the agent may be given another interaction");
    }

    @Test
    void anOfferGoesWithTheHoldingWhenTheAgentNoLongerHoldsItsInteraction() {
        Agent ann = agent("ann");
        assignments.give(ann, InteractionIds.Owner.PUSH_PREVIEW, interaction("pp-1"));
        Shown shown = new Shown("pp-1");
        assignments.offer(ann, shown);
        ann.interaction(null);
        assertEquals(List.of(), assignments.offers(Shown.class), "a stale holding has no open offer");
        assertEquals(Optional.empty(), assignments.offerOf(ann, Shown.class));
        assertFalse(assignments.endOffer(ann, shown));
    }
}
