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
 * @param crypto            the values of its {@code a=crypto} attributes (RFC 4568), unparsed, in order
 */
public record MediaDescription(String type, int port, String protocol, List<Integer> payloadTypes,
                               Map<Integer, RtpMap> rtpMaps, String connectionAddress, Direction direction,
                               int ptime, List<String> crypto) {

    public MediaDescription {
        payloadTypes = List.copyOf(payloadTypes);
        rtpMaps = Map.copyOf(rtpMaps);
        crypto = List.copyOf(crypto);
    }

    /** Without crypto attributes. */
    public MediaDescription(String type, int port, String protocol, List<Integer> payloadTypes,
                            Map<Integer, RtpMap> rtpMaps, String connectionAddress, Direction direction, int ptime) {
        this(type, port, protocol, payloadTypes, rtpMaps, connectionAddress, direction, ptime, List.of());
    }

    /** Whether the profile is secure RTP (RTP/SAVP, RTP/SAVPF). */
    public boolean isSecureProfile() {
        return protocol.toUpperCase(java.util.Locale.ROOT).startsWith("RTP/SAVP");
    }

    public boolean isRejected() {
        return port == 0;
    }
}
