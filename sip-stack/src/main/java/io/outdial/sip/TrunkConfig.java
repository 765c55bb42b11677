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
 * @param srtp          whether calls through the trunk offer or require SDES-SRTP
 */
public record TrunkConfig(String host, int port, Transport transport, String outboundProxy, String callerId,
                          String callerName, io.outdial.sip.auth.DigestClient credentials, SrtpMode srtp) {

    public TrunkConfig {
        if (srtp == null) {
            srtp = SrtpMode.OFF;
        }
    }

    /** Plain RTP. */
    public TrunkConfig(String host, int port, Transport transport, String outboundProxy, String callerId,
                       String callerName, io.outdial.sip.auth.DigestClient credentials) {
        this(host, port, transport, outboundProxy, callerId, callerName, credentials, SrtpMode.OFF);
    }

    /** A trunk that does not authenticate us. */
    public TrunkConfig(String host, int port, Transport transport, String outboundProxy, String callerId,
                       String callerName) {
        this(host, port, transport, outboundProxy, callerId, callerName, null, SrtpMode.OFF);
    }
}
