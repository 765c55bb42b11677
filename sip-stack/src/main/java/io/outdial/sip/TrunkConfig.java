package io.outdial.sip;

/**
 * The SIP trunk contacts are dialed through.
 *
 * @param host          the trunk's domain or address, used in the Request-URI ({@code sip:number@host:port})
 * @param port          the trunk's port
 * @param transport     transport towards the trunk
 * @param outboundProxy optional {@code host:port} every request is routed through (loose route), or null
 * @param callerId      the user part of From (the caller id presented to contacts)
 * @param callerName    the display name of From, or null
 * @param credentials   what answers the trunk's 401/407 digest challenges, or null when it does not authenticate
 * @param registration  what the gateway registers with the trunk, or null when the trunk needs no registration
 * @param session       100rel and session timers towards the trunk; null: {@link SessionOptions#DEFAULTS}
 * @param srtp          whether calls through the trunk offer or require SDES-SRTP; null: OFF
 */
public record TrunkConfig(String host, int port, Transport transport, String outboundProxy, String callerId,
                          String callerName, io.outdial.sip.auth.DigestClient credentials,
                          io.outdial.sip.trunk.TrunkRegistrationConfig registration, SessionOptions session,
                          SrtpMode srtp) {

    public TrunkConfig {
        session = session == null ? SessionOptions.DEFAULTS : session;
        srtp = srtp == null ? SrtpMode.OFF : srtp;
    }

    /** This trunk presenting another caller id (every other setting kept, so none is lost as settings grow). */
    public TrunkConfig presenting(String otherCallerId, String otherCallerName) {
        return new TrunkConfig(host, port, transport, outboundProxy, otherCallerId, otherCallerName, credentials,
                registration, session, srtp);
    }

    /** Plain RTP. */
    public TrunkConfig(String host, int port, Transport transport, String outboundProxy, String callerId,
                       String callerName, io.outdial.sip.auth.DigestClient credentials,
                       io.outdial.sip.trunk.TrunkRegistrationConfig registration, SessionOptions session) {
        this(host, port, transport, outboundProxy, callerId, callerName, credentials, registration, session, null);
    }

    /** A trunk with the default 100rel and session timer options. */
    public TrunkConfig(String host, int port, Transport transport, String outboundProxy, String callerId,
                       String callerName, io.outdial.sip.auth.DigestClient credentials,
                       io.outdial.sip.trunk.TrunkRegistrationConfig registration) {
        this(host, port, transport, outboundProxy, callerId, callerName, credentials, registration, null, null);
    }

    /** A trunk that needs no registration. */
    public TrunkConfig(String host, int port, Transport transport, String outboundProxy, String callerId,
                       String callerName, io.outdial.sip.auth.DigestClient credentials) {
        this(host, port, transport, outboundProxy, callerId, callerName, credentials, null, null, null);
    }

    /** A trunk that does not authenticate us. */
    public TrunkConfig(String host, int port, Transport transport, String outboundProxy, String callerId,
                       String callerName) {
        this(host, port, transport, outboundProxy, callerId, callerName, null, null, null, null);
    }
}
