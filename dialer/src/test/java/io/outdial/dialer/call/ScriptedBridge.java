package io.outdial.dialer.call;

import io.outdial.media.RtpRelay;
import io.outdial.sip.Bridge;
import io.outdial.sip.Leg;

/** A scripted bridge: ties the ends of its two legs until dissolved, and tracks hold. */
final class ScriptedBridge implements Bridge {
    private final ScriptedLeg a;
    private final ScriptedLeg b;
    boolean held;
    boolean dissolved;

    ScriptedBridge(ScriptedLeg a, ScriptedLeg b) {
        this.a = a;
        this.b = b;
        a.onEnd = b::hangup;
        b.onEnd = a::hangup;
    }

    @Override
    public Leg a() {
        return a;
    }

    @Override
    public Leg b() {
        return b;
    }

    @Override
    public RtpRelay relay() {
        return null;
    }

    @Override
    public void hold() {
        held = true;
    }

    @Override
    public void retrieve() {
        if (!dissolved) {
            held = false;
        }
    }

    @Override
    public boolean held() {
        return held;
    }

    @Override
    public void dissolve() {
        dissolved = true;
        held = true;
        a.onEnd = () -> { };
        b.onEnd = () -> { };
    }

    @Override
    public void hangup() {
        a.hangup();
        b.hangup();
    }
}
