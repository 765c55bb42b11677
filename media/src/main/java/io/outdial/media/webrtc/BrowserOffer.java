package io.outdial.media.webrtc;

import io.outdial.media.Codec;

/**
 * What the gateway needs from a browser's SDP offer (see {@link BrowserSdp#parseOffer}): its ICE credentials, the
 * DTLS fingerprint its certificate must match, our DTLS role, the audio section's mid, and the G.711 law chosen with
 * its payload type (and telephone-event's, or -1).
 */
public record BrowserOffer(IceCredentials ice, DtlsFingerprint fingerprint, DtlsRole role, String mid,
                           Codec codec, int payloadType, int telephoneEventPt) {
}
