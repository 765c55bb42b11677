package io.outdial.sip.ua;

import io.outdial.media.MediaEngine;
import io.outdial.media.RtpRelay;
import io.outdial.sip.LegState;
import io.outdial.sip.RelayedBridge;

/** Two answered legs of one call with their RTP relayed; the end of either hangs up the other. */
final class LegBridge extends RelayedBridge {

    LegBridge(OutboundLeg a, OutboundLeg b, RtpRelay relay, MediaEngine media) {
        super(a, b, relay, media);
        // Runs on the call's executor when a leg becomes terminal, before its endpoint closes.
        a.whenTerminated(() -> legEnded(b));
        b.whenTerminated(() -> legEnded(a));
        // A digit sent in SIP INFO does not ride the RTP relay: the other leg sends it its own way (RFC 4733 if it
        // negotiated telephone-event, else INFO).
        a.whenDtmfInfo(d -> relayDigit(d, b));
        b.whenDtmfInfo(d -> relayDigit(d, a));
    }

    private void relayDigit(DtmfInfoBody digit, OutboundLeg to) {
        if (!relaying() || to.state() != LegState.ANSWERED) {
            return;
        }
        to.sendDtmf(String.valueOf(digit.digit()), digit.duration());
    }
}
