package io.outdial.dialer.call;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.InteractionIds;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one registry of live contact calls, whatever dialing mode placed them: by interaction id, each call with the
 * mode that owns it and that mode's answer to a transfer. Every mode adds its call when it places the contact and
 * removes it when the call is over, so "the call of interaction X" (Transfer, Conference, Consult, Hold, End Call) is
 * one lookup, and a completed transfer is told to the one owner of the call.
 *
 * <p>Also by agent: which mode gave each agent the interaction it holds ({@link #give}, {@link #ofAgent},
 * {@link #owner}). An agent holds its interaction from its reservation until the interaction is replaced or done, so
 * through after-call work, when its call is already gone; a transfer moves the call's holding to the target agent.
 * Dialer executor only.
 */
public final class Assignments {

    /** What the owning mode does when an agent hands its call on. */
    public interface Handover {
        /** True while an agent talks to the contact on this call (the call a transfer or conference can take). */
        boolean agentOnCall();

        /**
         * A transfer (or a conference its agent left) handed the call to {@code target} with
         * {@code targetInteraction} (both null: an outside number): the agent who had it wraps up, and the call's
         * end now belongs to the target. With {@code recordFollows} the target's interaction owns the record.
         */
        void transferred(Agent target, Interaction targetInteraction, boolean recordFollows);
    }

    /**
     * One live contact call and its owner.
     *
     * @param owner the dialing mode that placed it (also the prefix of its id)
     */
    public record Assignment(String interactionId, InteractionIds.Owner owner, String campaign, TransferableCall call,
                             Handover handover) { }

    /**
     * The interaction a dialing mode gave an agent (a transfer or conference target's: its own interaction of the
     * same record, owned by the call's mode).
     */
    public record Held(Agent agent, InteractionIds.Owner owner, Interaction interaction) {
        /** True while the agent still holds this interaction (it was not replaced or done since). */
        boolean current() {
            return agent.interaction() == interaction;
        }
    }

    private final Map<String, Assignment> byInteraction = new LinkedHashMap<>();
    /** By agent id; an entry whose agent holds another interaction since is stale and dropped when looked up. */
    private final Map<String, Held> byAgent = new HashMap<>();
    private final CallCounts calls = new CallCounts();

    /** The paced modes' calls in progress, and the one idle question (no call of any of them left). */
    public CallCounts calls() {
        return calls;
    }

    /** {@code owner} gives {@code agent} the interaction it works now (its reservation, or a new record shown). */
    public void give(Agent agent, InteractionIds.Owner owner, Interaction interaction) {
        agent.interaction(interaction);
        byAgent.put(agent.id(), new Held(agent, owner, interaction));
    }

    /** The interaction the agent holds and the mode that gave it, if a mode did and the agent still holds it. */
    public Optional<Held> ofAgent(String agentId) {
        Held h = byAgent.get(agentId);
        if (h != null && !h.current()) {
            byAgent.remove(agentId);
            return Optional.empty();
        }
        return Optional.ofNullable(h);
    }

    /** The mode that owns the interaction {@code agent} holds (also in after-call work), if any. */
    public Optional<InteractionIds.Owner> owner(Agent agent) {
        return ofAgent(agent.id()).map(Held::owner);
    }

    /** Registers a call its mode has just placed; an id is never registered twice while its call is up. */
    public Assignment add(String interactionId, InteractionIds.Owner owner, String campaign, TransferableCall call,
                          Handover handover) {
        Assignment a = new Assignment(interactionId, owner, campaign, call, handover);
        Assignment previous = byInteraction.putIfAbsent(interactionId, a);
        if (previous != null) {
            throw new IllegalStateException("interaction " + interactionId + " already has a live call ("
                    + previous.owner() + ")");
        }
        return a;
    }

    /** The call of {@code interactionId} is over; nothing if it was not registered. */
    public void remove(String interactionId) {
        byInteraction.remove(interactionId);
    }

    /** The live contact call of an interaction, in any phase (Hold, End Call), if it is still up. */
    public Optional<TransferableCall> callOf(String interactionId) {
        return Optional.ofNullable(byInteraction.get(interactionId)).map(Assignment::call);
    }

    /** The live call of an interaction whose agent talks to the contact: the call a transfer or conference takes. */
    public Optional<TransferableCall> transferableCallOf(String interactionId) {
        return Optional.ofNullable(byInteraction.get(interactionId)).filter(a -> a.handover().agentOnCall())
                .map(Assignment::call);
    }

    /**
     * Tells the owner of {@code interactionId}'s call that a transfer handed it on (see {@link Handover#transferred});
     * without {@code recordFollows} the target's interaction does not own the record. False if no agent is on a live
     * call of that interaction.
     */
    public boolean transferred(String interactionId, Agent target, Interaction targetInteraction,
                               boolean recordFollows) {
        Assignment a = byInteraction.get(interactionId);
        if (a == null || !a.handover().agentOnCall()) {
            return false;
        }
        if (targetInteraction != null && !recordFollows) {
            targetInteraction.ownsRecord(false);
        }
        if (target != null && targetInteraction != null) {
            byAgent.put(target.id(), new Held(target, a.owner(), targetInteraction));
        }
        a.handover().transferred(target, targetInteraction, recordFollows);
        return true;
    }

    /**
     * A transfer or conference target is reserved with {@code targetInteraction}, its own interaction of
     * {@code interactionId}'s record: it holds it for the live call's mode. False (nothing recorded, the interaction
     * given all the same) if that interaction has no live call.
     */
    public boolean giveTarget(String interactionId, Agent target, Interaction targetInteraction) {
        Assignment a = byInteraction.get(interactionId);
        if (a == null) {
            target.interaction(targetInteraction);
            return false;
        }
        give(target, a.owner(), targetInteraction);
        return true;
    }

    /** The owner of a live call, if any. */
    public Optional<InteractionIds.Owner> ownerOf(String interactionId) {
        return Optional.ofNullable(byInteraction.get(interactionId)).map(Assignment::owner);
    }

    /** Live calls registered by {@code owner}. */
    public int count(InteractionIds.Owner owner) {
        int n = 0;
        for (Assignment a : byInteraction.values()) {
            if (a.owner() == owner) {
                n++;
            }
        }
        return n;
    }

    /** Live calls of every mode. */
    public int size() {
        return byInteraction.size();
    }
}
