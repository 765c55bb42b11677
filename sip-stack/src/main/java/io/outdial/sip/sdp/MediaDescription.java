package io.outdial.sip.sdp;

import java.util.List;
import java.util.Map;

/**
 * One {@code m=} section of a session description.
 *
 * @param type              media type: audio, video, image...
 * @param port              the port, 0 when the stream is rejected
 * @param protocol          transport protocol, e.g. RTP/AVP
 * @param payloadTypes      the formats in preference order (empty for non-RTP protocols)
 * @param rtpMaps           rtpmap attributes by payload type
 * @param connectionAddress media-level {@code c=} address, or null to use the session's
 * @param direction         the effective direction (media level, else session level, else sendrecv)
 * @param ptime             packetization time in ms, or 0 if not given
 */
public record MediaDescription(String type, int port, String protocol, List<Integer> payloadTypes,
                               Map<Integer, RtpMap> rtpMaps, String connectionAddress, Direction direction,
                               int ptime) {

    public MediaDescription {
        payloadTypes = List.copyOf(payloadTypes);
        rtpMaps = Map.copyOf(rtpMaps);
    }

    public boolean isRejected() {
        return port == 0;
    }
}
