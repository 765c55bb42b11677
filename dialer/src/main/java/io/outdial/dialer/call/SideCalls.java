package io.outdial.dialer.call;

import io.outdial.core.exec.Continuations;
import io.outdial.media.MediaEngine;
import io.outdial.media.StreamStats;
import io.outdial.media.player.MediaClip;
import io.outdial.sip.Bridge;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.SipUserAgent;
import io.outdial.core.exec.CallExecutor;
import java.util.concurrent.CompletableFuture;

/**
 * What an agent does with a bridged contact besides talking: hold, blind transfer ({@link Transfer}) and conference
 * ({@link Conference}). Works for any call that bridges a contact leg to an agent leg and lends them through
 * {@link Host}: campaign calls (progressive, predictive, assured connection and ASM once bridged) and preview calls.
 * Keeps the latest side call of each kind; what they work on (the bridge, the hold music, the mix, the agent leg a
 * hand-over let go) is {@link SideLegs}, seen by each kind through its own view ({@link TransferLegs},
 * {@link ConsultLegs}, {@link ConferenceLegs}). Call's executor only, except the methods that return a future (they
 * hop there).
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

    /**
     * Follows the contact's media for a recorder: told on the call's executor when contact and agent are first
     * bridged, when hold music starts and stops (hold, and the hold of a transfer, consultation or conference), and
     * when the call ends. The contact's leg stays the same through transfers, consultations and conferences.
     */
    public interface MediaWatch {
        void bridged(Leg contact, boolean onHold);

        void onHold(boolean held);

        void ended();
    }

    private final String callId;
    private final CallExecutor executor;
    private final Host host;
    /** The bridge, hold music, mix and released agent leg every side call works on. */
    private final SideLegs legs;
    private boolean ended;
    /** The latest blind transfer, or null. */
    private Transfer transfer;
    /** The latest conference, or null. */
    private volatile Conference conference;
    /** The latest consultation, or null. */
    private Consultation consultation;

    /**
     * @param callId   the call's id (its interaction's), in the side calls' logs
     * @param executor the call's serial executor, where every side call runs
     * @param host     what the call lends: its legs and how it ends
     */
    public SideCalls(String callId, CallExecutor executor, SipUserAgent userAgent, Host host, MediaEngine media,
                     MediaClip holdMusic) {
        this.callId = callId;
        this.executor = executor;
        this.host = host;
        this.legs = new SideLegs(executor, userAgent, host, media, holdMusic);
    }

    /** Contact and agent are bridged by {@code bridge}. */
    public void connected(Bridge bridge) {
        legs.connected(bridge);
    }

    /**
     * Makes {@code newWatch} follow this call's contact media (in place of any earlier watch): at once when contact
     * and agent are already bridged, else when they are. Completes with false (and the watch is never called) when
     * the call has ended. Safe from any thread.
     */
    public CompletableFuture<Boolean> watch(MediaWatch newWatch) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        executor.execute(() -> {
            if (ended) {
                done.complete(false);
                return;
            }
            legs.watch(newWatch);
            done.complete(true);
        });
        return done;
    }

    /** The current bridge of contact and agent, or null before the first. */
    public Bridge bridge() {
        return legs.bridge();
    }

    /** True if {@code leg} is an agent leg a transfer or conference released on purpose: its events are no news. */
    public boolean isReleasedAgent(Leg leg) {
        return legs.isReleasedAgent(leg);
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
                if (!holdable(on)) {
                    done.complete(false);
                    return;
                }
                if (on) {
                    legs.holdContact();
                } else {
                    legs.restore();
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
        if (!holdable(held)) {
            return false;
        }
        try {
            if (held) {
                legs.holdContact();
            } else {
                legs.restore();
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
            contact.sendDtmf(digits, perDigit).whenComplete(Continuations.logged("SideCalls.sendDtmf", (ok, failure) -> {
                if (failure == null) {
                    sent.complete(null);
                } else {
                    sent.completeExceptionally(failure);
                }
            }));
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
            transfer = new Transfer(callId, target, new TransferLegs(legs, () -> transfer), listener);
            transfer.start();
        });
    }

    /**
     * Conference of the bridged call with {@code target} (see {@link Conference}); what happens next reaches
     * {@code listener} on the call's executor. Completes with false (and nothing is dialed) as {@link #transfer}.
     */
    public CompletableFuture<Boolean> conference(DialRequest target, Conference.Listener listener) {
        return start(() -> {
            conference = new Conference(callId, target, new ConferenceLegs(legs, () -> conference), listener);
            conference.start();
        });
    }

    /**
     * Consultation of {@code target} (see {@link Consultation}); what happens next reaches {@code listener} on the
     * call's executor. Completes with false (and nothing is dialed) as {@link #transfer}.
     */
    public CompletableFuture<Boolean> consult(DialRequest target, Consultation.Listener listener) {
        return start(() -> {
            consultation = new Consultation(callId, target, new ConsultLegs(legs, this::consultTargetEvent), listener);
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
            conference = new Conference(callId, c.targetRequest(), new ConferenceLegs(legs, () -> conference), listener,
                    c.targetLeg());
            new ConferenceLegs(legs, () -> conference).mix(c.targetLeg());
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
        Bridge bridge = legs.bridge();
        return host.bridged() && bridge != null && !bridge.held() && !busy();
    }

    /** Hold ({@code on}) or retrieve may be done now: bridged, not busy with a side call, not already so. */
    private boolean holdable(boolean on) {
        Bridge bridge = legs.bridge();
        return host.bridged() && bridge != null && bridge.held() != on && !busy();
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
        legs.stopMix();
        legs.stopHoldMusic();
        if (!ended) {
            ended = true;
            legs.ended();
        }
    }

    /** Stops the hold music, if it plays. */
    public void stopHoldMusic() {
        legs.stopHoldMusic();
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

    /** A consulted target's events: the conference's once a consultation became one, else the consultation's. */
    private void consultTargetEvent(LegEvent event) {
        if (conference != null && conference.targetLeg() == event.leg()) {
            conference.onTargetEvent(event);
        } else {
            consultation.onTargetEvent(event);
        }
    }
}
