package io.outdial.sip;

/** SIP transports the gateway listens on and dials with (TLS: SIP over TLS over TCP, RFC 3261 26.2). */
public enum Transport {
    UDP, TCP, TLS;

    public String jainName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
