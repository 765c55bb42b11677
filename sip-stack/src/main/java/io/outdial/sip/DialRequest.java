package io.outdial.sip;

import io.outdial.sip.auth.DigestClient;
import java.time.Duration;

/**
 * What to dial: a Request-URI, the identity to present, an optional outbound proxy, and how long to let it ring.
 * Build with {@link #contactViaTrunk} or {@link #agentPhone}.
 *
 * @param mediaFromSignalling the far end is a phone whose media comes from where its SIP does (true for agents'
 *                            phones): if its SDP names another address (a private one behind NAT, or an interface
 *                            it does not send from), RTP goes to and is accepted from the address its answer came
 *                            from. False for trunks, whose media servers often sit elsewhere than their signalling.
 * @param credentials         answers the far end's 401/407 (the trunk's digest credentials), or null
 * @param session             100rel and session timers of the dialog; null: {@link SessionOptions#DEFAULTS}
 * @param srtp                whether the offer carries SDES-SRTP keys, and whether an answer must take them; null: OFF
 */
public record DialRequest(String requestUri, Transport transport, String outboundProxy, String fromUser,
                          String fromDisplayName, Duration ringTimeout, boolean mediaFromSignalling,
                          DigestClient credentials, SessionOptions session, SrtpMode srtp) {

    /** Plain RTP. */
    public DialRequest(String requestUri, Transport transport, String outboundProxy, String fromUser,
                       String fromDisplayName, Duration ringTimeout, boolean mediaFromSignalling,
                       DigestClient credentials, SessionOptions session) {
        this(requestUri, transport, outboundProxy, fromUser, fromDisplayName, ringTimeout, mediaFromSignalling,
                credentials, session, null);
    }

    public DialRequest(String requestUri, Transport transport, String outboundProxy, String fromUser,
                       String fromDisplayName, Duration ringTimeout, boolean mediaFromSignalling,
                       DigestClient credentials) {
        this(requestUri, transport, outboundProxy, fromUser, fromDisplayName, ringTimeout, mediaFromSignalling,
                credentials, null, null);
    }

    /** This request with other 100rel and session timer options. */
    public DialRequest withSession(SessionOptions options) {
        return new DialRequest(requestUri, transport, outboundProxy, fromUser, fromDisplayName, ringTimeout,
                mediaFromSignalling, credentials, options, srtp);
    }

    public DialRequest(String requestUri, Transport transport, String outboundProxy, String fromUser,
                       String fromDisplayName, Duration ringTimeout) {
        this(requestUri, transport, outboundProxy, fromUser, fromDisplayName, ringTimeout, false, null);
    }

    /** The shortest ring time the dialing rules allow before giving up on an unanswered call. */
    public static final Duration MIN_RING_TIMEOUT = Duration.ofSeconds(15);

    public DialRequest {
        if (ringTimeout.isNegative() || ringTimeout.isZero()) {
            throw new IllegalArgumentException("ring timeout must be positive, got " + ringTimeout);
        }
        session = session == null ? SessionOptions.DEFAULTS : session;
        srtp = srtp == null ? SrtpMode.OFF : srtp;
    }

    /** A contact's number dialed through the trunk; the dialing rules want at least 15 s of ringing. */
    public static DialRequest contactViaTrunk(TrunkConfig trunk, String number, Duration ringTimeout) {
        if (ringTimeout.compareTo(MIN_RING_TIMEOUT) < 0) {
            throw new IllegalArgumentException("ring timeout " + ringTimeout + " is below the 15 s minimum");
        }
        String uri = "sip:" + number + "@" + trunk.host() + ":" + trunk.port();
        return new DialRequest(uri, trunk.transport(), trunk.outboundProxy(), trunk.callerId(), trunk.callerName(),
                ringTimeout, false, trunk.credentials(), trunk.session(), trunk.srtp());
    }

    /** An agent's phone, dialed directly at its SIP URI, presenting the campaign's identity. */
    public static DialRequest agentPhone(String phoneUri, Transport transport, String fromUser, String fromDisplayName,
                                         Duration ringTimeout) {
        return new DialRequest(phoneUri, transport, null, fromUser, fromDisplayName, ringTimeout, true, null);
    }
}
