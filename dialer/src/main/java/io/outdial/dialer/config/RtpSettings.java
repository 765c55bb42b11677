package io.outdial.dialer.config;

import io.outdial.media.MediaConfig;

/**
 * Where RTP endpoints bind ({@code rtp:} section).
 *
 * @param bindAddress local address for RTP, also advertised in SDP
 * @param portMin     lowest port of the range, even (RTP takes the even ports)
 * @param portMax     highest port of the range (inclusive)
 * @param ioThreads   event-loop threads for RTP
 * @param inactivityTimeout an answered leg whose far end sends no RTP this long (while its SDP says it sends) is
 *                    hung up; zero: never
 * @param advertisedAddress the address put in SDP instead of the bind address (behind NAT), or null
 */
public record RtpSettings(String bindAddress, int portMin, int portMax, int ioThreads,
                          java.time.Duration inactivityTimeout, String advertisedAddress) {

    public RtpSettings(String bindAddress, int portMin, int portMax, int ioThreads,
                       java.time.Duration inactivityTimeout) {
        this(bindAddress, portMin, portMax, ioThreads, inactivityTimeout, null);
    }

    public static final RtpSettings DEFAULTS = new RtpSettings("127.0.0.1", 20000, 29999, 1);

    public RtpSettings(String bindAddress, int portMin, int portMax, int ioThreads) {
        this(bindAddress, portMin, portMax, ioThreads, io.outdial.sip.SipConfig.DEFAULT_RTP_INACTIVITY);
    }

    static RtpSettings read(YamlSection s) {
        RtpSettings d = DEFAULTS;
        String bind = s.host("bindAddress", d.bindAddress);
        int min = s.integer("portMin", d.portMin, "must be an even number in 1024..65534",
                v -> v >= 1024 && v <= 65534 && v % 2 == 0);
        int max = s.integer("portMax", d.portMax, min, 65534);
        int threads = s.integer("ioThreads", d.ioThreads, 1, 16);
        java.time.Duration inactivity = s.duration("inactivityTimeout", d.inactivityTimeout, java.time.Duration.ZERO,
                java.time.Duration.ofHours(1));
        String advertised = s.text("advertisedAddress", null) == null ? null : s.host("advertisedAddress", null);
        s.refuseUnknownKeys();
        return new RtpSettings(bind, min, max, threads, inactivity, advertised);
    }

    public MediaConfig toMediaConfig() {
        return new MediaConfig(bindAddress, portMin, portMax, ioThreads, advertisedAddress);
    }
}
