package io.outdial.dialer.call;

import io.outdial.core.exec.CallExecutor;
import io.outdial.dialer.record.CallResult;
import io.outdial.media.MediaEngine;
import io.outdial.media.StreamStats;
import io.outdial.media.player.MediaClip;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegListener;
import io.outdial.sip.SipUserAgent;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The skeleton every two-leg call is built on: a contact leg and an agent leg on the call's serial executor, the first
 * result decided, steps guarded against our own failures, the bridge of the two, and the side calls (hold, transfer,
 * conference, consultation: {@link SideCalls}) composed in; its steps and each of its legs are the single-leg part
 * every call shares ({@link CallSteps}, {@link CallLeg}). What differs between calls (who is dialed first, what a
 * leg's event means, the call's phases) is the owning call's {@link Script}: {@link CampaignCall} (contact first) and
 * {@code preview.PreviewCall} (agent first). Call's executor only, except where a method says otherwise.
 */
public final class TwoLegCall {

    /**
     * What the owning call decides, on the call's executor: whether contact and agent are bridged (and the agent's
     * leg is the call's to release); what an event of the agent's leg means (also of a side call's target once it
     * took the agent's place; called unguarded); our own failure (a bug, a refused bridge, no RTP port: the call is
     * hung up with System Error); and releasing with a result (kept if it is the first decided).
     */
    public record Script(BooleanSupplier bridged, LegListener agentEvents, Consumer<RuntimeException> failedHere,
                         Consumer<CallResult> release) {
    }

    private final String id;
    private final SipUserAgent userAgent;
    private final Script script;
    /** Our own failures guarded, and the reaper. */
    private final CallSteps steps;
    private final CallLeg contact;
    private final CallLeg agent;
    private final SideCalls sides;
    private CallResult result;
    /** Whether contact and agent were bridged, and whether the agent's phone failed (the latest word). */
    private AgentLegFate agentFate = AgentLegFate.UNBRIDGED;
    /** When the contact's answer reached this call (its 200 OK, on the call's clock); null before. */
    private volatile Instant contactAnsweredAt;

    /** @param holdMusic looped to a contact on hold, or null for silence */
    public TwoLegCall(String id, CallExecutor executor, SipUserAgent userAgent, MediaEngine media, MediaClip holdMusic,
                      Script script) {
        this.id = Objects.requireNonNull(id);
        this.userAgent = userAgent;
        this.script = script;
        this.steps = new CallSteps(executor, script.failedHere());
        this.contact = new CallLeg(steps, userAgent);
        this.agent = new CallLeg(steps, userAgent);
        this.sides = new SideCalls(id, executor, userAgent, new Lent(), media, holdMusic);
    }

    public String id() {
        return id;
    }

    public CallExecutor executor() {
        return steps.executor();
    }

    public SideCalls sides() {
        return sides;
    }

    /** The contact's leg, or null before it is dialed. */
    public Leg contact() {
        return contact.leg();
    }

    /** The agent's leg (the target's once a side call handed it the contact), or null before there is one. */
    public Leg agent() {
        return agent.leg();
    }

    /** The agent's leg is {@code leg} (an engaged agent's, dialed by its engaging call). */
    void agent(Leg leg) {
        agent.lend(leg);
    }

    /** Dials the contact; its events reach {@code listener}, guarded. */
    public void dialContact(DialRequest request, LegListener listener) {
        contact.dial(request, listener);
    }

    /** Dials the agent's phone; its events reach {@code listener}, guarded. */
    public void dialAgent(DialRequest request, LegListener listener) {
        agent.dial(request, listener);
    }

    /** Bridges contact and agent (from now on the agent counts as connected), and tells the side calls. */
    public void bridge() {
        agentFate = agentFate.bridged();
        sides.connected(userAgent.bridge(contact.leg(), agent.leg()));
    }

    /** Whether the agent's phone failed, for the outcome (the latest word counts). */
    public void agentFailed(boolean failed) {
        agentFate = agentFate.phoneFailed(failed);
    }

