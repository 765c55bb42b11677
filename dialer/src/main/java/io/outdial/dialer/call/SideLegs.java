package io.outdial.dialer.call;

import io.outdial.core.exec.CallExecutor;
import io.outdial.media.MediaEngine;
import io.outdial.media.Playback;
import io.outdial.media.player.MediaClip;
import io.outdial.sip.Bridge;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.SipUserAgent;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every side call of one call works on: the bridge of contact and agent, the hold music, the two- or three-party
 * mix, the agent leg a hand-over let go, and the {@link SideCalls.MediaWatch} that follows the contact's media. Owned
 * by {@link SideCalls}; {@link TransferLegs}, {@link ConsultLegs} and {@link ConferenceLegs} are its views for each
 * kind of side call. Call's executor only.
 */
final class SideLegs {
    private static final SideCalls.MediaWatch NO_WATCH = new SideCalls.MediaWatch() {
        @Override
        public void bridged(Leg contact, boolean onHold) {
        }

        @Override
        public void onHold(boolean held) {
        }

        @Override
        public void ended() {
        }
    };

    private final CallExecutor executor;
    private final SipUserAgent userAgent;
    private final SideCalls.Host host;
    private final MediaEngine media;
    /** Looped to a contact on hold (null: silence). */
    private final MediaClip holdMusic;
    private SideCalls.MediaWatch watch = NO_WATCH;
    private Bridge bridge;
    private Playback holdPlayback;
    /** The three-party mix of a conference, or the agent and consulted party of a consultation, while they talk. */
    private io.outdial.media.Conference mixing;
    /** The transferring agent's leg once a transfer handed the contact over: its end is no news. */
    private Leg releasedAgent;

    SideLegs(CallExecutor executor, SipUserAgent userAgent, SideCalls.Host host, MediaEngine media,
             MediaClip holdMusic) {
        this.executor = executor;
        this.userAgent = userAgent;
        this.host = host;
        this.media = media;
        this.holdMusic = holdMusic;
    }

    SideCalls.Host host() {
        return host;
    }

    Bridge bridge() {
        return bridge;
    }

    /** Contact and agent are bridged by {@code newBridge} (the call's first bridge). */
    void connected(Bridge newBridge) {
        bridge = newBridge;
        watch.bridged(host.contact(), false);
    }

    /** {@code newWatch} follows the contact's media from now on (told at once when already bridged). */
    void watch(SideCalls.MediaWatch newWatch) {
        watch = newWatch;
        if (bridge != null) {
            newWatch.bridged(host.contact(), bridge.held() || holdPlayback != null);
        }
    }

    /** The call ended: the watch is told (once: {@link SideCalls#abort} guards it). */
    void ended() {
        watch.ended();
    }

    boolean isReleasedAgent(Leg leg) {
        return releasedAgent != null && leg == releasedAgent;
    }

    /** Contact on hold: the relay to the agent stops and the hold music plays. */
    void holdContact() {
        watch.onHold(true);
        bridge.hold();
        Leg contact = host.contact();
        if (holdMusic != null && media != null && contact.media() != null && contact.media().peer() != null) {
            holdPlayback = media.play(contact.media(), holdMusic, true);
        }
    }

    /** Untied rather than held: the agent may hang up without ending the contact's leg. */
    void untieContact() {
        bridge.dissolve();
    }

    /** Hold music off, contact and agent talk again. */
    void restore() {
        stopHoldMusic();
        bridge.retrieve();
    }

    /** Contact and agent are bridged anew (after the old bridge was dissolved). */
    void bridgeAgain() {
        bridge = userAgent.bridge(host.contact(), host.agent());
    }

    /** Stops the hold music, if it plays. */
    void stopHoldMusic() {
        watch.onHold(false);
        if (holdPlayback != null) {
            holdPlayback.stop();
            holdPlayback = null;
        }
    }

    /** Mixes {@code legs} (when every one has media and there is a media engine). */
    void mix(List<Leg> legs) {
        if (media == null) {
            return;
        }
        for (Leg leg : legs) {
            if (leg.media() == null) {
                return;
            }
        }
        mixing = media.conference(legs.stream().map(Leg::media).toList());
    }

    void stopMix() {
        if (mixing != null) {
            mixing.stop();
            mixing = null;
        }
    }

    /**
     * Dials a side call's target on the call's executor. Once the target has taken the agent's place its leg is the
     * host's agent and its events are the agent's; until then they go to {@code onTarget}.
     */
    Leg dialTarget(DialRequest target, Consumer<LegEvent> onTarget) {
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
    void handOver(Leg target) {
        Leg previous = host.agent();
        bridge.dissolve();
        releasedAgent = previous;
        host.agentLeg(target);
        bridge = userAgent.bridge(host.contact(), target);
        previous.hangup();
    }
}
