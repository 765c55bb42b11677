package io.outdial.dialer.browserphone;

import io.outdial.media.MediaEngine;
import io.outdial.media.RtpRelay;
import io.outdial.sip.Bridge;
import io.outdial.sip.Leg;

/**
 * Two answered legs of one call, at least one of them a browser phone's, with their RTP relayed; the end of either
 * hangs up the other, as the SIP stack's own bridge does. Call's executor only.
 */
final class BrowserBridge implements Bridge {
    private final Leg a;
    private final Leg b;
    private final MediaEngine media;
    private RtpRelay relay;
    private boolean held;
    private boolean dissolved;

    /** @param terminations where the end of each leg is heard (the user agent's hooks) */
    BrowserBridge(Leg a, Leg b, MediaEngine media, LegTerminations terminations) {
        this.a = a;
        this.b = b;
        this.media = media;
        this.relay = media.relay(a.media(), b.media());
        terminations.whenTerminated(a, () -> legEnded(b));
        terminations.whenTerminated(b, () -> legEnded(a));
    }

    private void legEnded(Leg survivor) {
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

    /** Where a bridge hears that one of its legs became terminal. */
    interface LegTerminations {
        void whenTerminated(Leg leg, Runnable task);
    }
}
