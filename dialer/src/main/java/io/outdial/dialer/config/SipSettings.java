package io.outdial.dialer.config;

import io.outdial.sip.SipConfig;

/**
 * The gateway's own SIP listening points ({@code sip:} section).
 *
 * @param host      address to bind and to advertise in Via/Contact
 * @param udpPort   UDP port, 0 for none
 * @param tcpPort   TCP port, 0 for none
 * @param userAgent value of the User-Agent header
 * @param threads   JAIN-SIP worker threads; 1 (the default) keeps each call's messages in arrival order
 */
public record SipSettings(String host, int udpPort, int tcpPort, String userAgent, int threads) {

    public static final SipSettings DEFAULTS = new SipSettings("127.0.0.1", 5060, 5060, "Outdial", 1);

    static SipSettings read(YamlSection s) {
        SipSettings d = DEFAULTS;
        SipSettings read = new SipSettings(
                s.host("host", d.host),
                s.integer("udpPort", d.udpPort, 0, 65535),
                s.integer("tcpPort", d.tcpPort, 0, 65535),
                s.text("userAgent", d.userAgent),
                s.integer("threads", d.threads, 1, 64));
        s.refuseUnknownKeys();
        if (read.udpPort == 0 && read.tcpPort == 0) {
            throw s.fail("tcpPort", "at least one of sip.udpPort, sip.tcpPort must be non-zero (0 means none)", 0);
        }
        return read;
    }

    public SipConfig toSipConfig() {
        return new SipConfig(host, udpPort, tcpPort, userAgent, threads);
    }
}
