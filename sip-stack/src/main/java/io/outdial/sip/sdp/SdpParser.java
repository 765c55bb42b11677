package io.outdial.sip.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the SDP bodies trunks and phones answer with. Strict about the lines negotiation depends on (v, c, m,
 * rtpmap), lenient about everything else, so that an unusual but harmless attribute never fails a call.
 */
public final class SdpParser {
    private static final int MAX_LINES = 500;

    private SdpParser() {
    }

    /** Parses {@code text}; throws with the offending line number when a line negotiation needs is malformed. */
    public static SessionDescription parse(String text) throws SdpException {
        if (text == null || text.isBlank()) {
            throw new SdpException("empty SDP body");
        }
        String[] lines = text.split("\r?\n");
        if (lines.length > MAX_LINES) {
            throw new SdpException("SDP body has " + lines.length + " lines, more than " + MAX_LINES);
        }
        Builder session = new Builder();
        MediaBuilder current = null;
        boolean versionSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int number = i + 1;
            if (line.length() < 2 || line.charAt(1) != '=' || !Character.isLowerCase(line.charAt(0))) {
                throw new SdpException("line " + number + " is not of the form x=value: '" + line + "'");
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (!versionSeen) {
                if (type != 'v' || !value.equals("0")) {
                    throw new SdpException("line " + number + ": SDP must start with v=0, found '" + line + "'");
                }
                versionSeen = true;
                continue;
            }
            switch (type) {
                case 'o' -> session.origin = value;
                case 'c' -> {
                    String address = connectionAddress(value, number);
                    if (current == null) {
                        session.connection = address;
                    } else {
                        current.connection = address;
                    }
                }
                case 'm' -> {
                    current = media(value, number);
                    session.media.add(current);
                }
                case 'a' -> {
                    if (current == null) {
                        session.attribute(value);
                    } else {
                        current.attribute(value, number);
                    }
                }
                default -> {
                    // s=, t=, b=, i=, k=... carry nothing negotiation needs.
                }
            }
        }
        return session.build();
    }

    private static String connectionAddress(String value, int number) throws SdpException {
        String[] parts = value.trim().split("\\s+");
        if (parts.length != 3 || !parts[0].equals("IN") || !(parts[1].equals("IP4") || parts[1].equals("IP6"))) {
            throw new SdpException("line " + number + ": bad connection 'c=" + value + "', want 'IN IP4 <address>'");
        }
        String address = parts[2];
        int slash = address.indexOf('/');
        // Multicast addresses carry /ttl; the address itself is what we need.
        return slash < 0 ? address : address.substring(0, slash);
    }

    private static MediaBuilder media(String value, int number) throws SdpException {
        String[] parts = value.trim().split("\\s+");
        if (parts.length < 3) {
            throw new SdpException("line " + number + ": bad media 'm=" + value + "', want '<media> <port> <proto> <fmt>...'");
        }
        MediaBuilder m = new MediaBuilder();
        m.type = parts[0].toLowerCase(Locale.ROOT);
        String port = parts[1];
        int slash = port.indexOf('/');
        m.port = parseInt(slash < 0 ? port : port.substring(0, slash), 0, 65535, "port", number);
        m.protocol = parts[2];
        if (m.protocol.toUpperCase(Locale.ROOT).startsWith("RTP/")) {
            for (int i = 3; i < parts.length; i++) {
                m.payloadTypes.add(parseInt(parts[i], 0, 127, "payload type", number));
            }
        }
        return m;
    }

    private static int parseInt(String text, int min, int max, String what, int number) throws SdpException {
        try {
            int v = Integer.parseInt(text);
            if (v < min || v > max) {
                throw new SdpException("line " + number + ": " + what + " " + v + " outside " + min + ".." + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new SdpException("line " + number + ": " + what + " '" + text + "' is not a number");
        }
    }

    /** Session-level state while parsing. */
    private static final class Builder {
        private String origin;
        private String connection;
        private Direction direction;
        private final List<MediaBuilder> media = new ArrayList<>();

        void attribute(String value) {
            Direction d = Direction.fromAttribute(value.trim());
            if (d != null) {
                direction = d;
            }
        }

        SessionDescription build() {
            List<MediaDescription> built = new ArrayList<>();
            for (MediaBuilder m : media) {
                Direction d = m.direction != null ? m.direction : direction != null ? direction : Direction.SENDRECV;
                built.add(new MediaDescription(m.type, m.port, m.protocol, m.payloadTypes, m.rtpMaps, m.connection,
                        d, m.ptime, m.crypto));
            }
            return new SessionDescription(origin, connection, built);
        }
    }

    /** Media-level state while parsing. */
    private static final class MediaBuilder {
        private String type;
        private int port;
        private String protocol;
        private final List<Integer> payloadTypes = new ArrayList<>();
        private final Map<Integer, RtpMap> rtpMaps = new HashMap<>();
        private String connection;
        private Direction direction;
        private int ptime;
        private final List<String> crypto = new ArrayList<>();

        void attribute(String value, int number) throws SdpException {
            String v = value.trim();
            Direction d = Direction.fromAttribute(v);
            if (d != null) {
                direction = d;
            } else if (v.startsWith("rtpmap:")) {
                RtpMap map = rtpMap(v.substring("rtpmap:".length()), number);
                rtpMaps.put(map.payloadType(), map);
            } else if (v.startsWith("crypto:")) {
                // checked by the negotiation, which knows whether we offered SRTP
                crypto.add(v);
            } else if (v.startsWith("ptime:")) {
                ptime = parseInt(v.substring("ptime:".length()).trim(), 1, 1000, "ptime", number);
            }
        }

        private static RtpMap rtpMap(String value, int number) throws SdpException {
            // <payload type> <encoding name>/<clock rate>[/<encoding parameters>]
            String[] parts = value.trim().split("\\s+", 2);
            if (parts.length != 2) {
                throw new SdpException("line " + number + ": bad rtpmap '" + value + "'");
            }
            int pt = parseInt(parts[0], 0, 127, "payload type", number);
            String[] encoding = parts[1].split("/");
            if (encoding.length < 2 || encoding[0].isEmpty()) {
                throw new SdpException("line " + number + ": bad rtpmap encoding '" + parts[1] + "'");
            }
            int rate = parseInt(encoding[1], 1, 1_000_000, "clock rate", number);
            return new RtpMap(pt, encoding[0], rate);
        }
    }
}
