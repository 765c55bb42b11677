package io.outdial.sip;

/** How a leg's INVITE treats reliable provisional responses (100rel, RFC 3262). */
public enum ReliableProvisional {
    /** {@code Supported: 100rel}: a 18x that requires it gets its PRACK; the far end may also answer unreliably. */
    SUPPORTED,
    /** {@code Require: 100rel}: the far end must send its 18x reliably (or refuse the call with 420). */
    REQUIRE,
    /** 100rel not advertised; a 18x that requires it anyway is taken as an ordinary one, without PRACK. */
    OFF;

    /** The configuration spelling: supported, require, off. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
