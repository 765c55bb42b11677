package io.outdial.dialer.call;

import io.outdial.dialer.config.AudioSettings;
import io.outdial.dialer.config.DetectionSettings;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.FailureResults;
import io.outdial.media.MediaEngine;
import io.outdial.media.detect.AmdOutcome;
import io.outdial.media.detect.Detection;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.SipUserAgent;
import io.outdial.core.exec.CallExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One campaign call: dials the contact through the trunk, calls the agent's phone when the contact answers, and
 * bridges the two. Progressive calls know their agent from the start; predictive calls are dialed without one and,
 * once the contact answers, wait for {@link #connectAgent} or {@link #abandon}. The contact-first script over the
 * {@link TwoLegCall} skeleton (legs, result, side calls); where the call stands is its {@link CallPhase}, and what it
 * made of its contact (let in, a machine, the agent let go, never tried) its {@link ContactVerdict}. Everything runs
 * on the call's own serial executor; the observer is told of milestones there and must hand them off without
 * blocking.
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
    private final DialRequest contactRequest;
    /** Null for a predictive call until an agent is given. */
    private DialRequest agentRequest;
    private final Observer observer;
    private final ContactAnalysis analysis;
    /** The legs, the result decided and the side calls (hold, transfer, conference, consultation). */
    private final TwoLegCall legs;
    private final SafeHarbour safeHarbour;

    private CallPhase phase = CallPhase.DIALING_CONTACT;
    /** What the call made of its contact: let in, a machine, the agent let go, never tried. */
    private ContactVerdict verdict = ContactVerdict.UNDECIDED;
    /** Assured connection / ASM: the agent's leg lent in {@link CallPhase#ENGAGED_AGENT_WAITING}; null before. */
    private EngagedAgent engaged;

    /** An engaged agent's leg lent by its engaging call, and what runs just before it is bridged (the music stops). */
    private record EngagedAgent(Leg leg, Runnable beforeBridge) {
    }

    /** @param agentRequest the agent's phone, or null for a predictive call whose agent is found at the answer */
    public CampaignCall(String id, CallExecutor executor, SipUserAgent userAgent, DialRequest contactRequest,
                        DialRequest agentRequest, Observer observer, DetectionSettings detection,
                        MediaEngine media, AudioSettings audio) {
        this.id = java.util.Objects.requireNonNull(id);
        this.executor = executor;
        this.contactRequest = contactRequest;
        this.agentRequest = agentRequest;
        this.observer = observer;
        this.analysis = new ContactAnalysis(detection, media, executor, new Verdicts());
        this.safeHarbour = new SafeHarbour(id, executor, media, audio == null ? null : audio.safeHarbourMessage());
        this.legs = new TwoLegCall(id, executor, userAgent, media, audio == null ? null : audio.holdMusic(),
                new TwoLegCall.Script(() -> phase == CallPhase.CONNECTED, this::onAgentEvent, this::failedHere,
                        this::release));
    }

    @Override
    public String id() {
        return id;
    }

    /** Dials the contact, and from then on looks every {@link #REAP_EVERY} whether the call is stranded. */
    public void start() {
        executor.execute(legs.guarded(() -> legs.dialContact(contactRequest, this::onContactEvent)));
        executor.execute(() -> legs.reapEvery(REAP_EVERY, () -> phase == CallPhase.FINISHED, this::reap));
    }

    /** The reaper found every leg gone while the call did not finish: it finishes with its result or System Error. */
    private void reap() {
        LOG.warn("call {}: every leg is gone but the call was still {}; reaping it", id, phase);
        release(CallResult.SYSTEM_ERROR);
        observer.reaped(this);
        finishIfBothGone();
    }

    /**
     * Our own failure (a bug, a refused bridge, no RTP port) must not strand the call: it is hung up, its result is
     * System Error, and it finishes like any other call once its legs are gone.
     */
    private void failedHere(RuntimeException e) {
        LOG.error("call {}: failed in the gateway, hanging up", id, e);
        analysis.stop();
        legs.sides().abort();
        release(CallResult.SYSTEM_ERROR);
        legs.hangUpBoth();
        finishIfBothGone();
    }

    /** Ends the call whatever its phase (campaign unloaded, gateway stopping). */
    @Override
    public void drop() {
        executor.execute(() -> {
            analysis.stop();
            legs.sides().abort();
            switch (phase) {
                case DIALING_CONTACT -> {
                    phase = phase.moveTo(CallPhase.DROPPING);
                    legs.hangUpContact();
                }
                case DROPPING -> legs.hangUpContact();
                case WAITING_FOR_AGENT, ENGAGED_AGENT_WAITING, CONNECTING_AGENT, AGENT_ANSWERED -> {
                    release(CallResult.DROPPED);
                    legs.hangUpBoth();
                }
                case CONNECTED -> legs.hangUpBoth();
                default -> { }
            }
        });
    }

    private void onContactEvent(LegEvent event) {
        if (event instanceof LegEvent.Answered) {
            onContactAnswered();
        } else if (event instanceof LegEvent.EarlyMedia) {
            analysis.earlyMedia(legs.contact());
        } else if (event instanceof LegEvent.Failed failed) {
            // Cancelled by us before any answer leaves the record untouched, unless a tone had already decided it.
            if (failed.kind() == LegEvent.FailureKind.CANCELLED && legs.result() == null) {
                verdict = verdict.moveTo(ContactVerdict.UNTRIED);
            }
            release(FailureResults.of(failed));
            observer.contactGone(this);
            finishIfBothGone();
        } else if (event instanceof LegEvent.Ended) {
            // Answered by the contact but gone before an agent was there: an abandoned call (unless a machine).
            analysis.stop();
            legs.sides().abort();
            stopPlayers();
            if (phase.awaitingAgent()) {
                release(verdict.machine() ? CallResult.ANSWERING_MACHINE : CallResult.ABANDONED);
            } else {
                release(CallResult.ANSWER);
            }
            observer.contactGone(this);
            legs.hangUpAgent();
            finishIfBothGone();
        }
    }

    private void onContactAnswered() {
        legs.contactAnswered();
        if (phase == CallPhase.DROPPING) {
            release(CallResult.DROPPED);
        }
        if (phase != CallPhase.DIALING_CONTACT) {
            legs.contact().hangup();
            return;
        }
        if (agentRequest == null) {
            phase = phase.moveTo(CallPhase.WAITING_FOR_AGENT);
            observer.contactAnswered(this);
            analysis.answered(legs.contact());
            return;
        }
        dialAgent();
        analysis.answered(legs.contact());
    }

    private void dialAgent() {
        phase = phase.moveTo(CallPhase.CONNECTING_AGENT);
        legs.dialAgent(agentRequest, this::onAgentEvent);
        observer.agentRinging(this);
    }

    /**
     * Predictive: calls the agent's phone for the contact waiting since its answer. If the contact is already gone
     * (hung up, dropped) nothing is dialed and the call finishes without an agent.
     */
    public void connectAgent(DialRequest toAgent) {
        executor.execute(legs.guarded(() -> {
            if (phase == CallPhase.WAITING_FOR_AGENT && !verdict.agentLetGo()) {
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
        legs.guarded(() -> {
            if (phase == CallPhase.WAITING_FOR_AGENT && !verdict.agentLetGo()) {
                this.engaged = new EngagedAgent(engaged, beforeBridge);
                phase = phase.moveTo(CallPhase.ENGAGED_AGENT_WAITING);
                bridgeEngagedIfCleared();
            }
        }).run();
    }

    private void bridgeEngagedIfCleared() {
        if (phase != CallPhase.ENGAGED_AGENT_WAITING || !verdict.letsAgentIn()) {
            return;
        }
        phase = phase.moveTo(CallPhase.AGENT_ANSWERED);
        legs.agent(engaged.leg());
        engaged.beforeBridge().run();
        connectIfReady();
    }

    /** An event of the engaged agent's leg once it is bridged to this call (see {@link #takeEngagedAgent}). */
    void engagedAgentEvent(LegEvent event) {
        legs.guarded(this::onAgentEvent).onEvent(event);
    }

    /** Predictive: no agent was free within the connect window: the call is Abandoned. */
    public void abandon() {
        executor.execute(legs.guarded(() -> {
            if (phase == CallPhase.WAITING_FOR_AGENT) {
                release(CallResult.ABANDONED);
                startSafeHarbourMessage();
            }
        }));
    }

    /** The contact gets no agent: the analysis stops and the contact hears the safe-harbour message, if any. */
    private void startSafeHarbourMessage() {
        analysis.stop();
        safeHarbour.play(legs.contact());
    }

    /** Stops whatever plays to the contact (safe-harbour message, hold music). */
    private void stopPlayers() {
        safeHarbour.stop();
        legs.sides().stopHoldMusic();
    }

    private void onAgentEvent(LegEvent event) {
        if (legs.sideCallsTook(event, held -> observer.heldFromPhone(this, held))) {
            return;
        }
        SideCalls sides = legs.sides();
        if (verdict.agentLetGo()) {
            if (event instanceof LegEvent.Answered) {
                legs.agent().hangup();
            } else if (event instanceof LegEvent.Failed || event instanceof LegEvent.Ended) {
                finishIfBothGone();
            }
            return;
        }
        if (event instanceof LegEvent.Answered) {
            if (phase != CallPhase.CONNECTING_AGENT) {
                legs.agent().hangup();
                return;
            }
            phase = phase.moveTo(CallPhase.AGENT_ANSWERED);
            connectIfReady();
        } else if (event instanceof LegEvent.Failed failed && legs.result() != null) {
            // The call was decided first (the contact left, a tone, a drop) and we cancelled the agent's phone for it:
            // no second verdict, no "contact abandoned" for a contact that is already gone.
            LOG.info("call {}: agent leg over ({} {}) after the call ended as {}", id, failed.status(), failed.reason(),
                    legs.result().label());
            legs.agentFailed(failed.kind() != LegEvent.FailureKind.CANCELLED);
            finishIfBothGone();
        } else if (event instanceof LegEvent.Failed failed) {
            LOG.info("call {}: agent phone failed ({} {}), contact abandoned", id, failed.status(), failed.reason());
            legs.agentFailed(failed.kind() != LegEvent.FailureKind.CANCELLED);
            release(CallResult.ABANDONED);
            startSafeHarbourMessage();
            finishIfBothGone();
        } else if (event instanceof LegEvent.Ended) {
            if (sides.agentEnded()) {
                return; // the agent hung up its phone in a conference: contact and target talk on
            }
            sides.abort();
            release(CallResult.ANSWER);
            legs.contact().hangup();
            finishIfBothGone();
        }
    }

    /**
     * From the contact's 200 OK to the agent's INVITE on the wire, once both happened (progressive setup speed);
     * empty otherwise. Safe from any thread.
     */
    public java.util.Optional<java.time.Duration> answerToAgentInvite() {
        return legs.answerToAgentInvite();
    }

    /** When the contact's INVITE went out through the trunk; empty if it never did. Safe from any thread. */
    public java.util.Optional<java.time.Instant> contactInviteSent() {
        return legs.contactInviteSent();
    }

    /** The RTP counters of the contact's leg; safe from any thread. */
    public io.outdial.media.StreamStats contactMedia() {
        return legs.contactMedia();
    }

    @Override
    public io.outdial.media.StreamStats agentMedia() {
        return legs.agentMedia();
    }

    /** The two legs this call is built on. */
    TwoLegCall legs() {
        return legs;
    }

    @Override
    public SideCalls sides() {
        return legs.sides();
    }

    /** Bridges once the agent has answered and the analysis has let the agent in. */
    private void connectIfReady() {
        if (phase != CallPhase.AGENT_ANSWERED || !verdict.letsAgentIn()) {
            return;
        }
        analysis.stop();
        phase = phase.moveTo(CallPhase.CONNECTED);
        legs.bridge();
        observer.connected(this);
    }

    /** What the contact analysis decides, on this call's executor. */
    private final class Verdicts implements ContactAnalysis.Verdicts {
        @Override
        public void cleared(Detection.AmdDecision decision) {
            if (!moveVerdict(ContactVerdict::cleared)) {
                return;
            }
            if (phase == CallPhase.WAITING_FOR_AGENT && agentRequest == null) {
                observer.contactCleared(CampaignCall.this, decision);
            }
            legs.guarded(CampaignCall.this::connectIfReady).run();
            legs.guarded(CampaignCall.this::bridgeEngagedIfCleared).run();
        }

        @Override
        public void release(CallResult result, Detection cause) {
            LOG.info("call {}: {} ({}), hanging up", id, result.label(), cause == null ? "message left" : cause);
            CampaignCall.this.release(result);
            legs.hangUpBoth();
            finishIfBothGone();
        }

        @Override
        public void agentNotNeeded() {
            if (moveVerdict(v -> v.moveTo(ContactVerdict.MACHINE_MESSAGE))) {
                legs.hangUpAgent();
            }
        }

        @Override
        public void detected(Detection detection) {
            if (detection instanceof Detection.AmdDecision d && d.outcome() == AmdOutcome.MACHINE
                    && !moveVerdict(ContactVerdict::machineHeard)) {
                return;
            }
            observer.detected(CampaignCall.this, detection);
        }
    }

    /**
     * Moves the verdict as the analysis decided; a move its table refuses is our own failure (some verdicts come from
     * the analysis's timers and taps, outside any guarded step), and the call is hung up as System Error. True if moved.
     */
    private boolean moveVerdict(java.util.function.UnaryOperator<ContactVerdict> move) {
        try {
            verdict = move.apply(verdict);
            return true;
        } catch (IllegalStateException e) {
            failedHere(e);
            return false;
        }
    }

    /** Records the first result decided and moves towards the end; later decisions do not overwrite it. */
    private void release(CallResult decided) {
        legs.decide(decided);
        if (phase != CallPhase.RELEASING && phase != CallPhase.FINISHED) {
            phase = phase.moveTo(CallPhase.RELEASING);
        }
    }

    private void finishIfBothGone() {
        if (phase == CallPhase.FINISHED || !legs.bothGone()) {
            return;
        }
        phase = phase.moveTo(CallPhase.FINISHED);
        legs.stopReaping();
        analysis.stop();
        stopPlayers();
        legs.sides().abort();
        observer.finished(this, legs.outcome(verdict.attempted()));
    }
}
