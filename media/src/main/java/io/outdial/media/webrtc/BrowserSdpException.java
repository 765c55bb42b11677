package io.outdial.media.webrtc;

/** A browser's SDP offer refused, saying why (sent back to the page as the CTI error's text). */
public final class BrowserSdpException extends IllegalArgumentException {
    public BrowserSdpException(String message) {
        super(message);
    }
}
