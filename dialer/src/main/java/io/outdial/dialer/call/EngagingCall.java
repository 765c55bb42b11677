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
 * safe-harbour message. A contact that does not answer leaves the agent engaged for the next one. Everything runs on
 * this call's serial executor; the observer hands off to the dialer.
 */
public final class EngagingCall {
    private static final Logger LOG = LoggerFactory.getLogger(EngagingCall.class);
    /** The agent hears the music start before any contact is dialed: the music is what tells the agent "engaged". */
    static final Duration MUSIC_BEFORE_DIAL = Duration.ofMillis(300);

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
    private final CallExecutor executor;
    private final SipUserAgent userAgent;
    private final DialRequest agentRequest;
    private final MediaEngine media;
    private final MediaClip music;
    private final Observer observer;

    private volatile EngagingPhase phase = EngagingPhase.CALLING_AGENT;
    private volatile Leg agent;
    private Playback playback;
    private Cancellable musicLead;
    /** Contact calls dialed for this agent and not finished yet. */
    private final List<CampaignCall> contacts = new ArrayList<>(2);
    /** The contact that took the agent (bridged, or waiting for the analysis to clear it); null while free. */
    private CampaignCall taker;
    private End end;

    /** @param music the call-waiting music looped to the agent while engaged, or null for silence */
    public EngagingCall(String id, CallExecutor executor, SipUserAgent userAgent, DialRequest agentRequest,
                        MediaEngine media, MediaClip music, Observer observer) {
        this.id = id;
        this.executor = executor;
        this.userAgent = userAgent;
        this.agentRequest = agentRequest;
        this.media = media;
        this.music = music;
        this.observer = observer;
    }

    public String id() {
        return id;
    }

    /** The executor contact calls of this engagement must be built on. */
    public CallExecutor executor() {
        return executor;
    }

    /** Where the engagement stands; read on this call's executor. */
    public EngagingPhase phase() {
        return phase;
    }

    /** The agent leg's live RTP counters (music sent, audio received); safe from any thread. */
    public StreamStats agentMedia() {
        return CallOutcome.mediaOf(agent);
    }

    /** Calls the agent's phone. */
    public void start() {
        executor.execute(() -> agent = userAgent.dial(agentRequest, executor, this::onAgentEvent));
    }

    /**
     * Dials {@code call}'s contact (a call built without an agent, on {@link #executor()}, observed by
     * {@link #contactObserver()}). Ignored, and the call never started, unless the agent is engaged and waiting.
     */
    public void dialContact(CampaignCall call) {
        executor.execute(() -> {
            if (!phase.engaging()) {
                LOG.info("engaging call {}: not dialing {}, the engagement is {}", id, call.id(), phase);
                return;
            }
            if (phase == EngagingPhase.ENGAGED) {
                phase = phase.moveTo(EngagingPhase.DIALING_CONTACT);
            }
            contacts.add(call);
            call.start();
        });
    }

    /** Ends the engagement once no contact is being dialed: the music stops and the agent is hung up. */
    public void release() {
        executor.execute(() -> {
            if (phase == EngagingPhase.ENGAGED || phase == EngagingPhase.CALLING_AGENT) {
                releasing(End.RELEASED);
            }
        });
    }

    /** Ends the engagement whatever its phase (campaign unloaded, gateway stopping). */
    public void drop() {
        executor.execute(() -> {
            List.copyOf(contacts).forEach(CampaignCall::drop);
            if (phase != EngagingPhase.CONNECTED && phase != EngagingPhase.FINISHED) {
                releasing(End.RELEASED);
            }
        });
    }

    /** The observer every contact call of this engagement reports to. */
    public CampaignCall.Observer contactObserver() {
        return new ContactObserver();
    }

    private void releasing(End why) {
        if (end == null) {
            end = why;
        }
        if (phase != EngagingPhase.RELEASING) {
            phase = phase.moveTo(EngagingPhase.RELEASING);
        }
        stopMusic();
        if (agent != null) {
            agent.hangup();
        }
        finishIfGone();
    }

    private void onAgentEvent(LegEvent event) {
        if (phase == EngagingPhase.CONNECTED) {
            taker.engagedAgentEvent(event);
            return;
        }
        if (event instanceof LegEvent.Answered) {
            if (phase != EngagingPhase.CALLING_AGENT) {
                agent.hangup();
                return;
            }
            phase = phase.moveTo(EngagingPhase.ENGAGED);
            if (music != null && agent.media() != null && agent.media().peer() != null) {
                playback = media.play(agent.media(), music, true);
            }
            LOG.info("engaging call {}: agent {} answered, engaged", id, agentRequest.requestUri());
            musicLead = executor.schedule(MUSIC_BEFORE_DIAL, () -> {
                if (phase == EngagingPhase.ENGAGED) {
                    observer.engaged(this);
                }
            });
        } else if (event instanceof LegEvent.Failed) {
            if (end == null) {
                end = phase == EngagingPhase.CALLING_AGENT ? End.AGENT_PHONE_FAILED : End.RELEASED;
            }
            if (phase != EngagingPhase.RELEASING && phase != EngagingPhase.FINISHED) {
                phase = phase.moveTo(EngagingPhase.RELEASING);
            }
            finishIfGone();
        } else if (event instanceof LegEvent.Ended) {
            stopMusic();
            if (end == null) {
                end = End.AGENT_HUNG_UP;
                LOG.info("engaging call {}: the agent hung up while engaged", id);
            }
            if (phase != EngagingPhase.RELEASING && phase != EngagingPhase.FINISHED) {
                phase = phase.moveTo(EngagingPhase.RELEASING);
            }
            List.copyOf(contacts).forEach(CampaignCall::drop);
            finishIfGone();
        }
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

    private void finishIfGone() {
        boolean agentGone = agent == null || agent.state().isTerminal();
        if (phase != EngagingPhase.RELEASING || !agentGone || !contacts.isEmpty()) {
            return;
        }
        phase = phase.moveTo(EngagingPhase.FINISHED);
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

        private boolean takeAgentIfFree(CampaignCall call) {
            if (taker != null || phase != EngagingPhase.DIALING_CONTACT || agent == null
                    || agent.state().isTerminal()) {
                return false;
            }
            taker = call;
            call.takeEngagedAgent(agent, EngagingCall.this::stopMusic);
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
            phase = phase.moveTo(EngagingPhase.CONNECTED);
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
                    phase = phase.moveTo(contacts.isEmpty() ? EngagingPhase.FINISHED : EngagingPhase.RELEASING);
                    if (phase == EngagingPhase.FINISHED) {
                        observer.finished(EngagingCall.this, end);
                    }
                    return;
                }
            }
            if (phase == EngagingPhase.DIALING_CONTACT && contacts.isEmpty()) {
                phase = phase.moveTo(EngagingPhase.ENGAGED);
            } else {
                finishIfGone();
            }
        }
    }
}
