package io.outdial.sip;

/** SIP transports the gateway listens on and dials with. */
public enum Transport {
    UDP, TCP;

    public String jainName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
