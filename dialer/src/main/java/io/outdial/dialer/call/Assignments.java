package io.outdial.dialer.call;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.InteractionIds;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one registry of live contact calls, whatever dialing mode placed them: by interaction id, each call with the
 * mode that owns it and that mode's own state of the call (which also answers a transfer). Every mode adds its call
 * when it places the contact and removes it when the call is over, so "the call of interaction X" (Transfer,
 * Conference, Consult, Hold, End Call) is one lookup, a completed transfer is told to the one owner of the call, and
 * a mode finds its own calls here ({@link #stateOf}, {@link #states}) instead of in a map of its own. The preview
 * desk's calls (preview, push preview) are registered too ({@link #addPreview}), from Call to their end, also after a
 * transfer handed them on; so {@link #calls()} answers "no call of any mode left" for every mode.
 *
 * <p>Also the engaged agents' own calls (assured connection, ASM: {@link #addLine}), which carry that mode's contact
 * calls: by the agent call's id, kept apart from the contact calls because an engagement's id is also the id of the
 * first contact dialed for it.
 *
 * <p>Also by agent: which mode gave each agent the interaction it holds ({@link #give}, {@link #ofAgent},
 * {@link #owner}). An agent holds its interaction from its reservation until the interaction is replaced or done, so
 * through after-call work, when its call is already gone; a transfer moves the call's holding to the target agent.
 * A holding may wait on an offer in front of its agent (an interaction preview: {@link #offer}, {@link #offerOf},
 * {@link #offers}, {@link #endOffer}), so the offers are found by agent here too; and a holding may be worked as a
 * session of its mode across the interaction's calls (a preview record in hand: {@link #openSession},
 * {@link #sessionOf}, {@link #sessions}, {@link #endSession}). Dialer executor only.
 */
public final class Assignments {

    /**
     * The owning mode's own state of one of its live calls (a progressive call, a predictive dial, an engaged contact,
     * a preview call's hand-on), kept in the call's {@link Assignment}; what it must answer is what the mode does when
     * an agent hands the call on.
     */
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
     * @param state the owning mode's own state of the call (its answer to a transfer)
     */
    public record Assignment(String interactionId, InteractionIds.Owner owner, String campaign, TransferableCall call,
                             Handover state) { }

    /**
     * An agent's own call that carries contact calls of its mode (an engaged agent's call), with the mode's state of
     * it.
     */
    public record Line(String id, InteractionIds.Owner owner, String campaign, Object state) { }

    /**
     * What an agent's holding is, besides the interaction, while its mode goes on with it: an {@link Offer} it waits
     * on, or a {@link Session} it is worked in; at most one at a time (a pushed record's session opens once its offer
     * ended). What it is and does is the owning package's; the registry only keeps it with the holding, and lists the
     * agents' open ones in the order they were opened.
     */
    public sealed interface Work permits Offer, Session { }

    /**
     * What an agent's holding waits on before its mode goes on with the interaction: an interaction preview in front
     * of the agent (Accept or Reject), kept with the holding from the offer to its end ({@link #offer},
     * {@link #endOffer}).
     */
    public non-sealed interface Offer extends Work { }

    /**
     * How the agent works the interaction it holds, across the interaction's calls: a preview record in hand, from
     * Get Record (or an accepted push) to Done or Decline, kept with the holding from {@link #openSession} to
     * {@link #endSession}.
     */
    public non-sealed interface Session extends Work { }

    /**
     * The interaction a dialing mode gave an agent (a transfer or conference target's: its own interaction of the
     * same record, owned by the call's mode).
     *
     * @param work the offer the holding waits on ({@link #offer}) or the session it is worked in
     *             ({@link #openSession}), or null
     */
    public record Held(Agent agent, InteractionIds.Owner owner, Interaction interaction, Work work) {
        public Held(Agent agent, InteractionIds.Owner owner, Interaction interaction) {
            this(agent, owner, interaction, null);
        }

        /** The offer in front of the agent that the holding waits on, or null. */
        public Offer offer() {
            return work instanceof Offer o ? o : null;
        }

        /** The session the agent works the interaction in, or null. */
        public Session session() {
            return work instanceof Session s ? s : null;
        }

        /** True while the agent still holds this interaction (it was not replaced or done since). */
        boolean current() {
            return agent.interaction() == interaction;
        }
    }

    private final Map<String, Assignment> byInteraction = new LinkedHashMap<>();
    /** The agents' own calls that carry contact calls (engaged agents'), by the call's id. */
    private final Map<String, Line> lines = new LinkedHashMap<>();
    /**
     * By agent id; an entry whose agent holds another interaction since is stale and dropped when looked up. In the
     * order the open offers were made ({@link #offers}) and the open sessions were opened ({@link #sessions}).
     */
    private final Map<String, Held> byAgent = new LinkedHashMap<>();
    private final CallCounts calls = new CallCounts();
    /** The ids of the live calls registered by the preview desk ({@link #addPreview}), counted by {@link #calls}. */
    private final Set<String> previewCalls = new HashSet<>();

    /**
     * Every mode's calls in progress (the paced modes' by mode, the preview desk's apart), and the one idle question
     * (no call of any mode left).
     */
    public CallCounts calls() {
        return calls;
    }

    /**
     * {@code owner} gives {@code agent} the interaction it works now (its reservation, or a new record shown). Never
     * while the interaction the agent holds waits on an open offer ({@link #offer}) or is worked in an open session
     * ({@link #openSession}): that offer or session ends first.
     */
    public void give(Agent agent, InteractionIds.Owner owner, Interaction interaction) {
        refuseOverWork(agent);
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

    /**
     * The interaction {@code agent} holds now (it was {@linkplain #give given} it and still holds it) waits on
     * {@code offer} until {@link #endOffer}; it is listed last among the open offers. Throws if the agent holds no
     * interaction given here, or one that already waits on an offer or is worked in a session.
     */
    public void offer(Agent agent, Offer offer) {
        open(agent, offer);
    }

    /** The open offer {@code agent}'s interaction waits on, if it is a {@code type}. */
    public <T extends Offer> Optional<T> offerOf(Agent agent, Class<T> type) {
        return workOf(agent, type);
    }

    /** Every agent's open offer that is a {@code type}, in the order they were made (a copy). */
    public <T extends Offer> List<T> offers(Class<T> type) {
        return works(type);
    }

    /**
     * {@code offer}, {@code agent}'s open offer, is over (accepted, rejected, timed out, withdrawn): no longer kept;
     * the agent still holds its interaction (until it is replaced or done). False, nothing changed, if it is not the
     * agent's open offer.
     */
    public boolean endOffer(Agent agent, Offer offer) {
        return end(agent, offer);
    }

    /**
     * The interaction {@code agent} holds now (it was {@linkplain #give given} it and still holds it) is worked in
     * {@code session} until {@link #endSession}; it is listed last among the open sessions. Throws if the agent holds
     * no interaction given here, or one that waits on an open offer or already has a session.
     */
    public void openSession(Agent agent, Session session) {
        open(agent, session);
    }

    /** The open session {@code agent}'s interaction is worked in, if it is a {@code type}. */
    public <T extends Session> Optional<T> sessionOf(Agent agent, Class<T> type) {
        return workOf(agent, type);
    }

    /** Every agent's open session that is a {@code type}, in the order they were opened (a copy). */
    public <T extends Session> List<T> sessions(Class<T> type) {
        return works(type);
    }

    /**
     * {@code session}, {@code agent}'s open session, is over (Done, Decline, the record returned): no longer kept; the
     * agent still holds its interaction until it is replaced or cleared. False, nothing changed, if it is not the
     * agent's open session.
     */
    public boolean endSession(Agent agent, Session session) {
        return end(agent, session);
    }

    /** {@code work} kept with the interaction {@code agent} holds now, listed last among the open ones. */
    private void open(Agent agent, Work work) {
        Held h = ofAgent(agent.id()).orElseThrow(() -> new IllegalStateException("agent " + agent.id()
                + " holds no interaction for " + work));
        refuseOverWork(agent);
        byAgent.remove(agent.id()); // at the end: the open ones in the order they were opened
        byAgent.put(agent.id(), new Held(agent, h.owner(), h.interaction(), work));
    }

    private <T extends Work> Optional<T> workOf(Agent agent, Class<T> type) {
        return ofAgent(agent.id()).map(Held::work).filter(type::isInstance).map(type::cast);
    }

    private <T extends Work> List<T> works(Class<T> type) {
        return ofType(byAgent.values().stream().filter(Held::current).map(Held::work), type);
    }

    private boolean end(Agent agent, Work work) {
        Optional<Held> h = ofAgent(agent.id()).filter(held -> work != null && held.work() == work);
        h.ifPresent(held -> byAgent.put(agent.id(), new Held(agent, held.owner(), held.interaction())));
        return h.isPresent();
    }

    private void refuseOverWork(Agent agent) {
        Optional<Work> open = ofAgent(agent.id()).map(Held::work);
        if (open.isPresent()) {
            throw new IllegalStateException("agent " + agent.id() + " still has " + (open.get() instanceof Offer
                    ? "an offer" : "a session") + " open: " + open.get());
        }
    }

    /**
     * Registers a preview desk's call (preview, push preview) its agent has just placed, as {@link #add} does, and
     * counts it among every mode's calls up ({@link CallCounts#previews()}) until it is {@linkplain #remove removed},
     * so {@link CallCounts#idle()} waits for it.
     */
    public Assignment addPreview(String interactionId, InteractionIds.Owner owner, String campaign,
                                 TransferableCall call, Handover state) {
        Assignment a = add(interactionId, owner, campaign, call, state);
        previewCalls.add(interactionId);
        calls.previewStarted();
        return a;
    }

    /** Registers a call its mode has just placed; an id is never registered twice while its call is up. */
    public Assignment add(String interactionId, InteractionIds.Owner owner, String campaign, TransferableCall call,
                          Handover state) {
        Assignment a = new Assignment(interactionId, owner, campaign, call, state);
        Assignment previous = byInteraction.putIfAbsent(interactionId, a);
        if (previous != null) {
            throw new IllegalStateException("interaction " + interactionId + " already has a live call ("
                    + previous.owner() + ")");
        }
        return a;
    }

    /** The owning mode's state of {@code interactionId}'s live call, if it is up and its state is a {@code type}. */
    public <T> Optional<T> stateOf(String interactionId, Class<T> type) {
        Assignment a = byInteraction.get(interactionId);
        return a != null && type.isInstance(a.state()) ? Optional.of(type.cast(a.state())) : Optional.empty();
    }

    /** The states of {@code owner}'s live calls that are {@code type}s, in the order the calls were placed (a copy). */
    public <T> List<T> states(InteractionIds.Owner owner, Class<T> type) {
        return ofType(byInteraction.values().stream().filter(a -> a.owner() == owner).map(Assignment::state), type);
    }

    /** {@code owner}'s live calls, in the order they were placed (a copy). */
    public List<Assignment> all(InteractionIds.Owner owner) {
        return byInteraction.values().stream().filter(a -> a.owner() == owner).toList();
    }

    /**
     * Every live call's and line's state that is a {@code type}, whatever its owner: the contact calls in the order
     * they were placed, then the lines (a copy).
     */
    public <T> List<T> every(Class<T> type) {
        return ofType(Stream.concat(byInteraction.values().stream().map(Assignment::state),
                lines.values().stream().map(Line::state)), type);
    }

    private static <T> List<T> ofType(Stream<?> states, Class<T> type) {
        return states.filter(type::isInstance).map(type::cast).toList();
    }

    /** Registers an agent's own call that will carry contact calls of {@code owner} (an engaged agent's call). */
    public Line addLine(String id, InteractionIds.Owner owner, String campaign, Object state) {
        Line l = new Line(id, owner, campaign, state);
        Line previous = lines.putIfAbsent(id, l);
        if (previous != null) {
            throw new IllegalStateException("line " + id + " is already up (" + previous.owner() + ")");
        }
        return l;
    }

    /** The agent's call {@code id} is over; nothing if it was not registered. */
    public void removeLine(String id) {
        lines.remove(id);
    }

    /** The owning mode's state of the line {@code id}, if it is up and its state is a {@code type}. */
    public <T> Optional<T> lineOf(String id, Class<T> type) {
        Line l = lines.get(id);
        return l != null && type.isInstance(l.state()) ? Optional.of(type.cast(l.state())) : Optional.empty();
    }

    /** The states of {@code owner}'s lines that are {@code type}s, in the order they were added (a copy). */
    public <T> List<T> lines(InteractionIds.Owner owner, Class<T> type) {
        return ofType(lines.values().stream().filter(l -> l.owner() == owner).map(Line::state), type);
    }

    /** Lines of every mode. */
    public int lineCount() {
        return lines.size();
    }

    /**
     * The call of {@code interactionId} is over; nothing if it was not registered. A preview desk's call
     * ({@link #addPreview}) is no longer counted.
     */
    public void remove(String interactionId) {
        if (byInteraction.remove(interactionId) != null && previewCalls.remove(interactionId)) {
            calls.previewEnded();
        }
    }

    /** The live contact call of an interaction, in any phase (Hold, End Call), if it is still up. */
    public Optional<TransferableCall> callOf(String interactionId) {
        return Optional.ofNullable(byInteraction.get(interactionId)).map(Assignment::call);
    }

    /** The live call of an interaction whose agent talks to the contact: the call a transfer or conference takes. */
    public Optional<TransferableCall> transferableCallOf(String interactionId) {
        return Optional.ofNullable(byInteraction.get(interactionId)).filter(a -> a.state().agentOnCall())
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
        if (a == null || !a.state().agentOnCall()) {
            return false;
        }
        if (targetInteraction != null && !recordFollows) {
            targetInteraction.ownsRecord(false);
        }
        if (target != null && targetInteraction != null) {
            byAgent.put(target.id(), new Held(target, a.owner(), targetInteraction));
        }
        a.state().transferred(target, targetInteraction, recordFollows);
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
