package io.outdial.sip;

import io.outdial.media.MediaEngine;
import io.outdial.media.RtpRelay;

/**
 * A {@link Bridge} whose two answered legs have their RTP relayed by the media engine: hold stops the relay and
 * retrieve starts a new one, and the end of either leg hangs up the other until the bridge is dissolved. A subclass
 * says where it hears that a leg ended and calls {@link #legEnded} from there. Call's executor only.
 */
public abstract class RelayedBridge implements Bridge {
    private final Leg a;
    private final Leg b;
    private final MediaEngine media;
    private RtpRelay relay;
    private boolean held;
    private boolean dissolved;

    /** @param relay the relay already running between the legs' media */
    protected RelayedBridge(Leg a, Leg b, RtpRelay relay, MediaEngine media) {
        this.a = a;
        this.b = b;
        this.relay = relay;
        this.media = media;
    }

    /** One leg became terminal (before its endpoint closes): the relay stops and {@code survivor} is hung up. */
    protected final void legEnded(Leg survivor) {
        if (dissolved) {
            return;
        }
        relay.stop();
        survivor.hangup();
    }

    /** Whether the legs still belong together: neither held nor dissolved. */
    protected final boolean relaying() {
        return !held && !dissolved;
    }

    @Override
    public final Leg a() {
        return a;
    }

    @Override
    public final Leg b() {
        return b;
    }

    @Override
    public final RtpRelay relay() {
        return relay;
    }

    @Override
    public final void hold() {
        if (!held) {
            held = true;
            relay.stop();
        }
    }

    @Override
    public final void retrieve() {
        if (held && !dissolved && !a.state().isTerminal() && !b.state().isTerminal()) {
            relay = media.relay(a.media(), b.media());
            held = false;
        }
    }

    @Override
    public final boolean held() {
        return held;
    }

    @Override
    public final void dissolve() {
        dissolved = true;
        held = true;
        relay.stop();
    }

    @Override
    public final void hangup() {
        relay.stop();
        a.hangup();
        b.hangup();
    }
}
