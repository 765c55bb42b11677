package io.outdial.media.webrtc;

import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;

/**
 * Why a browser leg failed before its media was up: the {@code reason} label of
 * {@code outdial_browser_phone_failures_total}. The text told the desktop (PhoneLost) says more; this is its kind.
 */
public enum WebRtcFailure {
    /** The browser sent no valid connectivity check in 30 s (it never reached the port, or not with our password). */
    NO_ICE_CHECK("no_ice_check"),
    /** The handshake pool's queue was full: too many browsers connecting at once. */
    HANDSHAKES_BUSY("handshakes_busy"),
    /**
     * DTLS refused, by us or by the browser: a certificate that does not hash to the SDP's {@code a=fingerprint},
     * none at all, no common SRTP profile, or a fatal alert from the far end.
     */
    DTLS_REFUSED("dtls_refused"),
    /** The DTLS handshake did not finish within its timeout (the browser went silent mid-handshake). */
    DTLS_TIMEOUT("dtls_timeout"),
    /** Any other failure of the handshake (an I/O or internal error). */
    DTLS_ERROR("dtls_error");

    private final String label;

    WebRtcFailure(String label) {
        this.label = label;
    }

    /** The metric label value: lower case, underscores. */
    public String label() {
        return label;
    }

    /** The kind of a failed DTLS handshake, from what BouncyCastle threw. */
    static WebRtcFailure ofHandshake(Throwable error) {
        if (error instanceof TlsTimeoutException) {
            return DTLS_TIMEOUT;
        }
        if (error instanceof TlsFatalAlert || error instanceof TlsFatalAlertReceived) {
            return DTLS_REFUSED;
        }
        return DTLS_ERROR;
    }
}
