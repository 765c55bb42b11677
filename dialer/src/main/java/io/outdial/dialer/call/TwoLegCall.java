package io.outdial.dialer.call;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Cancellable;
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
 * conference, consultation: {@link SideCalls}) composed in. What differs between calls (who is dialed first, what a
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
    private final CallExecutor executor;
    private final SipUserAgent userAgent;
    private final Script script;
    private final SideCalls sides;
    /** Volatile only so that {@link #contactMedia()} may be read from another thread. */
    private volatile Leg contact;
    /** Volatile only so that {@link #agentMedia()} may be read from another thread. */
    private volatile Leg agent;
    private CallResult result;
    /** Contact and agent were bridged (the call may have moved on since). */
    private boolean agentConnected;
    /** The agent's phone failed (busy, unreachable, not answering; not a cancel of ours). */
    private boolean agentFailed;
    /** When the contact's answer reached this call (its 200 OK, on the call's clock); null before. */
    private volatile Instant contactAnsweredAt;
    private Cancellable reapTimer = () -> { };

    /** @param holdMusic looped to a contact on hold, or null for silence */
    public TwoLegCall(String id, CallExecutor executor, SipUserAgent userAgent, MediaEngine media, MediaClip holdMusic,
                      Script script) {
        this.id = Objects.requireNonNull(id);
        this.executor = executor;
        this.userAgent = userAgent;
        this.script = script;
        this.sides = new SideCalls(id, executor, userAgent, new Lent(), media, holdMusic);
    }

    public String id() {
        return id;
    }

    public CallExecutor executor() {
        return executor;
    }

    public SideCalls sides() {
        return sides;
    }

    /** The contact's leg, or null before it is dialed. */
    public Leg contact() {
        return contact;
    }

    /** The agent's leg (the target's once a side call handed it the contact), or null before there is one. */
    public Leg agent() {
        return agent;
    }

    /** The agent's leg is {@code leg} (an engaged agent's, dialed by its engaging call). */
    void agent(Leg leg) {
        agent = leg;
    }

    /** Dials the contact; its events reach {@code listener}, guarded. */
    public void dialContact(DialRequest request, LegListener listener) {
        contact = userAgent.dial(request, executor, guarded(listener));
    }

    /** Dials the agent's phone; its events reach {@code listener}, guarded. */
    public void dialAgent(DialRequest request, LegListener listener) {
        agent = userAgent.dial(request, executor, guarded(listener));
    }

    /** Bridges contact and agent (from now on the agent counts as connected), and tells the side calls. */
    public void bridge() {
        agentConnected = true;
        sides.connected(userAgent.bridge(contact, agent));
    }

    /** Whether the agent's phone failed, for the outcome (the latest word counts). */
    public void agentFailed(boolean failed) {
        agentFailed = failed;
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
        return () -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                script.failedHere().accept(e);
            }
        };
    }

    /** {@code listener}, with our own failure in it handed to {@link Script#failedHere()}. */
    public LegListener guarded(LegListener listener) {
        return event -> {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                script.failedHere().accept(e);
            }
        };
    }

    public void hangUpContact() {
        if (contact != null) {
            contact.hangup();
        }
    }

    public void hangUpAgent() {
        if (agent != null) {
            agent.hangup();
        }
    }

    public void hangUpBoth() {
        hangUpContact();
        hangUpAgent();
    }

    /** True when neither leg is up (never dialed, or terminal). */
    public boolean bothGone() {
        return gone(contact) && gone(agent);
    }

    private static boolean gone(Leg leg) {
        return leg == null || leg.state().isTerminal();
    }

    /** The outcome once both legs are gone; a contact never attempted has no result. */
    public CallOutcome outcome(boolean contactAttempted) {
        return new CallOutcome(contactAttempted ? result : CallResult.UNKNOWN, contactAttempted, agentConnected,
                agentFailed, CallOutcome.mediaOf(contact), CallOutcome.mediaOf(agent));
    }

    /** The RTP counters of the contact's leg; safe from any thread. */
    public StreamStats contactMedia() {
        return CallOutcome.mediaOf(contact);
    }

    /** The RTP counters of the agent's leg; safe from any thread. */
    public StreamStats agentMedia() {
        return CallOutcome.mediaOf(agent);
    }

    /** When the contact's INVITE went out; empty if it never did. Safe from any thread. */
    public Optional<Instant> contactInviteSent() {
        Leg c = contact;
        return Optional.ofNullable(c == null ? null : c.inviteSent());
    }

    /** The contact's answer reached the call now (the first answer counts). */
    public void contactAnswered() {
        if (contactAnsweredAt == null) {
            contactAnsweredAt = executor.scheduler().now();
        }
    }

    /** From the contact's 200 OK to the agent's INVITE on the wire, once both happened. Safe from any thread. */
    public Optional<Duration> answerToAgentInvite() {
        Instant answered = contactAnsweredAt;
        Leg a = agent;
        Instant sent = a == null ? null : a.inviteSent();
        return answered == null || sent == null ? Optional.empty() : Optional.of(Duration.between(answered, sent));
    }

    /**
     * The reaper: from now on looks every {@code every} whether every leg is gone while the call is not
     * {@code finished} (an event it never acted on, a path nobody foresaw), which would hold its record, its agent
     * and the calls-in-progress gauge for ever; then {@code reap} finishes it. Looks until the call is finished or
     * {@link #stopReaping}.
     */
    public void reapEvery(Duration every, BooleanSupplier finished, Runnable reap) {
        reapTimer = executor.schedule(every, () -> {
            if (finished.getAsBoolean()) {
                return;
            }
            if (bothGone()) {
                reap.run();
                return;
            }
            reapEvery(every, finished, reap);
        });
    }

    public void stopReaping() {
        reapTimer.cancel();
    }

    /** What the call lends its side calls; call's executor only. */
    private final class Lent implements SideCalls.Host {
        @Override
        public Leg contact() {
            return contact;
        }

        @Override
        public Leg agent() {
            return agent;
        }

        @Override
        public void agentLeg(Leg leg) {
            agent = leg;
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
            script.failedHere().accept(e);
        }

        @Override
        public void releaseContact(CallResult decided) {
            script.release().accept(decided);
            contact.hangup();
        }
    }
}
