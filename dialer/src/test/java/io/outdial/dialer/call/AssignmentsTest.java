package io.outdial.dialer.call;

import static io.outdial.dialer.call.HoldingFixtures.agent;
import static io.outdial.dialer.call.HoldingFixtures.interaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentProfile;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.media.StreamStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The one registry of live calls: one lookup whatever the mode, a transfer told to the call's owner only. */
class AssignmentsTest {
    private final Assignments assignments = new Assignments();
    private final List<String> told = new ArrayList<>();

    /** A call that is never driven: the registry only holds it. */
    private record Call(String id) implements TransferableCall {
        @Override
        public void drop() {
        }

        @Override
        public SideCalls sides() {
            throw new UnsupportedOperationException();
        }

        @Override
        public StreamStats agentMedia() {
            throw new UnsupportedOperationException();
        }
    }

    private final class Owner implements Assignments.Handover {
        private final String name;
        boolean agentOnCall;

        Owner(String name, boolean agentOnCall) {
            this.name = name;
            this.agentOnCall = agentOnCall;
        }

        @Override
        public boolean agentOnCall() {
            return agentOnCall;
        }

        @Override
        public void transferred(Agent target, Interaction targetInteraction, boolean recordFollows) {
            told.add(name + " to " + (target == null ? "outside" : target.id()) + (recordFollows ? " with" : " without")
                    + " the record");
        }
    }


    @Test
    void everyModesCallIsFoundByItsInteractionAndGoneOnceRemoved() {
        Call progressive = new Call("ix-1");
        Call preview = new Call("pv-1");
        assignments.add("ix-1", InteractionIds.Owner.PROGRESSIVE, "spring", progressive, new Owner("ix", true));
        assignments.add("pv-1", InteractionIds.Owner.PREVIEW, "spring", preview, new Owner("pv", false));
        assertEquals(Optional.of(progressive), assignments.callOf("ix-1"));
        assertEquals(Optional.of(preview), assignments.callOf("pv-1"));
        assertEquals(Optional.of(InteractionIds.Owner.PREVIEW), assignments.ownerOf("pv-1"));
        assertEquals(1, assignments.count(InteractionIds.Owner.PROGRESSIVE));
        assertEquals(2, assignments.size());
        assignments.remove("ix-1");
        assertEquals(Optional.empty(), assignments.callOf("ix-1"));
        assertEquals(1, assignments.size());
    }

    @Test
    void aPreviewDesksCallIsCountedFromItsRegistrationToItsRemoval() {
        assignments.addPreview("pv-1", InteractionIds.Owner.PREVIEW, "spring", new Call("pv-1"), new Owner("pv", true));
        assignments.add("ix-1", InteractionIds.Owner.PROGRESSIVE, "spring", new Call("ix-1"), new Owner("ix", true));
        CompletableFuture<Void> idle = assignments.calls().idle();
        assertEquals(1, assignments.calls().previews());
        assertEquals(0, assignments.calls().inProgress(), "a paced call is its mode's to count");
        assignments.remove("ix-1");
        assertFalse(idle.isDone(), "the preview call is still up");
        assertTrue(assignments.callOf("pv-1").isPresent());
        assignments.remove("pv-1");
        assertTrue(idle.isDone());
        assignments.remove("pv-1");
        assertEquals(0, assignments.calls().previews(), "removed once, counted once");
    }

    @Test
    void aModeFindsItsOwnCallsByTheirStatesTypeAndItsLinesApartFromTheContactCalls() {
        Owner first = new Owner("ix", true);
        Owner second = new Owner("ix", false);
        Owner engagedContact = new Owner("ac", false);
        String engagement = "the engaged agent's call";
        assignments.add("ix-1", InteractionIds.Owner.PROGRESSIVE, "spring", new Call("ix-1"), first);
        assignments.add("pv-1", InteractionIds.Owner.PREVIEW, "spring", new Call("pv-1"), new Owner("pv", false));
        assignments.add("ix-2", InteractionIds.Owner.PROGRESSIVE, "spring", new Call("ix-2"), second);
        assignments.addLine("ac-1", InteractionIds.Owner.ENGAGED, "spring", engagement);
        assignments.add("ac-1", InteractionIds.Owner.ENGAGED, "spring", new Call("ac-1"), engagedContact);

        assertEquals(Optional.of(first), assignments.stateOf("ix-1", Owner.class));
        assertEquals(Optional.empty(), assignments.stateOf("ix-1", String.class), "not a state of that type");
        assertEquals(List.of(first, second), assignments.states(InteractionIds.Owner.PROGRESSIVE, Owner.class));
        assertEquals(List.of("ix-1", "ix-2"), assignments.all(InteractionIds.Owner.PROGRESSIVE).stream()
                .map(Assignments.Assignment::interactionId).toList());
        assertEquals(Optional.of(engagedContact), assignments.stateOf("ac-1", Owner.class),
                "the first contact of an engagement shares its id, apart from the line");
        assertEquals(Optional.of(engagement), assignments.lineOf("ac-1", String.class));
        assertEquals(List.of(engagement), assignments.lines(InteractionIds.Owner.ENGAGED, String.class));
        assertEquals(List.of(engagement), assignments.every(String.class));
        assertEquals(4, assignments.every(Owner.class).size());
        assertThrows(IllegalStateException.class,
                () -> assignments.addLine("ac-1", InteractionIds.Owner.ENGAGED, "spring", engagement));

        assignments.removeLine("ac-1");
        assignments.remove("ix-1");
        assertEquals(Optional.empty(), assignments.lineOf("ac-1", String.class));
        assertEquals(Optional.of(engagedContact), assignments.stateOf("ac-1", Owner.class));
        assertEquals(List.of(second), assignments.states(InteractionIds.Owner.PROGRESSIVE, Owner.class));
        assertEquals(0, assignments.lineCount());
    }

