package io.outdial.sip.sdp;

/** An {@code a=rtpmap} line: what a payload type number means on one stream. */
public record RtpMap(int payloadType, String encodingName, int clockRate) {
}
