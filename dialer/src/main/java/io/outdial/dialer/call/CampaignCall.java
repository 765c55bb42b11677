package io.outdial.dialer.call;

import io.outdial.dialer.config.AudioSettings;
import io.outdial.dialer.config.DetectionSettings;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.FailureResults;
import io.outdial.media.MediaEngine;
import io.outdial.media.Playback;
import io.outdial.media.player.MediaClip;
import io.outdial.media.detect.AmdOutcome;
import io.outdial.media.detect.Detection;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegListener;
import io.outdial.sip.SipUserAgent;
import io.outdial.core.exec.CallExecutor;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One campaign call: dials the contact through the trunk, calls the agent's phone when the contact answers, and
 * bridges the two. Progressive calls know their agent from the start; predictive calls are dialed without one and,
 * once the contact answers, wait for {@link #connectAgent} or {@link #abandon}. Everything runs on the call's own
 * serial executor; the observer is told of milestones there and must hand them off without blocking.
 */
public final class CampaignCall implements TransferableCall {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignCall.class);

    /** Milestones of a call, reported on the call's executor. */
    public interface Observer {
        /** Predictive: the contact answered live and waits for an agent ({@link #connectAgent}) or {@link #abandon}. */
        default void contactAnswered(CampaignCall call) {
        }

        /**
         * Predictive: the analysis let the answered contact through (a person, or a verdict configured to connect);
         * without answering machine detection this follows {@link #contactAnswered} at once.
         */
        default void contactCleared(CampaignCall call, Detection.AmdDecision decision) {
        }

        /** The contact answered and the agent's phone is being called. */
        void agentRinging(CampaignCall call);

        /** Agent and contact are bridged. */
        void connected(CampaignCall call);

        /** The agent held ({@code held}) or retrieved the contact from the phone; the contact hears hold music. */
        default void heldFromPhone(CampaignCall call, boolean held) {
        }

        /** Both legs are gone. Called exactly once. */
        void finished(CampaignCall call, CallOutcome outcome);

        /** Something was heard on the contact's audio (a tone, a fax, silence, a machine verdict). */
        default void detected(CampaignCall call, Detection detection) {
        }

        /**
         * The contact's leg is over (hung up, failed, cancelled); the call may still wait for the agent's leg to end
         * (a CANCEL nobody answers holds it for 32 s). Whatever waited on the contact stops waiting here.
         */
        default void contactGone(CampaignCall call) {
        }

        /** The reaper found both legs gone without the call noticing, and finished it; {@link #finished} follows. */
        default void reaped(CampaignCall call) {
        }
    }

    /** How often a live call looks whether its legs are gone while it did not notice (the reaper). */
    static final java.time.Duration REAP_EVERY = java.time.Duration.ofSeconds(5);

    private final String id;
    private final CallExecutor executor;
    private final SipUserAgent userAgent;
    private final DialRequest contactRequest;
    /** Null for a predictive call until an agent is given. */
    private DialRequest agentRequest;
    private final Observer observer;
    private final ContactAnalysis analysis;
    private final MediaEngine media;
    /** Played to a contact no agent can take (null: the contact is hung up at once). */
    private final MediaClip safeHarbourMessage;
    private Playback safeHarbour;
    /** Hold, transfer and conference of the bridged call. */
    private final SideCalls sides;

    private CallPhase phase = CallPhase.DIALING_CONTACT;
    /** Volatile only so that {@link #contactMedia()} may be read from another thread. */
    private volatile Leg contact;
    /** Volatile only so that {@link #agentMedia()} may be read from another thread. */
    private volatile Leg agent;
    private CallResult result;
    private boolean agentConnected;
    private boolean agentAnswered;
    /** The analysis let the agent in (a person, or a party the campaign connects anyway). */
    private boolean cleared;
    /** A machine gets a message and no agent: the agent's leg was let go on purpose. */
    private boolean agentLetGo;
    private boolean machine;
    private boolean agentFailed;
    private boolean contactAttempted = true;
    /** drop() was asked while dialing: an answer that was already on its way is hung up, not connected. */
    private boolean dropped;
    /** Assured connection / ASM: the agent's leg, already answered, waiting to be bridged once the call is cleared. */
    private Leg engagedAgent;
    private Runnable beforeEngagedBridge;
    private io.outdial.core.exec.Cancellable reapTimer = () -> { };
    /** When the contact's answer reached this call (its 200 OK, on the call's clock); null before. */
    private volatile java.time.Instant contactAnsweredAt;

    /** @param agentRequest the agent's phone, or null for a predictive call whose agent is found at the answer */
    public CampaignCall(String id, CallExecutor executor, SipUserAgent userAgent, DialRequest contactRequest,
                        DialRequest agentRequest, Observer observer, DetectionSettings detection,
                        MediaEngine media, AudioSettings audio) {
        this.id = Objects.requireNonNull(id);
        this.executor = executor;
        this.userAgent = userAgent;
        this.contactRequest = contactRequest;
        this.agentRequest = agentRequest;
        this.observer = observer;
        this.analysis = new ContactAnalysis(detection, media, executor, new Verdicts());
        this.media = media;
        this.safeHarbourMessage = audio == null ? null : audio.safeHarbourMessage();
        this.sides = new SideCalls(id, executor, userAgent, new Lent(), media,
                audio == null ? null : audio.holdMusic());
    }

    @Override
    public String id() {
        return id;
    }

    /** Dials the contact, and from then on looks every {@link #REAP_EVERY} whether the call is stranded. */
    public void start() {
        executor.execute(guarded(() -> contact = userAgent.dial(contactRequest, executor,
                guarded(this::onContactEvent))));
        executor.execute(() -> reapTimer = executor.schedule(REAP_EVERY, this::reapIfLegsGone));
    }

    /**
     * The reaper: every leg of this call is terminal but the call did not finish (an event it never acted on, a
     * path nobody foresaw), so it would hold its record, its agent and the calls-in-progress gauge for ever. It
     * finishes now, with the result already decided or System Error. Call's executor only.
     */
    private void reapIfLegsGone() {
        if (phase == CallPhase.FINISHED) {
            return;
        }
        if (legGone(contact) && legGone(agent)) {
            LOG.warn("call {}: every leg is gone but the call was still {}; reaping it", id, phase);
            release(CallResult.SYSTEM_ERROR);
            observer.reaped(this);
            finishIfBothGone();
            return;
        }
        reapTimer = executor.schedule(REAP_EVERY, this::reapIfLegsGone);
    }

    private static boolean legGone(Leg leg) {
        return leg == null || leg.state().isTerminal();
    }

    /**
     * Our own failure (a bug, a refused bridge, no RTP port) must not strand the call: it is hung up, its result is
     * System Error, and it finishes like any other call once its legs are gone.
     */
    private Runnable guarded(Runnable step) {
        return () -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                failedHere(e);
            }
        };
    }

    private LegListener guarded(LegListener listener) {
        return event -> {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                failedHere(e);
            }
        };
    }

    private void failedHere(RuntimeException e) {
        LOG.error("call {}: failed in the gateway, hanging up", id, e);
        analysis.stop();
        sides.abort();
        release(CallResult.SYSTEM_ERROR);
        hangUpBoth();
        finishIfBothGone();
    }

    /** Ends the call whatever its phase (campaign unloaded, gateway stopping). */
    @Override
    public void drop() {
        executor.execute(() -> {
            analysis.stop();
            sides.abort();
            switch (phase) {
                case DIALING_CONTACT -> {
                    dropped = true;
                    if (contact != null) {
                        contact.hangup();
                    }
                }
                case WAITING_FOR_AGENT, CONNECTING_AGENT -> {
                    release(CallResult.DROPPED);
                    hangUpBoth();
                }
                case CONNECTED -> hangUpBoth();
                default -> { }
            }
        });
    }

    private void onContactEvent(LegEvent event) {
        if (event instanceof LegEvent.Answered) {
            onContactAnswered();
        } else if (event instanceof LegEvent.EarlyMedia) {
            analysis.earlyMedia(contact);
        } else if (event instanceof LegEvent.Failed failed) {
            // Cancelled by us before any answer leaves the record untouched, unless a tone had already decided it.
            contactAttempted = failed.kind() != LegEvent.FailureKind.CANCELLED || result != null;
            release(FailureResults.of(failed));
            observer.contactGone(this);
            finishIfBothGone();
        } else if (event instanceof LegEvent.Ended) {
            // Answered by the contact but gone before an agent was there: an abandoned call (unless a machine).
            analysis.stop();
            sides.abort();
            stopPlayers();
            if (phase == CallPhase.CONNECTING_AGENT || phase == CallPhase.WAITING_FOR_AGENT) {
                release(machine ? CallResult.ANSWERING_MACHINE : CallResult.ABANDONED);
            } else {
                release(CallResult.ANSWER);
            }
            observer.contactGone(this);
            if (agent != null) {
                agent.hangup();
            }
            finishIfBothGone();
        }
    }

    private void onContactAnswered() {
        if (contactAnsweredAt == null) {
            contactAnsweredAt = executor.scheduler().now();
        }
        if (dropped) {
            release(CallResult.DROPPED);
        }
        if (phase != CallPhase.DIALING_CONTACT) {
            contact.hangup();
            return;
        }
        if (agentRequest == null) {
            phase = phase.moveTo(CallPhase.WAITING_FOR_AGENT);
            observer.contactAnswered(this);
            analysis.answered(contact);
            return;
        }
        dialAgent();
        analysis.answered(contact);
    }

    private void dialAgent() {
        phase = phase.moveTo(CallPhase.CONNECTING_AGENT);
        agent = userAgent.dial(agentRequest, executor, guarded(this::onAgentEvent));
        observer.agentRinging(this);
    }

    /**
     * Predictive: calls the agent's phone for the contact waiting since its answer. If the contact is already gone
     * (hung up, dropped) nothing is dialed and the call finishes without an agent.
     */
    public void connectAgent(DialRequest toAgent) {
        executor.execute(guarded(() -> {
            if (phase == CallPhase.WAITING_FOR_AGENT && !agentLetGo) {
                agentRequest = toAgent;
                dialAgent();
            }
        }));
    }

    /**
     * Engaging call (assured connection, ASM): the contact answered while the agent waits on an already answered leg
     * that belongs to the {@link EngagingCall}. Once the analysis clears the call, {@code beforeBridge} runs (the
     * call-waiting music stops) and the two are bridged with no new dial. Until then the agent's leg is not this
     * call's: a machine or a tone releases the contact alone and the agent stays engaged. Runs on the executor this
     * call shares with its engaging call, and must be called there.
     */
    void takeEngagedAgent(Leg engaged, Runnable beforeBridge) {
        guarded(() -> {
            if (phase == CallPhase.WAITING_FOR_AGENT && !agentLetGo && engagedAgent == null) {
                engagedAgent = engaged;
                beforeEngagedBridge = beforeBridge;
                bridgeEngagedIfCleared();
            }
        }).run();
    }

    private void bridgeEngagedIfCleared() {
        if (engagedAgent == null || !cleared || phase != CallPhase.WAITING_FOR_AGENT) {
            return;
        }
        phase = phase.moveTo(CallPhase.CONNECTING_AGENT);
        agent = engagedAgent;
        agentAnswered = true;
        beforeEngagedBridge.run();
        connectIfReady();
    }

    /** An event of the engaged agent's leg once it is bridged to this call (see {@link #takeEngagedAgent}). */
    void engagedAgentEvent(LegEvent event) {
        guarded(this::onAgentEvent).onEvent(event);
    }

    /** Predictive: no agent was free within the connect window: the call is Abandoned. */
    public void abandon() {
        executor.execute(guarded(() -> {
            if (phase == CallPhase.WAITING_FOR_AGENT) {
                release(CallResult.ABANDONED);
                startSafeHarbourMessage();
            }
        }));
    }

    /**
     * The contact gets no agent: the safe-harbour message (who called, a number to call back) starts at once, within
     * the connect window, and the contact is hung up when it ends. Without a configured message, or with no media to
     * play it on, the contact is hung up at once. Call executor only.
     */
    private void startSafeHarbourMessage() {
        analysis.stop();
        if (safeHarbourMessage == null || contact.state().isTerminal() || contact.media() == null
                || contact.media().peer() == null) {
            LOG.info("call {}: no agent for the contact, abandoned (no safe-harbour message to play)", id);
            contact.hangup();
            return;
        }
        LOG.info("call {}: no agent for the contact, abandoned; playing the safe-harbour message", id);
        safeHarbour = media.play(contact.media(), safeHarbourMessage, false);
        safeHarbour.finished().whenComplete((ok, error) -> executor.execute(contact::hangup));
    }

    /** Stops whatever plays to the contact (safe-harbour message, hold music). */
    private void stopPlayers() {
        if (safeHarbour != null) {
            safeHarbour.stop();
        }
        sides.stopHoldMusic();
    }

    private void onAgentEvent(LegEvent event) {
        if (sides.isReleasedAgent(event.leg())) {
            return; // the transferring agent's leg, released on purpose once the target took the contact
        }
        if (event instanceof LegEvent.HeldByFarEnd held) {
            if (sides.phoneHold(held.held())) {
                observer.heldFromPhone(this, held.held());
            }
            return;
        }
        if (agentLetGo) {
            if (event instanceof LegEvent.Answered) {
                agent.hangup();
            } else if (event instanceof LegEvent.Failed || event instanceof LegEvent.Ended) {
                finishIfBothGone();
            }
            return;
        }
        if (event instanceof LegEvent.Answered) {
            if (phase != CallPhase.CONNECTING_AGENT) {
                agent.hangup();
                return;
            }
            agentAnswered = true;
            connectIfReady();
        } else if (event instanceof LegEvent.Failed failed && result != null) {
            // The call was decided first (the contact left, a tone, a drop) and we cancelled the agent's phone for it:
            // no second verdict, no "contact abandoned" for a contact that is already gone.
            LOG.info("call {}: agent leg over ({} {}) after the call ended as {}", id, failed.status(), failed.reason(),
                    result.label());
            agentFailed = failed.kind() != LegEvent.FailureKind.CANCELLED;
            finishIfBothGone();
        } else if (event instanceof LegEvent.Failed failed) {
            LOG.info("call {}: agent phone failed ({} {}), contact abandoned", id, failed.status(), failed.reason());
            agentFailed = failed.kind() != LegEvent.FailureKind.CANCELLED;
            release(CallResult.ABANDONED);
            startSafeHarbourMessage();
            finishIfBothGone();
        } else if (event instanceof LegEvent.Ended) {
            if (sides.agentEnded()) {
                return; // the agent hung up its phone in a conference: contact and target talk on
            }
            sides.abort();
            release(CallResult.ANSWER);
            contact.hangup();
            finishIfBothGone();
        }
    }

    /**
     * From the contact's 200 OK to the agent's INVITE on the wire, once both happened (progressive setup speed);
     * empty otherwise. Safe from any thread.
     */
    public java.util.Optional<java.time.Duration> answerToAgentInvite() {
        java.time.Instant answered = contactAnsweredAt;
        Leg a = agent;
        java.time.Instant sent = a == null ? null : a.inviteSent();
        return answered == null || sent == null ? java.util.Optional.empty()
                : java.util.Optional.of(java.time.Duration.between(answered, sent));
    }

    /** When the contact's INVITE went out through the trunk; empty if it never did. Safe from any thread. */
    public java.util.Optional<java.time.Instant> contactInviteSent() {
        Leg c = contact;
        return java.util.Optional.ofNullable(c == null ? null : c.inviteSent());
    }

    /** The RTP counters of the contact's leg; safe from any thread. */
    public io.outdial.media.StreamStats contactMedia() {
        return CallOutcome.mediaOf(contact);
    }

    @Override
    public io.outdial.media.StreamStats agentMedia() {
        return CallOutcome.mediaOf(agent);
    }

    @Override
    public SideCalls sides() {
        return sides;
    }

    /** What this call lends its side calls; call's executor only. */
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
            guarded(CampaignCall.this::onAgentEvent).onEvent(event);
        }

        @Override
        public boolean bridged() {
            return phase == CallPhase.CONNECTED;
        }

        @Override
        public void failed(RuntimeException e) {
            failedHere(e);
        }

        @Override
        public void releaseContact(CallResult result) {
            release(result);
            contact.hangup();
        }
    }

    /** Bridges once the agent has answered and the analysis has let the agent in. */
    private void connectIfReady() {
        if (phase != CallPhase.CONNECTING_AGENT || !agentAnswered || !cleared) {
            return;
        }
        analysis.stop();
        phase = phase.moveTo(CallPhase.CONNECTED);
        agentConnected = true;
        sides.connected(userAgent.bridge(contact, agent));
        observer.connected(this);
    }

    /** What the contact analysis decides, on this call's executor. */
    private final class Verdicts implements ContactAnalysis.Verdicts {
        @Override
        public void cleared(Detection.AmdDecision decision) {
            cleared = true;
            if (phase == CallPhase.WAITING_FOR_AGENT && agentRequest == null && engagedAgent == null) {
                observer.contactCleared(CampaignCall.this, decision);
            }
            guarded(CampaignCall.this::connectIfReady).run();
            guarded(CampaignCall.this::bridgeEngagedIfCleared).run();
        }

        @Override
        public void release(CallResult result, Detection cause) {
            LOG.info("call {}: {} ({}), hanging up", id, result.label(), cause == null ? "message left" : cause);
            CampaignCall.this.release(result);
            hangUpBoth();
            finishIfBothGone();
        }

        @Override
        public void agentNotNeeded() {
            machine = true;
            agentLetGo = true;
            if (agent != null) {
                agent.hangup();
            }
        }

        @Override
        public void detected(Detection detection) {
            if (detection instanceof Detection.AmdDecision d && d.outcome() == AmdOutcome.MACHINE) {
                machine = true;
            }
            observer.detected(CampaignCall.this, detection);
        }
    }

    /** Records the first result decided and moves towards the end; later decisions do not overwrite it. */
    private void release(CallResult decided) {
        if (result == null) {
            result = decided;
        }
        if (phase != CallPhase.RELEASING && phase != CallPhase.FINISHED) {
            phase = phase.moveTo(CallPhase.RELEASING);
        }
    }

    private void hangUpBoth() {
        if (contact != null) {
            contact.hangup();
        }
        if (agent != null) {
            agent.hangup();
        }
    }

    private void finishIfBothGone() {
        boolean contactGone = contact == null || contact.state().isTerminal();
        boolean agentGone = agent == null || agent.state().isTerminal();
        if (phase == CallPhase.FINISHED || !contactGone || !agentGone) {
            return;
        }
        phase = phase.moveTo(CallPhase.FINISHED);
        reapTimer.cancel();
        analysis.stop();
        stopPlayers();
        sides.abort();
        CallOutcome outcome = new CallOutcome(contactAttempted ? result : CallResult.UNKNOWN, contactAttempted,
                agentConnected, agentFailed, CallOutcome.mediaOf(contact), CallOutcome.mediaOf(agent));
        observer.finished(this, outcome);
    }
}
