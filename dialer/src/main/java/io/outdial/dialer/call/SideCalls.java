package io.outdial.dialer.call;

import io.outdial.media.MediaEngine;
import io.outdial.media.Playback;
import io.outdial.media.StreamStats;
import io.outdial.media.player.MediaClip;
import io.outdial.sip.Bridge;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.SipUserAgent;
import io.outdial.core.exec.CallExecutor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What an agent does with a bridged contact besides talking: hold, blind transfer ({@link Transfer}) and conference
 * ({@link Conference}). Works for any call that bridges a contact leg to an agent leg and lends them through
 * {@link Host}: campaign calls (progressive, predictive, assured connection and ASM once bridged) and preview calls.
 * Keeps the bridge, the hold music, the three-party mix and the agent leg a transfer let go. Call's executor only,
 * except the methods that return a future (they hop there).
 */
public final class SideCalls {

    /** What a bridged two-leg call lends its side calls; called on the call's executor. */
    public interface Host {
        Leg contact();

        Leg agent();

        /** The agent's leg is now {@code leg} (a transfer or conference target took the agent's place). */
        void agentLeg(Leg leg);

        /** An event of a target leg that took the agent's place: from now on it is the agent's. */
        void agentEvent(LegEvent event);

        /** True while contact and agent are bridged and the agent's leg is this call's to release. */
        boolean bridged();

        /** Our own failure in a side call: the call is hung up with System Error. */
        void failed(RuntimeException e);

        /** Nobody is left for the contact (agent gone, target failed): it is hung up with {@code result}. */
        void releaseContact(io.outdial.dialer.record.CallResult result);
    }

    private final String callId;
    private final CallExecutor executor;
    private final SipUserAgent userAgent;
    private final Host host;
    private final MediaEngine media;
    /** Looped to a contact on hold (null: silence). */
    private final MediaClip holdMusic;
    private Bridge bridge;
    private Playback holdPlayback;
    /** The latest blind transfer, or null. */
    private Transfer transfer;
    /** The latest conference, or null; {@link #mixing} is its three-party mix while all three talk. */
    private volatile Conference conference;
    private io.outdial.media.Conference mixing;
    /** The latest consultation, or null. */
    private Consultation consultation;
    /** The transferring agent's leg once a transfer handed the contact over: its end is no news. */
    private Leg releasedAgent;

    /**
     * @param callId   the call's id (its interaction's), in the side calls' logs
     * @param executor the call's serial executor, where every side call runs
     * @param host     what the call lends: its legs and how it ends
     */
    public SideCalls(String callId, CallExecutor executor, SipUserAgent userAgent, Host host, MediaEngine media,
                     MediaClip holdMusic) {
        this.callId = callId;
        this.executor = executor;
        this.userAgent = userAgent;
        this.host = host;
        this.media = media;
        this.holdMusic = holdMusic;
    }

    /** Contact and agent are bridged by {@code bridge}. */
    public void connected(Bridge bridge) {
        this.bridge = bridge;
    }

    /** The current bridge of contact and agent, or null before the first. */
    public Bridge bridge() {
        return bridge;
    }

    /** True if {@code leg} is an agent leg a transfer or conference released on purpose: its events are no news. */
    public boolean isReleasedAgent(Leg leg) {
        return releasedAgent != null && leg == releasedAgent;
    }

    /**
     * The agent's leg ended. Returns true if a side call takes care of it (the agent left a conference: contact and
     * target talk on; or a blind transfer carries on without the agent); false if the call ends as usual.
     */
    public boolean agentEnded() {
        return conference != null && conference.agentLeaves() || transfer != null && transfer.agentLeft()
                || consultation != null && consultation.agentLeft();
    }

