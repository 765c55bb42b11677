package io.outdial.sip.sdp;

import io.outdial.media.srtp.SrtpKeys;
import io.outdial.sip.SrtpMode;
import java.util.List;

/**
 * The SDES half of offer/answer (RFC 4568 7.1.3): which of our a=crypto lines the far end took, with its own key,
 * or why the answer cannot be used. Every refusal is an {@link SdpException}, which ends the leg with 488.
 */
final class SdesNegotiation {
    private SdesNegotiation() {
    }

    /** The keys the answer's audio stream {@code audio} agrees on, or null for plain RTP. */
    static SrtpKeys keys(SdpOffer offer, MediaDescription audio) throws SdpException {
        List<String> lines = audio.crypto();
        if (offer.srtp() == SrtpMode.OFF) {
            if (audio.isSecureProfile()) {
                throw new SdpException("the answer asks for " + audio.protocol() + " but we offered plain RTP"
                        + " (trunk.srtp: off)");
            }
            return null;
        }
        if (lines.isEmpty()) {
            if (offer.srtp() == SrtpMode.REQUIRE) {
                throw new SdpException("SRTP is required (trunk.srtp: require) but the answer has no a=crypto");
            }
            if (audio.isSecureProfile()) {
                throw new SdpException("the answer asks for " + audio.protocol() + " without an a=crypto line");
            }
            return null;
        }
        if (lines.size() > 1) {
            throw new SdpException("the answer has " + lines.size() + " a=crypto lines; an answer takes one");
        }
        SdesCrypto theirs = SdesCrypto.parse(lines.get(0));
        SdesCrypto ours = offer.crypto(theirs.tag()).orElseThrow(() -> new SdpException(
                "the answer's a=crypto tag " + theirs.tag() + " is not one we offered"));
        if (ours.suite() != theirs.suite()) {
            throw new SdpException("the answer's a=crypto tag " + theirs.tag() + " names " + theirs.suite()
                    + " but we offered " + ours.suite() + " with that tag");
        }
        return new SrtpKeys(ours.suite(), ours.material(), theirs.material());
    }
}