    @Test
    void onlyACallWithItsAgentOnItCanBeHandedOn() {
        Owner ringing = new Owner("px", false);
        assignments.add("px-1", InteractionIds.Owner.PREDICTIVE, "spring", new Call("px-1"), ringing);
        assertEquals(Optional.empty(), assignments.transferableCallOf("px-1"));
        assertFalse(assignments.transferred("px-1", null, null, false));
        ringing.agentOnCall = true;
        assertTrue(assignments.transferableCallOf("px-1").isPresent());
        assertTrue(assignments.transferred("px-1", null, null, false));
        assertEquals(List.of("px to outside without the record"), told);
        assertFalse(assignments.transferred("px-9", null, null, true), "no such call");
    }

    @Test
    void aTargetThatDoesNotTakeTheRecordIsToldBeforeTheOwner() {
        assignments.add("ac-1", InteractionIds.Owner.ENGAGED, "spring", new Call("ac-1"), new Owner("ac", true));
        Agent target = new Agent(new AgentProfile("agent2", "s", null, false, Duration.ZERO));
        Interaction kept = interaction("ac-1");
        assignments.transferred("ac-1", target, kept, false);
        assertFalse(kept.ownsRecord());
        Interaction follows = interaction("ac-1");
        assignments.transferred("ac-1", target, follows, true);
        assertTrue(follows.ownsRecord());
        assertEquals(List.of("ac to agent2 without the record", "ac to agent2 with the record"), told);
    }

    @Test
    void anInteractionHasOneLiveCallAtATime() {
        assignments.add("ix-1", InteractionIds.Owner.PROGRESSIVE, "spring", new Call("ix-1"), new Owner("ix", true));
        assertThrows(IllegalStateException.class, () -> assignments.add("ix-1", InteractionIds.Owner.PROGRESSIVE,
                "spring", new Call("ix-1"), new Owner("ix", true)));
    }


    @Test
    void anAgentHoldsTheInteractionItsModeGaveItThroughAfterCallWorkUntilItIsDone() {
        Agent ann = agent("ann");
        Interaction ix = interaction("px-1");
        assertEquals(Optional.empty(), assignments.owner(ann));
        assignments.give(ann, InteractionIds.Owner.PREDICTIVE, ix);
        assertTrue(ann.interaction() == ix, "the agent is given the interaction");
        assertEquals(Optional.of(InteractionIds.Owner.PREDICTIVE), assignments.owner(ann));
        assignments.add("px-1", InteractionIds.Owner.PREDICTIVE, "spring", new Call("px-1"), new Owner("px", true));
        assignments.remove("px-1");
        assertEquals(Optional.empty(), assignments.callOf("px-1"));
        assertEquals(Optional.of(ix), assignments.ofAgent("ann").map(Assignments.Held::interaction),
                "wrapping up, the agent still holds its interaction");
        ann.interaction(null);
        assertEquals(Optional.empty(), assignments.ofAgent("ann"), "done: the agent holds nothing");
        assertEquals(Optional.empty(), assignments.owner(ann));
    }

    @Test
    void aNewInteractionReplacesTheOneTheAgentHeld() {
        Agent ann = agent("ann");
        assignments.give(ann, InteractionIds.Owner.ENGAGED, interaction("ac-1"));
        Interaction next = interaction("pv-1");
        assignments.give(ann, InteractionIds.Owner.PREVIEW, next);
        assertEquals(Optional.of(InteractionIds.Owner.PREVIEW), assignments.owner(ann));
        ann.interaction(interaction("zz-1"));
        assertEquals(Optional.empty(), assignments.owner(ann), "an interaction no mode gave has no owner");
    }

    @Test
    void aTransferMovesTheCallToItsTargetAgentWhileTheAgentWhoHadItWrapsUp() {
        Agent ann = agent("ann");
        Agent bob = agent("bob");
        Interaction annIx = interaction("px-1");
        assignments.give(ann, InteractionIds.Owner.PREDICTIVE, annIx);
        assignments.add("px-1", InteractionIds.Owner.PREDICTIVE, "spring", new Call("px-1"), new Owner("px", true));
        Interaction bobIx = interaction("px-1");
        assertTrue(assignments.giveTarget("px-1", bob, bobIx));
        assertTrue(bob.interaction() == bobIx, "the target is given its own interaction");
        assertEquals(Optional.of(InteractionIds.Owner.PREDICTIVE), assignments.owner(bob),
                "the target holds it for the call's mode");
        assignments.transferred("px-1", bob, bobIx, true);
        assertEquals(Optional.of(bobIx), assignments.ofAgent("bob").map(Assignments.Held::interaction));
        assertEquals(Optional.of(annIx), assignments.ofAgent("ann").map(Assignments.Held::interaction),
                "the agent who had the call wraps up its own interaction");

        Agent cid = agent("cid");
        Interaction cidIx = interaction("px-1");
        cid.interaction(cidIx);
        assignments.transferred("px-1", cid, cidIx, true);
        assertEquals(Optional.of(InteractionIds.Owner.PREDICTIVE), assignments.owner(cid),
                "handed on again: the transfer moves the call's holding to the new target");
    }

    @Test
    void aTargetOfAnInteractionWithNoLiveCallHoldsItForNoMode() {
        Agent bob = agent("bob");
        Interaction bobIx = interaction("ix-7");
        assertFalse(assignments.giveTarget("ix-7", bob, bobIx));
        assertTrue(bob.interaction() == bobIx);
        assertEquals(Optional.empty(), assignments.owner(bob));
    }
}
