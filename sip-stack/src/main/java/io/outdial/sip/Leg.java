package io.outdial.sip;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.outdial.media.RtpEndpoint;
import io.outdial.core.exec.CallExecutor;

/** One outbound SIP dialog of a call, with its anchored RTP endpoint. */
public interface Leg {

    /** The SIP Call-ID of this leg. */
    String callId();

    /** The Request-URI dialed. */
    String target();

    /** The current state; read it on the call's executor. */
    LegState state();

    /** The serial executor all of this leg's events run on. */
    CallExecutor executor();

    /** This leg's local RTP endpoint (its peer is connected once SDP is answered). */
    RtpEndpoint media();

    /**
     * Sends DTMF {@code digits} (0-9, *, #, A-D) to the far end, each lasting {@code perDigit} (40 ms to 2 s):
     * RFC 4733 telephone-events on this leg's RTP stream when the far end negotiated telephone-event, else one SIP
     * INFO (application/dtmf-relay) per digit. Digits queue behind those still being sent. Safe from any thread;
     * the future completes on the leg's executor once the last digit is out (for INFO: answered with 2xx), and
     * fails on bad digits or duration, a leg that is not answered or ends first, or a far end refusing INFO.
     */
    CompletableFuture<Void> sendDtmf(String digits, Duration perDigit);

    /**
     * Ends the leg: CANCEL before answer, BYE after. The leg then reports Failed(CANCELLED) or Ended(LOCAL_HANGUP).
     * Safe to call in any state and more than once.
     */
    void hangup();

    /** When the INVITE went out on the wire (the scheduler's clock), null until then; safe from any thread. */
    default java.time.Instant inviteSent() {
        return null;
    }
}
