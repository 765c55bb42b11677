package io.outdial.sip;

/**
 * The gateway's own SIP listening points.
 *
 * @param host      address to bind and to put in Via/Contact
 * @param udpPort   UDP port (0 = none)
 * @param tcpPort   TCP port (0 = none)
 * @param userAgent value of the User-Agent header
 * @param threads   JAIN-SIP worker threads (gov.nist.javax.sip.THREAD_POOL_SIZE)
 */
public record SipConfig(String host, int udpPort, int tcpPort, String userAgent, int threads) {
    public SipConfig {
        if (udpPort == 0 && tcpPort == 0) {
            throw new IllegalArgumentException("at least one of udpPort/tcpPort must be set");
        }
    }
}
