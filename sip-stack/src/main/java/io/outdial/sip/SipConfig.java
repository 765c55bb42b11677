package io.outdial.sip;

/**
 * The gateway's own SIP listening points.
 *
 * @param host      address to bind and to put in Via/Contact
 * @param udpPort   UDP port (0 = none)
 * @param tcpPort   TCP port (0 = none)
 * @param userAgent value of the User-Agent header
 * @param threads   JAIN-SIP worker threads (gov.nist.javax.sip.THREAD_POOL_SIZE)
 * @param rtpInactivityTimeout an answered leg whose far end sends no RTP this long (while its SDP says it sends) is
 *                  hung up; zero: never
 * @param advertisedHost the address put in Via sent-by, Contact and From instead of {@code host} (a gateway behind
 *                  NAT: its public address), or null
 * @param tls       the TLS listening point and the certificates of SIP over TLS, or null for none
 * @param outOfDialogLimits the per-source limit on out-of-dialog requests (null: {@link SourceLimits#DEFAULTS})
 */
public record SipConfig(String host, int udpPort, int tcpPort, String userAgent, int threads,
                        java.time.Duration rtpInactivityTimeout, String advertisedHost,
                        io.outdial.sip.tls.TlsConfig tls, SourceLimits outOfDialogLimits) {

    /** With the default out-of-dialog limits. */
    public SipConfig(String host, int udpPort, int tcpPort, String userAgent, int threads,
                     java.time.Duration rtpInactivityTimeout, String advertisedHost,
                     io.outdial.sip.tls.TlsConfig tls) {
        this(host, udpPort, tcpPort, userAgent, threads, rtpInactivityTimeout, advertisedHost, tls, null);
    }

    /** Without TLS. */
    public SipConfig(String host, int udpPort, int tcpPort, String userAgent, int threads,
                     java.time.Duration rtpInactivityTimeout, String advertisedHost) {
        this(host, udpPort, tcpPort, userAgent, threads, rtpInactivityTimeout, advertisedHost, null);
    }

    public SipConfig(String host, int udpPort, int tcpPort, String userAgent, int threads,
                     java.time.Duration rtpInactivityTimeout) {
        this(host, udpPort, tcpPort, userAgent, threads, rtpInactivityTimeout, null, null);
    }

    /** The address the gateway gives peers for itself. */
    public String publicHost() {
        return advertisedHost == null || advertisedHost.isBlank() ? host : advertisedHost;
    }

    /** The TLS listening port, 0 for none. */
    public int tlsPort() {
        return tls == null ? 0 : tls.port();
    }

    /** The default RTP inactivity timeout (rtp.inactivityTimeout). */
    public static final java.time.Duration DEFAULT_RTP_INACTIVITY = java.time.Duration.ofSeconds(60);

    public SipConfig(String host, int udpPort, int tcpPort, String userAgent, int threads) {
        this(host, udpPort, tcpPort, userAgent, threads, DEFAULT_RTP_INACTIVITY);
    }

    public SipConfig {
        if (outOfDialogLimits == null) {
            outOfDialogLimits = SourceLimits.DEFAULTS;
        }
        if (rtpInactivityTimeout == null || rtpInactivityTimeout.isNegative()) {
            throw new IllegalArgumentException("rtpInactivityTimeout must be zero or positive");
        }
        if (udpPort == 0 && tcpPort == 0 && tls == null) {
            throw new IllegalArgumentException("at least one of udpPort/tcpPort/tls must be set");
        }
    }
}
