package io.outdial.sip.sdp;

import java.util.List;
import java.util.Optional;

/**
 * A parsed SDP session description (RFC 4566): the far end's view of its media.
 *
 * @param origin            the {@code o=} line value
 * @param connectionAddress session-level {@code c=} address, or null
 * @param media             the {@code m=} sections in order
 */
public record SessionDescription(String origin, String connectionAddress, List<MediaDescription> media) {

    public SessionDescription {
        media = List.copyOf(media);
    }

    /** The first audio stream, if any. */
    public Optional<MediaDescription> firstAudio() {
        return media.stream().filter(m -> m.type().equals("audio")).findFirst();
    }
}
