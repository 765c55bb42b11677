package io.outdial.dialer.call;

import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import java.util.List;
import java.util.function.Consumer;

/** The legs a {@link Consultation} works on, over the call's {@link SideLegs}. Call's executor only. */
final class ConsultLegs implements Consultation.Legs {
    private final SideLegs legs;
    /** Where the consulted target's events go (the consultation's, or the conference's it became). */
    private final Consumer<LegEvent> onTarget;

    ConsultLegs(SideLegs legs, Consumer<LegEvent> onTarget) {
        this.legs = legs;
        this.onTarget = onTarget;
    }

    @Override
    public void holdContact() {
        legs.holdContact();
        legs.untieContact();
    }

    @Override
    public Leg dialTarget(DialRequest target) {
        return legs.dialTarget(target, onTarget);
    }

    @Override
    public void talk(Leg target) {
        legs.mix(List.of(legs.host().agent(), target));
    }

    @Override
    public void backToContact() {
        legs.stopMix();
        legs.stopHoldMusic();
        legs.bridgeAgain();
    }

    @Override
    public void handOver(Leg target) {
        legs.stopMix();
        legs.stopHoldMusic();
        legs.handOver(target);
    }

    @Override
    public void stopTalk() {
        legs.stopMix();
    }
}
