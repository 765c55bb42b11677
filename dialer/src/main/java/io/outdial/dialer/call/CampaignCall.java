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
import io.outdial.sip.Bridge;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegListener;
import io.outdial.sip.SipUserAgent;
import io.outdial.sip.call.CallExecutor;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One campaign call: dials the contact through the trunk, calls the agent's phone when the contact answers, and
 * bridges the two. Progressive calls know their agent from the start; predictive calls are dialed without one and,
 * once the contact answers, wait for {@link #connectAgent} or {@link #abandon}. Everything runs on the call's own
 * serial executor; the observer is told of milestones there and must hand them off without blocking.
 */
public final class CampaignCall {
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

        /** Both legs are gone. Called exactly once. */
        void finished(CampaignCall call, CallOutcome outcome);

        /** Something was heard on the contact's audio (a tone, a fax, silence, a machine verdict). */
        default void detected(CampaignCall call, Detection detection) {
        }
    }

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
    /** Looped to a contact on hold (null: silence). */
    private final MediaClip holdMusic;
    private Playback safeHarbour;
    private Playback holdPlayback;

    private CallPhase phase = CallPhase.DIALING_CONTACT;
    private Leg contact;
    /** Volatile only so that {@link #agentMedia()} may be read from another thread. */
    private volatile Leg agent;
    private Bridge bridge;
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
    /** The latest blind transfer, or null. */
    private Transfer transfer;
    /** The latest conference, or null; {@link #mixing} is its three-party mix while all three talk. */
    private volatile Conference conference;
    private io.outdial.media.Conference mixing;
    /** The transferring agent's leg once a transfer handed the contact over: its end is no news. */
    private Leg releasedAgent;

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
        this.holdMusic = audio == null ? null : audio.holdMusic();
    }

    /** The interaction id this call is known by on the CTI protocol. */
    public String id() {
        return id;
    }

    /** Dials the contact. */
    public void start() {
        executor.execute(guarded(() -> contact = userAgent.dial(contactRequest, executor,
                guarded(this::onContactEvent))));
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
        abortSideCalls();
        release(CallResult.SYSTEM_ERROR);
        hangUpBoth();
        finishIfBothGone();
    }

    /** Ends the call whatever its phase (campaign unloaded, gateway stopping). */
    public void drop() {
        executor.execute(() -> {
            analysis.stop();
            abortSideCalls();
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
                case CONNECTED -> bridge.hangup();
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
            finishIfBothGone();
        } else if (event instanceof LegEvent.Ended) {
            // Answered by the contact but gone before an agent was there: an abandoned call (unless a machine).
            analysis.stop();
            abortSideCalls();
            stopPlayers();
            if (phase == CallPhase.CONNECTING_AGENT || phase == CallPhase.WAITING_FOR_AGENT) {
                release(machine ? CallResult.ANSWERING_MACHINE : CallResult.ABANDONED);
            } else {
                release(CallResult.ANSWER);
            }
            if (agent != null) {
                agent.hangup();
            }
            finishIfBothGone();
        }
    }

    private void onContactAnswered() {
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
        if (holdPlayback != null) {
            holdPlayback.stop();
            holdPlayback = null;
        }
    }

    /**
     * Puts the contact on hold ({@code on}) or takes it off. On hold the relay stops, the agent hears nothing and the
     * contact hears the hold music, looped (silence when none is configured); off hold the music stops and the relay
     * starts again. Completes with false when the call is not connected or already in the asked state.
     */
    public CompletableFuture<Boolean> hold(boolean on) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                if (phase != CallPhase.CONNECTED || bridge.held() == on || transferring() || conferencing()) {
                    done.complete(false);
                    return;
                }
                if (on) {
                    bridge.hold();
                    if (holdMusic != null && contact.media() != null && contact.media().peer() != null) {
                        holdPlayback = media.play(contact.media(), holdMusic, true);
                    }
                } else {
                    stopPlayers();
                    bridge.retrieve();
                }
                done.complete(true);
            } catch (RuntimeException e) {
                done.complete(false);
                failedHere(e);
            }
        });
        return done;
    }

    private void onAgentEvent(LegEvent event) {
        if (event.leg() == releasedAgent && releasedAgent != null) {
            return; // the transferring agent's leg, released on purpose once the target took the contact
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
        } else if (event instanceof LegEvent.Failed failed) {
            LOG.info("call {}: agent phone failed ({} {}), contact abandoned", id, failed.status(), failed.reason());
            agentFailed = failed.kind() != LegEvent.FailureKind.CANCELLED;
            release(CallResult.ABANDONED);
            startSafeHarbourMessage();
            finishIfBothGone();
        } else if (event instanceof LegEvent.Ended) {
            if (conference != null && conference.agentLeaves()) {
                return; // the agent hung up its phone in a conference: contact and target talk on
            }
            abortSideCalls();
            release(CallResult.ANSWER);
            contact.hangup();
            finishIfBothGone();
        }
    }

    /**
     * Blind transfer of the connected call to {@code target} (see {@link Transfer}); what happens next reaches
     * {@code listener} on this call's executor. Completes with false (and nothing is dialed) when the call is not
     * connected, is on hold, or a transfer is already under way.
     */
    public CompletableFuture<Boolean> transfer(DialRequest target, Transfer.Listener listener) {
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        executor.execute(() -> {
            // An engaged agent's leg belongs to its engaging call: it is not this call's to release.
            if (!mayStartSideCall()) {
                started.complete(false);
                return;
            }
            started.complete(true);
            transfer = new Transfer(id, target, new TransferLegs(), listener);
            guarded(transfer::start).run();
        });
        return started;
    }

    /**
     * Conference of the connected call with {@code target} (see {@link Conference}); what happens next reaches
     * {@code listener} on this call's executor. Completes with false (and nothing is dialed) when the call is not
     * connected, is on hold, or a transfer or conference is already under way.
     */
    public CompletableFuture<Boolean> conference(DialRequest target, Conference.Listener listener) {
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        executor.execute(() -> {
            if (!mayStartSideCall()) {
                started.complete(false);
                return;
            }
            started.complete(true);
            conference = new Conference(id, target, new ConferenceLegs(), listener);
            guarded(conference::start).run();
        });
        return started;
    }

    /**
     * A party leaves the three-party conference: the agent ({@code agent} true: only its leg is released, contact
     * and target talk on) or the target (its leg is hung up, contact and agent talk on). Completes with false when
     * no conference is mixing.
     */
    public CompletableFuture<Boolean> leaveConference(boolean agentLeaves) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        executor.execute(guarded(() -> done.complete(conference != null
                && (agentLeaves ? conference.agentLeaves() : conference.targetLeaves()))));
        return done;
    }

    /** An engaged agent's leg belongs to its engaging call: it is not this call's to release. */
    private boolean mayStartSideCall() {
        return phase == CallPhase.CONNECTED && !bridge.held() && !transferring() && !conferencing()
                && engagedAgent == null;
    }

    /** The RTP counters of the agent's leg (the target's once a transfer or conference handed it the call). */
    public io.outdial.media.StreamStats agentMedia() {
        return CallOutcome.mediaOf(agent);
    }

    /** The RTP counters of the latest conference's target leg, or no media. Safe from any thread. */
    public io.outdial.media.StreamStats conferenceTargetMedia() {
        Conference c = conference;
        return c == null ? CallOutcome.NO_MEDIA : c.targetMedia();
    }

    private boolean transferring() {
        return transfer != null && transfer.phase().inProgress();
    }

    private boolean conferencing() {
        return conference != null && conference.phase().inProgress();
    }

    private void abortSideCalls() {
        if (transfer != null) {
            transfer.abort();
        }
        if (conference != null) {
            conference.abort();
        }
    }

    /** Contact on hold: the relay to the agent stops and the hold music plays. */
    private void holdContactForSideCall() {
        bridge.hold();
        if (holdMusic != null && contact.media() != null && contact.media().peer() != null) {
            holdPlayback = media.play(contact.media(), holdMusic, true);
        }
    }

    private void stopMix() {
        if (mixing != null) {
            mixing.stop();
            mixing = null;
        }
    }

    /**
     * Dials a transfer's or conference's target on this call's executor. Once the target has taken the agent's place
     * its leg is {@link #agent} and its events are the agent's; until then they go to {@code onTarget}.
     */
    private Leg dialSideTarget(DialRequest target, java.util.function.Consumer<LegEvent> onTarget) {
        return userAgent.dial(target, executor, guarded(event -> {
            if (event.leg() == agent) {
                onAgentEvent(event);
            } else {
                onTarget.accept(event);
            }
        }));
    }

    /** The legs a conference works on; call's executor only. */
    private final class ConferenceLegs implements Conference.Legs {
        @Override
        public void holdContact() {
            holdContactForSideCall();
        }

        @Override
        public Leg dialTarget(DialRequest target) {
            return dialSideTarget(target, conference::onTargetEvent);
        }

        @Override
        public void mix(Leg target) {
            stopPlayers();
            bridge.dissolve();
            if (media != null && contact.media() != null && agent.media() != null && target.media() != null) {
                mixing = media.conference(java.util.List.of(contact.media(), agent.media(), target.media()));
            }
        }

        @Override
        public void releaseAgent(Leg target) {
            stopMix();
            Leg previous = agent;
            releasedAgent = previous;
            agent = target;
            bridge = userAgent.bridge(contact, target);
            previous.hangup();
        }

        @Override
        public void backToAgent() {
            stopMix();
            bridge = userAgent.bridge(contact, agent);
        }

        @Override
        public void restore() {
            stopPlayers();
            bridge.retrieve();
        }

        @Override
        public void stopMix() {
            CampaignCall.this.stopMix();
        }
    }

    /** The legs a transfer works on; call's executor only. */
    private final class TransferLegs implements Transfer.Legs {
        @Override
        public void holdContact() {
            holdContactForSideCall();
        }

        @Override
        public Leg dialTarget(DialRequest target) {
            return dialSideTarget(target, transfer::onTargetEvent);
        }

        @Override
        public void handOver(Leg target) {
            stopPlayers();
            Leg previous = agent;
            bridge.dissolve();
            releasedAgent = previous;
            agent = target;
            bridge = userAgent.bridge(contact, target);
            previous.hangup();
        }

        @Override
        public void restore() {
            stopPlayers();
            bridge.retrieve();
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
        bridge = userAgent.bridge(contact, agent);
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
        analysis.stop();
        stopPlayers();
        stopMix();
        CallOutcome outcome = new CallOutcome(contactAttempted ? result : CallResult.UNKNOWN, contactAttempted,
                agentConnected, agentFailed, CallOutcome.mediaOf(contact), CallOutcome.mediaOf(agent));
        observer.finished(this, outcome);
    }
}
