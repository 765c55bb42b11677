package io.outdial.dialer.call;

import io.outdial.dialer.record.CallResult;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import java.util.function.Supplier;

/** The legs a blind {@link Transfer} works on, over the call's {@link SideLegs}. Call's executor only. */
final class TransferLegs implements Transfer.Legs {
    private final SideLegs legs;
    /** The transfer these legs serve (read when its target is dialed, once it exists). */
    private final Supplier<Transfer> transfer;

    TransferLegs(SideLegs legs, Supplier<Transfer> transfer) {
        this.legs = legs;
        this.transfer = transfer;
    }

    /** Untied rather than held: the transferring agent may hang up without ending the contact's leg. */
    @Override
    public void holdContact() {
        legs.holdContact();
        legs.untieContact();
    }

    @Override
    public Leg dialTarget(DialRequest target) {
        return legs.dialTarget(target, transfer.get()::onTargetEvent);
    }

    @Override
    public void handOver(Leg target) {
        legs.stopHoldMusic();
        legs.handOver(target);
    }

    @Override
    public void restore() {
        legs.stopHoldMusic();
        legs.bridgeAgain();
    }

    @Override
    public void releaseContact(CallResult result) {
        legs.stopHoldMusic();
        legs.host().releaseContact(result);
    }
}