    /**
     * Puts the contact on hold ({@code on}) or takes it off. On hold the relay stops, the agent hears nothing and the
     * contact hears the hold music, looped (silence when none is configured); off hold the music stops and the relay
     * starts again. Completes with false when the call is not bridged, is busy with a side call, or is already in
     * the asked state.
     */
    public CompletableFuture<Boolean> hold(boolean on) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                if (!host.bridged() || bridge == null || bridge.held() == on || busy()) {
                    done.complete(false);
                    return;
                }
                if (on) {
                    holdContact();
                } else {
                    restore();
                }
                done.complete(true);
            } catch (RuntimeException e) {
                done.complete(false);
                host.failed(e);
            }
        });
        return done;
    }

    /**
     * The agent's phone held the call ({@code held}: its re-INVITE offered sendonly or inactive) or retrieved it: the
     * contact goes on hold (hold music) or back to the agent, as with the desktop's Hold and Retrieve. Returns true if
     * that changed the call (false when it is not bridged, busy with a side call, or already so). Call's executor.
     */
    public boolean phoneHold(boolean held) {
        if (!host.bridged() || bridge == null || bridge.held() == held || busy()) {
            return false;
        }
        try {
            if (held) {
                holdContact();
            } else {
                restore();
            }
            return true;
        } catch (RuntimeException e) {
            host.failed(e);
            return false;
        }
    }

    /**
     * The agent's keypad: DTMF to the bridged contact (see {@link Leg#sendDtmf}). Fails when the call is not
     * bridged, or as the contact's leg reports.
     */
    public CompletableFuture<Void> sendDtmf(String digits, java.time.Duration perDigit) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        executor.execute(() -> {
            Leg contact = host.contact();
            if (!host.bridged() || contact == null) {
                sent.completeExceptionally(new IllegalStateException("the contact is not connected"));
                return;
            }
            contact.sendDtmf(digits, perDigit).whenComplete((ok, failure) -> {
                if (failure == null) {
                    sent.complete(null);
                } else {
                    sent.completeExceptionally(failure);
                }
            });
        });
        return sent;
    }

    /**
     * Blind transfer of the bridged call to {@code target} (see {@link Transfer}); what happens next reaches
     * {@code listener} on the call's executor. Completes with false (and nothing is dialed) when the call is not
     * bridged, is on hold, or a transfer or conference is already under way.
     */
    public CompletableFuture<Boolean> transfer(DialRequest target, Transfer.Listener listener) {
        return start(() -> {
            transfer = new Transfer(callId, target, new TransferLegs(), listener);
            transfer.start();
        });
    }

    /**
     * Conference of the bridged call with {@code target} (see {@link Conference}); what happens next reaches
     * {@code listener} on the call's executor. Completes with false (and nothing is dialed) as {@link #transfer}.
     */
    public CompletableFuture<Boolean> conference(DialRequest target, Conference.Listener listener) {
        return start(() -> {
            conference = new Conference(callId, target, new ConferenceLegs(), listener);
            conference.start();
        });
    }

    /**
     * Consultation of {@code target} (see {@link Consultation}); what happens next reaches {@code listener} on the
     * call's executor. Completes with false (and nothing is dialed) as {@link #transfer}.
     */
    public CompletableFuture<Boolean> consult(DialRequest target, Consultation.Listener listener) {
        return start(() -> {
            consultation = new Consultation(callId, target, new ConsultLegs(), listener);
            consultation.start();
        });
    }

    /** CancelConsult; completes with false when no consultation is under way. */
    public CompletableFuture<Boolean> cancelConsult() {
        return onConsultation(c -> c.cancel());
    }

    /** CompleteTransfer; completes with false unless agent and consulted party are talking. */
    public CompletableFuture<Boolean> completeTransfer() {
        return onConsultation(Consultation::completeTransfer);
    }

    /**
     * CompleteConference: contact, agent and consulted party are mixed; from here a {@link Conference} reporting to
     * {@code listener} (joined at once) carries on. Completes with false unless agent and target are talking.
     */
    public CompletableFuture<Boolean> completeConference(Conference.Listener listener) {
        return onConsultation(c -> {
            if (!c.conferenced()) {
                return false;
            }
            conference = new Conference(callId, c.targetRequest(), new ConferenceLegs(), listener, c.targetLeg());
            new ConferenceLegs().mix(c.targetLeg());
            listener.joined(conference);
            return true;
        });
    }

    private CompletableFuture<Boolean> onConsultation(java.util.function.Predicate<Consultation> step) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                done.complete(consultation != null && step.test(consultation));
            } catch (RuntimeException e) {
                done.complete(false);
                host.failed(e);
            }
        });
        return done;
    }

    private CompletableFuture<Boolean> start(Runnable sideCall) {
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        executor.execute(() -> {
            if (!mayStart()) {
                started.complete(false);
                return;
            }
            started.complete(true);
            try {
                sideCall.run();
            } catch (RuntimeException e) {
                host.failed(e);
            }
        });
        return started;
    }

    /**
     * A party leaves the three-party conference: the agent ({@code agentLeaves} true: only its leg is released,
     * contact and target talk on) or the target (its leg is hung up, contact and agent talk on). Completes with
     * false when no conference is mixing.
     */
    public CompletableFuture<Boolean> leaveConference(boolean agentLeaves) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                done.complete(conference != null
                        && (agentLeaves ? conference.agentLeaves() : conference.targetLeaves()));
            } catch (RuntimeException e) {
                done.complete(false);
                host.failed(e);
            }
        });
        return done;
    }

    private boolean mayStart() {
        return host.bridged() && bridge != null && !bridge.held() && !busy();
    }

    /** A transfer or conference holds the call (dialing its target, or mixing). */
    public boolean busy() {
        return transfer != null && transfer.phase().inProgress()
                || conference != null && conference.phase().inProgress()
                || consultation != null && consultation.phase().inProgress();
    }

    /** The call is ending or was dropped: every side call's target is hung up, the mix and the music stop. */
    public void abort() {
        if (transfer != null) {
            transfer.abort();
        }
        if (conference != null) {
            conference.abort();
        }
        if (consultation != null) {
            consultation.abort();
        }
        stopMix();
        stopHoldMusic();
    }

    /** Stops the hold music, if it plays. */
    public void stopHoldMusic() {
        if (holdPlayback != null) {
            holdPlayback.stop();
            holdPlayback = null;
        }
    }

    /** The RTP counters of the latest conference's target leg, or no media. Safe from any thread. */
    public StreamStats conferenceTargetMedia() {
        Conference c = conference;
        return c == null ? CallOutcome.NO_MEDIA : c.targetMedia();
    }

    /** The RTP counters of the latest consultation's target leg, or no media. Safe from any thread. */
    public StreamStats consultTargetMedia() {
        Consultation c = consultation;
        return c == null ? CallOutcome.NO_MEDIA : c.targetMedia();
    }

    /** Contact on hold: the relay to the agent stops and the hold music plays. */
    private void holdContact() {
        bridge.hold();
        Leg contact = host.contact();
        if (holdMusic != null && media != null && contact.media() != null && contact.media().peer() != null) {
            holdPlayback = media.play(contact.media(), holdMusic, true);
        }
    }

    /** Hold music off, contact and agent talk again. */
    private void restore() {
        stopHoldMusic();
        bridge.retrieve();
    }

    private void stopMix() {
        if (mixing != null) {
            mixing.stop();
            mixing = null;
        }
    }

    /**
     * Dials a side call's target on the call's executor. Once the target has taken the agent's place its leg is the
     * host's agent and its events are the agent's; until then they go to {@code onTarget}.
     */
    private Leg dialTarget(DialRequest target, Consumer<LegEvent> onTarget) {
        return userAgent.dial(target, executor, event -> {
            try {
                if (event.leg() == host.agent()) {
                    host.agentEvent(event);
                } else {
                    onTarget.accept(event);
                }
            } catch (RuntimeException e) {
                host.failed(e);
            }
        });
    }

    /** The contact goes to {@code target}, bridged; the agent's leg is let go. */
    private void handOver(Leg target) {
        Leg previous = host.agent();
        bridge.dissolve();
        releasedAgent = previous;
        host.agentLeg(target);
        bridge = userAgent.bridge(host.contact(), target);
        previous.hangup();
    }

    /** The legs a transfer works on. */
    private final class TransferLegs implements Transfer.Legs {
        /** Untied rather than held: the transferring agent may hang up without ending the contact's leg. */
        @Override
        public void holdContact() {
            SideCalls.this.holdContact();
            bridge.dissolve();
        }

        @Override
        public Leg dialTarget(DialRequest target) {
            return SideCalls.this.dialTarget(target, transfer::onTargetEvent);
        }

        @Override
        public void handOver(Leg target) {
            stopHoldMusic();
            SideCalls.this.handOver(target);
        }

        @Override
        public void restore() {
            stopHoldMusic();
            bridge = userAgent.bridge(host.contact(), host.agent());
        }

        @Override
        public void releaseContact(io.outdial.dialer.record.CallResult result) {
            stopHoldMusic();
            host.releaseContact(result);
        }
    }

    /** A consulted target's events: the conference's once a consultation became one, else the consultation's. */
    private void consultTargetEvent(LegEvent event) {
        if (conference != null && conference.targetLeg() == event.leg()) {
            conference.onTargetEvent(event);
        } else {
            consultation.onTargetEvent(event);
        }
    }

    /** The legs a consultation works on. */
    private final class ConsultLegs implements Consultation.Legs {
        @Override
        public void holdContact() {
            SideCalls.this.holdContact();
            bridge.dissolve();
        }

        @Override
        public Leg dialTarget(DialRequest target) {
            return SideCalls.this.dialTarget(target, SideCalls.this::consultTargetEvent);
        }

        @Override
        public void talk(Leg target) {
            Leg agent = host.agent();
            if (media != null && agent.media() != null && target.media() != null) {
                mixing = media.conference(List.of(agent.media(), target.media()));
            }
        }

        @Override
        public void backToContact() {
            stopMix();
            stopHoldMusic();
            bridge = userAgent.bridge(host.contact(), host.agent());
        }

        @Override
        public void handOver(Leg target) {
            stopMix();
            stopHoldMusic();
            SideCalls.this.handOver(target);
        }

        @Override
        public void stopTalk() {
            stopMix();
        }
    }

    /** The legs a conference works on. */
    private final class ConferenceLegs implements Conference.Legs {
        @Override
        public void holdContact() {
            SideCalls.this.holdContact();
        }

        @Override
        public Leg dialTarget(DialRequest target) {
            return SideCalls.this.dialTarget(target, conference::onTargetEvent);
        }

        @Override
        public void mix(Leg target) {
            stopHoldMusic();
            bridge.dissolve();
            Leg contact = host.contact();
            Leg agent = host.agent();
            if (media != null && contact.media() != null && agent.media() != null && target.media() != null) {
                mixing = media.conference(List.of(contact.media(), agent.media(), target.media()));
            }
        }

        @Override
        public void releaseAgent(Leg target) {
            SideCalls.this.stopMix();
            SideCalls.this.handOver(target);
        }

        @Override
        public void backToAgent() {
            SideCalls.this.stopMix();
            bridge = userAgent.bridge(host.contact(), host.agent());
        }

        @Override
        public void restore() {
            SideCalls.this.restore();
        }

        @Override
        public void stopMix() {
            SideCalls.this.stopMix();
        }
    }
}
