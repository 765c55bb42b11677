package io.outdial.dialer.call;

import io.outdial.media.RtpEndpoint;
import io.outdial.sip.Bridge;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegEvent.EndReason;
import io.outdial.sip.LegEvent.FailureKind;
import io.outdial.sip.LegListener;
import io.outdial.sip.LegState;
import io.outdial.sip.SipUserAgent;
import io.outdial.core.exec.CallExecutor;
import java.util.ArrayList;
import java.util.List;

/** A user agent whose legs the test scripts; bridging joins their ends. */
final class ScriptedUserAgent implements SipUserAgent {
    final List<ScriptedLeg> legs = new ArrayList<>();
    /** What each leg was dialed with, in the order of {@link #legs}. */
    final List<DialRequest> requests = new ArrayList<>();
    int bridges;
    final List<ScriptedBridge> bridged = new ArrayList<>();
    boolean refuseBridge;

    @Override
    public Leg dial(DialRequest request, CallExecutor executor, LegListener listener) {
        ScriptedLeg leg = new ScriptedLeg(request.requestUri(), listener);
        legs.add(leg);
        requests.add(request);
        return leg;
    }

    @Override
    public Bridge bridge(Leg a, Leg b) {
        if (refuseBridge) {
            throw new IllegalStateException("scripted refusal");
        }
        bridges++;
        ScriptedBridge bridge = new ScriptedBridge((ScriptedLeg) a, (ScriptedLeg) b);
        bridged.add(bridge);
        return bridge;
    }

    @Override
    public int activeLegs() {
        return (int) legs.stream().filter(l -> !l.state().isTerminal()).count();
    }

    @Override
    public void close() {
    }
}
