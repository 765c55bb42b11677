package io.outdial.media.webrtc;

import java.util.Locale;

/**
 * Who starts the DTLS handshake (RFC 5763 5, RFC 8842): the a=setup attribute. An offer says {@code actpass} (the
 * answerer chooses); we answer {@code passive} to a browser's offer and are the DTLS server.
 */
public enum DtlsRole {
    /** We wait for the ClientHello: our a=setup is passive, the browser's active (or actpass in its offer). */
    SERVER,
    /** We send the ClientHello: our a=setup is active, the browser's passive. */
    CLIENT;

    /**
     * Our role, given the far end's a=setup in its answer or offer.
     *
     * @throws IllegalArgumentException when the value is missing, unknown or {@code holdconn}
     */
    public static DtlsRole answering(String remoteSetup) {
        if (remoteSetup == null) {
            throw new IllegalArgumentException("the offer has no a=setup");
        }
        return switch (remoteSetup.trim().toLowerCase(Locale.ROOT)) {
            case "actpass", "active" -> SERVER;
            case "passive" -> CLIENT;
            default -> throw new IllegalArgumentException("a=setup:" + remoteSetup + " is not supported");
        };
    }

    /** Our a=setup value in an answer. */
    public String setupAttribute() {
        return this == SERVER ? "passive" : "active";
    }
}
