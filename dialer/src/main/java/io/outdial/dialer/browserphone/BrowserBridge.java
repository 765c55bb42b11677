package io.outdial.dialer.browserphone;

import io.outdial.media.MediaEngine;
import io.outdial.sip.Leg;
import io.outdial.sip.RelayedBridge;

/**
 * Two answered legs of one call, at least one of them a browser phone's, with their RTP relayed; the end of either
 * hangs up the other, as the SIP stack's own bridge does. Call's executor only.
 */
final class BrowserBridge extends RelayedBridge {

    /** @param terminations where the end of each leg is heard (the user agent's hooks) */
    BrowserBridge(Leg a, Leg b, MediaEngine media, LegTerminations terminations) {
        super(a, b, media.relay(a.media(), b.media()), media);
        terminations.whenTerminated(a, () -> legEnded(b));
        terminations.whenTerminated(b, () -> legEnded(a));
    }

    /** Where a bridge hears that one of its legs became terminal. */
    interface LegTerminations {
        void whenTerminated(Leg leg, Runnable task);
    }
}
