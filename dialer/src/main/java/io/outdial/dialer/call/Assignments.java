package io.outdial.dialer.call;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.InteractionIds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one registry of live contact calls, whatever dialing mode placed them: by interaction id, each call with the
 * mode that owns it and that mode's answer to a transfer. Every mode adds its call when it places the contact and
 * removes it when the call is over, so "the call of interaction X" (Transfer, Conference, Consult, Hold, End Call) is
 * one lookup, and a completed transfer is told to the one owner of the call. Dialer executor only.
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

    private final Map<String, Assignment> byInteraction = new LinkedHashMap<>();

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
        a.handover().transferred(target, targetInteraction, recordFollows);
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
