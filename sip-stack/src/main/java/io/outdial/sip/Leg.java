package io.outdial.sip;

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
     * Ends the leg: CANCEL before answer, BYE after. The leg then reports Failed(CANCELLED) or Ended(LOCAL_HANGUP).
     * Safe to call in any state and more than once.
     */
    void hangup();

    /** When the INVITE went out on the wire (the scheduler's clock), null until then; safe from any thread. */
    default java.time.Instant inviteSent() {
        return null;
    }
}
