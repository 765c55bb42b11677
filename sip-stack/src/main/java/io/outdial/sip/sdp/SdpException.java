package io.outdial.sip.sdp;

/** An SDP body we cannot use: unparseable, or nothing in it we can agree on. */
public class SdpException extends Exception {

    public SdpException(String message) {
        super(message);
    }
}
