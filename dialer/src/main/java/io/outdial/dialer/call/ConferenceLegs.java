package io.outdial.dialer.call;

import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import java.util.List;
import java.util.function.Supplier;

/** The legs a {@link Conference} works on, over the call's {@link SideLegs}. Call's executor only. */
final class ConferenceLegs implements Conference.Legs {
    private final SideLegs legs;
    /** The conference these legs serve (read when its target is dialed, once it exists). */
    private final Supplier<Conference> conference;

    ConferenceLegs(SideLegs legs, Supplier<Conference> conference) {
        this.legs = legs;
        this.conference = conference;
    }

    @Override
    public void holdContact() {
        legs.holdContact();
    }

    @Override
    public Leg dialTarget(DialRequest target) {
        return legs.dialTarget(target, conference.get()::onTargetEvent);
    }

    /** Unties contact and agent and mixes the three. */
    @Override
    public void mix(Leg target) {
        legs.stopHoldMusic();
        legs.untieContact();
        legs.mix(List.of(legs.host().contact(), legs.host().agent(), target));
    }

    @Override
    public void releaseAgent(Leg target) {
        legs.stopMix();
        legs.handOver(target);
    }

    @Override
    public void backToAgent() {
        legs.stopMix();
        legs.bridgeAgain();
    }

    @Override
    public void restore() {
        legs.restore();
    }

    @Override
    public void stopMix() {
        legs.stopMix();
    }
}
