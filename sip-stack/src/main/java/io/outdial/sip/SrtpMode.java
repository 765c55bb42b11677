package io.outdial.sip;

/**
 * Whether a leg's media is encrypted with SDES-SRTP (RFC 4568, RFC 3711), as a trunk asks ({@code trunk.srtp}).
 */
public enum SrtpMode {
    /** Plain RTP/AVP, no a=crypto. */
    OFF,
    /** RTP/AVP with a=crypto: SRTP if the far end answers with a crypto line, plain RTP if it answers without. */
    OFFER,
    /** RTP/SAVP with a=crypto: an answer without a usable crypto line ends the call (488). */
    REQUIRE
}