    /**
     * Takes the agent-leg events that are the side calls' business: those of an agent leg a hand-over released on
     * purpose (no news), and the phone's own hold or retrieve (the contact goes on hold or back, as with the
     * desktop's Hold; {@code heldFromPhone} hears of it when it changed the call). True if {@code event} was one.
     */
    public boolean sideCallsTook(LegEvent event, Consumer<Boolean> heldFromPhone) {
        if (sides.isReleasedAgent(event.leg())) {
            return true;
        }
        if (event instanceof LegEvent.HeldByFarEnd held) {
            if (sides.phoneHold(held.held())) {
                heldFromPhone.accept(held.held());
            }
            return true;
        }
        return false;
    }

    /** Whether contact and agent were bridged and the agent's phone failed, as the outcome will tell. */
    AgentLegFate agentFate() {
        return agentFate;
    }

    /** The first result decided, or null. */
    public CallResult result() {
        return result;
    }

    /** Keeps {@code decided} unless a result was decided before. */
    public void decide(CallResult decided) {
        if (result == null) {
            result = decided;
        }
    }

    /** {@code step}, with our own failure in it handed to {@link Script#failedHere()}. */
    public Runnable guarded(Runnable step) {
        return steps.guarded(step);
    }

    /** {@code listener}, with our own failure in it handed to {@link Script#failedHere()}. */
    public LegListener guarded(LegListener listener) {
        return steps.guarded(listener);
    }

    public void hangUpContact() {
        contact.hangUp();
    }

    public void hangUpAgent() {
        agent.hangUp();
    }

    public void hangUpBoth() {
        hangUpContact();
        hangUpAgent();
    }

    /** True when neither leg is up (never dialed, or terminal). */
    public boolean bothGone() {
        return contact.gone() && agent.gone();
    }

    /** The outcome once both legs are gone; a contact never attempted has no result. */
    public CallOutcome outcome(boolean contactAttempted) {
        return new CallOutcome(contactAttempted ? result : CallResult.UNKNOWN, contactAttempted, agentFate.connected(),
                agentFate.phoneFailed(), contact.media(), agent.media());
    }

    /** The RTP counters of the contact's leg; safe from any thread. */
    public StreamStats contactMedia() {
        return contact.media();
    }

    /** The RTP counters of the agent's leg; safe from any thread. */
    public StreamStats agentMedia() {
        return agent.media();
    }

    /** When the contact's INVITE went out; empty if it never did. Safe from any thread. */
    public Optional<Instant> contactInviteSent() {
        return Optional.ofNullable(contact.inviteSent());
    }

    /** The contact's answer reached the call now (the first answer counts). */
    public void contactAnswered() {
        if (contactAnsweredAt == null) {
            contactAnsweredAt = steps.executor().scheduler().now();
        }
    }

    /** From the contact's 200 OK to the agent's INVITE on the wire, once both happened. Safe from any thread. */
    public Optional<Duration> answerToAgentInvite() {
        Instant answered = contactAnsweredAt;
        Instant sent = agent.inviteSent();
        return answered == null || sent == null ? Optional.empty() : Optional.of(Duration.between(answered, sent));
    }

    /**
     * The reaper: from now on looks every {@code every} whether every leg is gone while the call is not
     * {@code finished} (an event it never acted on, a path nobody foresaw), which would hold its record, its agent
     * and the calls-in-progress gauge for ever; then {@code reap} finishes it. Looks until the call is finished or
     * {@link #stopReaping}.
     */
    public void reapEvery(Duration every, BooleanSupplier finished, Runnable reap) {
        steps.reapEvery(every, finished, this::bothGone, reap);
    }

    public void stopReaping() {
        steps.stopReaping();
    }

    /** What the call lends its side calls; call's executor only. */
    private final class Lent implements SideCalls.Host {
        @Override
        public Leg contact() {
            return contact.leg();
        }

        @Override
        public Leg agent() {
            return agent.leg();
        }

        @Override
        public void agentLeg(Leg leg) {
            agent.lend(leg);
        }

        @Override
        public void agentEvent(LegEvent event) {
            guarded(script.agentEvents()).onEvent(event);
        }

        @Override
        public boolean bridged() {
            return script.bridged().getAsBoolean();
        }

        @Override
        public void failed(RuntimeException e) {
            steps.failed(e);
        }

        @Override
        public void releaseContact(CallResult decided) {
            script.release().accept(decided);
            contact.leg().hangup();
        }
    }
}
