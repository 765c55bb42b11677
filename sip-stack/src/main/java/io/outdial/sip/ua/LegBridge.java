package io.outdial.sip.ua;

import io.outdial.media.MediaEngine;
import io.outdial.media.RtpRelay;
import io.outdial.sip.Bridge;
import io.outdial.sip.Leg;

/** Two answered legs of one call with their RTP relayed; the end of either hangs up the other. */
final class LegBridge implements Bridge {
    private final OutboundLeg a;
    private final OutboundLeg b;
    private final MediaEngine media;
    private RtpRelay relay;
    private boolean held;
    private boolean dissolved;

    LegBridge(OutboundLeg a, OutboundLeg b, RtpRelay relay, MediaEngine media) {
        this.a = a;
        this.b = b;
        this.relay = relay;
        this.media = media;
        // Runs on the call's executor when a leg becomes terminal, before its endpoint closes.
        a.whenTerminated(() -> legEnded(b));
        b.whenTerminated(() -> legEnded(a));
        // A digit sent in SIP INFO does not ride the RTP relay: the other leg sends it its own way (RFC 4733 if it
        // negotiated telephone-event, else INFO).
        a.whenDtmfInfo(d -> relayDigit(d, b));
        b.whenDtmfInfo(d -> relayDigit(d, a));
    }

    private void relayDigit(DtmfInfoBody digit, OutboundLeg to) {
        if (held || dissolved || to.state() != io.outdial.sip.LegState.ANSWERED) {
            return;
        }
        to.sendDtmf(String.valueOf(digit.digit()), digit.duration());
    }

    private void legEnded(OutboundLeg survivor) {
        if (dissolved) {
            return;
        }
        relay.stop();
        survivor.hangup();
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
        return relay;
    }

    @Override
    public void hold() {
        if (!held) {
            held = true;
            relay.stop();
        }
    }

    @Override
    public void retrieve() {
        if (held && !dissolved && !a.state().isTerminal() && !b.state().isTerminal()) {
            relay = media.relay(a.media(), b.media());
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
        relay.stop();
    }

    @Override
    public void hangup() {
        relay.stop();
        a.hangup();
        b.hangup();
    }
}
