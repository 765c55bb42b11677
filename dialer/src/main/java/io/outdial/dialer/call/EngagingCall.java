package io.outdial.dialer.call;

import io.outdial.media.MediaEngine;
import io.outdial.media.Playback;
import io.outdial.media.StreamStats;
import io.outdial.media.detect.Detection;
import io.outdial.media.player.MediaClip;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.SipUserAgent;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engaged agent (assured connection, ASM): the agent's phone is called first; once it answers, the agent hears
 * the call-waiting music, looped, and contacts are dialed for it ({@link #dialContact}) as {@link CampaignCall}s
 * sharing this executor: one at a time, or several at once when the pacing engine dials ahead (predictive ASM). The
 * first contact that answers takes the agent: it is bridged with no new dial once the analysis clears it, and the
 * music stops. A contact that answers when the agent is already taken is abandoned at once and hears the
 * safe-harbour message. A contact that does not answer leaves the agent engaged for the next one. The agent's leg is a
 * {@link CallLeg} on the single-leg part of the call skeleton ({@link CallSteps}: guarded steps, the reaper), lent to
 * the contact's {@link TwoLegCall} when bridged; where the engagement stands is its {@link EngagingPhase}. Everything
 * runs on this call's serial executor; the observer hands off to the dialer.
 */
public final class EngagingCall {
    private static final Logger LOG = LoggerFactory.getLogger(EngagingCall.class);
    /** The agent hears the music start before any contact is dialed: the music is what tells the agent "engaged". */
    static final Duration MUSIC_BEFORE_DIAL = Duration.ofMillis(300);
    /** How often the engagement looks whether its legs are gone while it did not notice (the reaper). */
    static final Duration REAP_EVERY = CampaignCall.REAP_EVERY;

    /** How an engagement ended. */
    public enum End {
        /** A contact was bridged and that call is over (its outcome went to {@link Observer#contactFinished}). */
        CALL_FINISHED,
        /** Released on purpose (list exhausted, campaign stopped, ASM attempt over) or dropped. */
        RELEASED,
        /** The agent hung up during the engaging phase. */
        AGENT_HUNG_UP,
        /** The agent's phone did not answer. */
        AGENT_PHONE_FAILED
    }

    /** Milestones, on this call's executor; implementations hand them to the dialer without blocking. */
    public interface Observer {
        /** The agent answered and hears the music: the first contact may be dialed. */
        void engaged(EngagingCall call);

        /** A contact picked up: it takes the agent, or is abandoned when the agent is already taken. */
        default void contactAnswered(EngagingCall call, CampaignCall contact) {
        }

        /** The analysis let an answered contact through (at once without answering machine detection). */
        default void contactCleared(EngagingCall call, CampaignCall contact, Detection.AmdDecision decision) {
        }

        /** The contact of {@code contact} is bridged to the agent. */
        void contactConnected(EngagingCall call, CampaignCall contact);

        /** The agent held ({@code held}) or retrieved {@code contact} from the phone. */
        default void heldFromPhone(EngagingCall call, CampaignCall contact, boolean held) {
        }

        /** One contact call is over (bridged or not); the agent may still be engaged. */
        void contactFinished(EngagingCall call, CampaignCall contact, CallOutcome outcome);

        /** Something was heard on the current contact's audio. */
        default void detected(EngagingCall call, CampaignCall contact, Detection detection) {
        }

        /** The engagement is over; called exactly once, after the last {@link #contactFinished}. */
        void finished(EngagingCall call, End end);
    }

    private final String id;
    private final DialRequest agentRequest;
    private final MediaEngine media;
    private final MediaClip music;
    private final Observer observer;
    /** Our own failures guarded (they release the engagement instead of stranding it), and the reaper. */
    private final CallSteps steps;
    /** The agent's leg: this call's own until a contact takes it (then its events are the taker's). */
    private final CallLeg agent;

    private volatile EngagingPhase phase = EngagingPhase.CALLING_AGENT;
    private Playback playback;
    private Cancellable musicLead;
    /** Contact calls dialed for this agent and not finished yet. */
    private final List<CampaignCall> contacts = new ArrayList<>(2);
    /** The contact that took the agent, from {@link EngagingPhase#CONTACT_ANSWERED} on; null before. */
    private CampaignCall taker;
    /** Why the engagement ends: the first reason decided counts; null before. */
    private End end;

    /** @param music the call-waiting music looped to the agent while engaged, or null for silence */
    public EngagingCall(String id, CallExecutor executor, SipUserAgent userAgent, DialRequest agentRequest,
                        MediaEngine media, MediaClip music, Observer observer) {
        this.id = id;
        this.agentRequest = agentRequest;
        this.media = media;
        this.music = music;
        this.observer = observer;
        this.steps = new CallSteps(executor, this::failedHere);
        this.agent = new CallLeg(steps, userAgent);
    }

    public String id() {
        return id;
    }

    /** The executor contact calls of this engagement must be built on. */
    public CallExecutor executor() {
        return steps.executor();
    }

    /** Where the engagement stands; safe from any thread. */
    public EngagingPhase phase() {
        return phase;
    }

    /** The agent leg's live RTP counters (music sent, audio received); safe from any thread. */
    public StreamStats agentMedia() {
        return agent.media();
    }

    /** Calls the agent's phone, and from then on looks every {@link #REAP_EVERY} whether the engagement is stranded. */
    public void start() {
        CallExecutor executor = steps.executor();
        executor.execute(steps.guarded(() -> agent.dial(agentRequest, this::onAgentEvent)));
        executor.execute(() -> steps.reapEvery(REAP_EVERY, () -> phase == EngagingPhase.FINISHED,
                () -> agent.gone() && contacts.isEmpty(), this::reap));
    }

    /**
     * Dials {@code call}'s contact (a call built without an agent, on {@link #executor()}, observed by
     * {@link #contactObserver()}). Ignored, and the call never started, unless the agent is engaged and waiting.
     */
    public void dialContact(CampaignCall call) {
        steps.executor().execute(steps.guarded(() -> {
            if (!phase.engaging()) {
                LOG.info("engaging call {}: not dialing {}, the engagement is {}", id, call.id(), phase);
                return;
            }
            if (phase == EngagingPhase.ENGAGED) {
                move(EngagingPhase.DIALING_CONTACT);
            }
            contacts.add(call);
            call.start();
        }));
    }

    /** Ends the engagement once no contact is being dialed: the music stops and the agent is hung up. */
    public void release() {
        steps.executor().execute(steps.guarded(() -> {
            if (phase == EngagingPhase.ENGAGED || phase == EngagingPhase.CALLING_AGENT) {
                releasing(End.RELEASED);
            }
        }));
    }

    /** Ends the engagement whatever its phase (campaign unloaded, gateway stopping). */
    public void drop() {
        steps.executor().execute(this::dropNow);
    }

    /** The observer every contact call of this engagement reports to. */
    public CampaignCall.Observer contactObserver() {
        return new ContactObserver();
    }

    /**
     * Every contact is dropped; a bridged call ends through its own contact call (whose end ends the engagement),
     * any other phase is released here.
     */
    private void dropNow() {
        List.copyOf(contacts).forEach(CampaignCall::drop);
        if (phase != EngagingPhase.CONNECTED && phase != EngagingPhase.FINISHED) {
            releasing(End.RELEASED);
        }
    }

    /** Our own failure (a bug, a media engine refusing the music) must not strand the agent: it is dropped. */
    private void failedHere(RuntimeException e) {
        LOG.error("engaging call {}: failed in the gateway, releasing the agent", id, e);
        dropNow();
    }

    /** The reaper found the agent's leg gone, and no contact call left, while the engagement did not notice. */
    private void reap() {
        LOG.warn("engaging call {}: the agent's leg is gone but the engagement was still {}; reaping it", id, phase);
        agentGone(phase == EngagingPhase.CALLING_AGENT ? End.AGENT_PHONE_FAILED : End.AGENT_HUNG_UP);
    }

    private void move(EngagingPhase next) {
        phase = phase.moveTo(next);
    }

    /** Keeps {@code why} unless a reason was decided before, and moves towards the end. */
    private void decide(End why) {
        if (end == null) {
            end = why;
        }
        if (phase != EngagingPhase.RELEASING && phase != EngagingPhase.FINISHED) {
            move(EngagingPhase.RELEASING);
        }
    }

    private void releasing(End why) {
        decide(why);
        stopMusic();
        agent.hangUp();
        finishIfGone();
    }

    private void onAgentEvent(LegEvent event) {
        if (phase == EngagingPhase.CONNECTED) {
            taker.engagedAgentEvent(event);
            return;
        }
        if (event instanceof LegEvent.Answered) {
            agentAnswered();
        } else if (event instanceof LegEvent.Failed) {
            // Never answered: its phone failed, or we cancelled it (then the engagement was released first).
            agentGone(phase == EngagingPhase.CALLING_AGENT ? End.AGENT_PHONE_FAILED : End.RELEASED);
        } else if (event instanceof LegEvent.Ended) {
            if (end == null) {
                LOG.info("engaging call {}: the agent hung up while engaged", id);
            }
            agentGone(End.AGENT_HUNG_UP);
        }
    }

    private void agentAnswered() {
        if (phase != EngagingPhase.CALLING_AGENT) {
            agent.hangUp();
            return;
        }
        move(EngagingPhase.ENGAGED);
        Leg leg = agent.leg();
        if (music != null && leg.media() != null && leg.media().peer() != null) {
            playback = media.play(leg.media(), music, true);
        }
        LOG.info("engaging call {}: agent {} answered, engaged", id, agentRequest.requestUri());
        musicLead = steps.executor().schedule(MUSIC_BEFORE_DIAL, steps.guarded(() -> {
            if (phase == EngagingPhase.ENGAGED) {
                observer.engaged(this);
            }
        }));
    }

    /** The agent's leg is over while it is this call's own: no contact can take it, so every contact is dropped. */
    private void agentGone(End why) {
        stopMusic();
        decide(why);
        List.copyOf(contacts).forEach(CampaignCall::drop);
        finishIfGone();
    }

    private void stopMusic() {
        if (musicLead != null) {
            musicLead.cancel();
        }
        if (playback != null) {
            playback.stop();
            playback = null;
        }
    }

    /** Once releasing with the agent's leg and every contact call gone, the engagement is over: told once. */
    private void finishIfGone() {
        if (phase != EngagingPhase.RELEASING || !agent.gone() || !contacts.isEmpty()) {
            return;
        }
        finish();
    }

    private void finish() {
        move(EngagingPhase.FINISHED);
        steps.stopReaping();
        observer.finished(this, end);
    }

    /** The current contact call's milestones, on the shared executor. */
    private final class ContactObserver implements CampaignCall.Observer {
        @Override
        public void contactAnswered(CampaignCall call) {
            if (!contacts.contains(call)) {
                return;
            }
            observer.contactAnswered(EngagingCall.this, call);
            takeAgentIfFree(call);
        }

        /** A cleared contact the agent is not free for is abandoned; a machine never got this far. */
        @Override
        public void contactCleared(CampaignCall call, Detection.AmdDecision decision) {
            if (!contacts.contains(call)) {
                return;
            }
            observer.contactCleared(EngagingCall.this, call, decision);
            if (call != taker && !takeAgentIfFree(call)) {
                LOG.info("engaging call {}: {} answered but the agent is taken, abandoned", id, call.id());
                call.abandon();
            }
        }

        /** The agent is free while contacts are dialed and none took it yet (then the phase says so). */
        private boolean takeAgentIfFree(CampaignCall call) {
            if (phase != EngagingPhase.DIALING_CONTACT || agent.gone()) {
                return false;
            }
            taker = call;
            move(EngagingPhase.CONTACT_ANSWERED);
            call.takeEngagedAgent(agent.leg(), EngagingCall.this::stopMusic);
            return true;
        }

        @Override
        public void agentRinging(CampaignCall call) {
            // Never: the agent of an engaging call is not dialed by the contact call.
        }

        @Override
        public void heldFromPhone(CampaignCall call, boolean held) {
            observer.heldFromPhone(EngagingCall.this, call, held);
        }

        @Override
        public void connected(CampaignCall call) {
            move(EngagingPhase.CONNECTED);
            observer.contactConnected(EngagingCall.this, call);
        }

        @Override
        public void detected(CampaignCall call, Detection detection) {
            observer.detected(EngagingCall.this, call, detection);
        }

        @Override
        public void finished(CampaignCall call, CallOutcome outcome) {
            if (!contacts.remove(call)) {
                return;
            }
            observer.contactFinished(EngagingCall.this, call, outcome);
            if (call == taker) {
                taker = null;
                if (phase == EngagingPhase.CONNECTED) {
                    // The bridged call is over (its end hung up the agent): contacts still ringing are abandoned
                    // if they answer, and the engagement ends with the last of them.
                    end = End.CALL_FINISHED;
                    if (contacts.isEmpty()) {
                        finish();
                    } else {
                        move(EngagingPhase.RELEASING);
                    }
                    return;
                }
                if (phase == EngagingPhase.CONTACT_ANSWERED) {
                    // It never got the agent (a machine, a tone, gone before the analysis cleared it): free again.
                    move(EngagingPhase.DIALING_CONTACT);
                }
            }
            if (phase == EngagingPhase.DIALING_CONTACT && contacts.isEmpty()) {
                move(EngagingPhase.ENGAGED);
            } else {
                finishIfGone();
            }
        }
    }
}
