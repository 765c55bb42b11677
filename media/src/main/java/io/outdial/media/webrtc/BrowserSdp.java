package io.outdial.media.webrtc;

import io.outdial.media.Codec;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A browser's audio offer read and answered (JSEP, RFC 8829; RFC 8843 BUNDLE; RFC 8842 DTLS in SDP), for one audio
 * section and nothing else. The offer must carry ICE credentials, a sha-256 a=fingerprint, a usable a=setup,
 * rtcp-mux and PCMU or PCMA: each missing piece is refused with a {@link BrowserSdpException} saying which. The
 * answer is ICE-lite with one host candidate (the advertised media address), a=setup:passive (we are the DTLS
 * server), rtcp-mux, the offer's mid in a BUNDLE group, and the one G.711 law chosen (PCMU before PCMA) with
 * telephone-event when offered. The offer must hold that one audio section only: an answer has as many sections as
 * its offer, and the agent's page offers nothing else, so video or data sections are refused.
 */
public final class BrowserSdp {
    private static final int MAX_LENGTH = 64 * 1024;

    private BrowserSdp() {
    }

    /**
     * Reads a browser's offer.
     *
     * @throws BrowserSdpException naming what is missing or wrong
     */
    public static BrowserOffer parseOffer(String sdp) {
        if (sdp == null || sdp.isBlank()) {
            throw new BrowserSdpException("the SDP offer is empty");
        }
        if (sdp.length() > MAX_LENGTH) {
            throw new BrowserSdpException("the SDP offer is longer than " + MAX_LENGTH + " characters");
        }
        Map<String, String> session = new LinkedHashMap<>();
        Map<String, String> audio = null;
        List<String> audioFormats = List.of();
        Map<Integer, String> rtpmaps = new LinkedHashMap<>();
        boolean rtcpMux = false;
        boolean inAudio = false;
        boolean inOther = false;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.length() < 2 || line.charAt(1) != '=') {
                continue;
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (type == 'm') {
                if (audio != null) {
                    throw new BrowserSdpException("the SDP offer has more than one media section (audio only)");
                }
                String[] fields = value.split(" ");
                inOther = true;
                inAudio = false;
                if (fields.length >= 4 && fields[0].equals("audio")) {
                    if (!fields[2].equals("UDP/TLS/RTP/SAVPF") && !fields[2].equals("UDP/TLS/RTP/SAVP")) {
                        throw new BrowserSdpException("the audio section's transport is " + fields[2]
                                + ", not UDP/TLS/RTP/SAVPF (DTLS-SRTP)");
                    }
                    audio = new LinkedHashMap<>();
                    audioFormats = List.of(fields).subList(3, fields.length);
                    inAudio = true;
                    inOther = false;
                }
                continue;
            }
            if (type != 'a') {
                continue;
            }
            int colon = value.indexOf(':');
            String name = colon < 0 ? value : value.substring(0, colon);
            String attribute = colon < 0 ? "" : value.substring(colon + 1).strip();
            if (inAudio) {
                switch (name) {
                    case "rtcp-mux" -> rtcpMux = true;
                    case "rtpmap" -> rtpmap(attribute, rtpmaps);
                    default -> audio.putIfAbsent(name, attribute);
                }
            } else if (!inOther) {
                session.putIfAbsent(name, attribute);
            }
        }
        if (audio == null) {
            throw new BrowserSdpException("the SDP offer has no audio section");
        }
        String fingerprint = pick(audio, session, "fingerprint");
        if (fingerprint == null) {
            throw new BrowserSdpException("the SDP offer has no a=fingerprint: DTLS-SRTP cannot be authenticated");
        }
        String ufrag = pick(audio, session, "ice-ufrag");
        String password = pick(audio, session, "ice-pwd");
        if (ufrag == null || password == null) {
            throw new BrowserSdpException("the SDP offer has no a=ice-ufrag and a=ice-pwd");
        }
        if (!rtcpMux) {
            throw new BrowserSdpException("the SDP offer's audio has no a=rtcp-mux");
        }
        String mid = audio.get("mid");
        if (mid == null || mid.isEmpty() || mid.length() > 32 || !mid.matches("[A-Za-z0-9_\\-]+")) {
            throw new BrowserSdpException("the SDP offer's audio has no usable a=mid");
        }
        IceCredentials ice;
        DtlsFingerprint remoteFingerprint;
        DtlsRole role;
        try {
            ice = new IceCredentials(ufrag, password);
            remoteFingerprint = DtlsFingerprint.parse(fingerprint);
            role = DtlsRole.answering(pick(audio, session, "setup"));
        } catch (IllegalArgumentException e) {
            throw new BrowserSdpException("the SDP offer is refused: " + e.getMessage());
        }
        Codec chosen = null;
        int payloadType = -1;
        int telephoneEvent = -1;
        for (Codec preferred : Codec.values()) {
            for (String format : audioFormats) {
                int pt = payloadType(format);
                String encoding = rtpmaps.get(pt);
                boolean matches = encoding == null ? pt == preferred.staticPayloadType()
                        : encoding.equalsIgnoreCase(preferred.encodingName() + "/8000");
                if (matches && chosen == null) {
                    chosen = preferred;
                    payloadType = pt;
                }
            }
        }
        for (String format : audioFormats) {
            int pt = payloadType(format);
            if ("telephone-event/8000".equalsIgnoreCase(rtpmaps.get(pt))) {
                telephoneEvent = pt;
                break;
            }
        }
        if (chosen == null) {
            throw new BrowserSdpException("the SDP offer has neither PCMU nor PCMA");
        }
        return new BrowserOffer(ice, remoteFingerprint, role, mid, chosen, payloadType, telephoneEvent);
    }

    /**
     * Writes the answer to {@code offer}, offering {@code candidate} (the advertised media address and the
     * endpoint's port) as the one host candidate.
     */
    public static String answer(BrowserOffer offer, IceCredentials local, DtlsFingerprint fingerprint,
                                InetSocketAddress candidate) {
        String ip = candidate.getAddress().getHostAddress();
        String family = ip.contains(":") ? "IP6" : "IP4";
        int port = candidate.getPort();
        List<String> lines = new ArrayList<>();
        lines.add("v=0");
        lines.add("o=outdial " + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + " 1 IN " + family + " "
                + ip);
        lines.add("s=-");
        lines.add("t=0 0");
        lines.add("a=ice-lite");
        lines.add("a=group:BUNDLE " + offer.mid());
        lines.add("a=msid-semantic: WMS");
        String formats = offer.payloadType() + (offer.telephoneEventPt() >= 0 ? " " + offer.telephoneEventPt() : "");
        lines.add("m=audio " + port + " UDP/TLS/RTP/SAVPF " + formats);
        lines.add("c=IN " + family + " " + ip);
        lines.add("a=mid:" + offer.mid());
        lines.add("a=ice-ufrag:" + local.ufrag());
        lines.add("a=ice-pwd:" + local.password());
        lines.add("a=fingerprint:" + fingerprint.attributeValue());
        lines.add("a=setup:" + offer.role().setupAttribute());
        lines.add("a=sendrecv");
        lines.add("a=rtcp-mux");
        lines.add("a=rtpmap:" + offer.payloadType() + " " + offer.codec().encodingName() + "/8000");
        if (offer.telephoneEventPt() >= 0) {
            lines.add("a=rtpmap:" + offer.telephoneEventPt() + " telephone-event/8000");
            lines.add("a=fmtp:" + offer.telephoneEventPt() + " 0-15");
        }
        lines.add("a=ptime:20");
        lines.add("a=candidate:1 1 udp 2130706431 " + ip + " " + port + " typ host");
        lines.add("a=end-of-candidates");
        return String.join("\r\n", lines) + "\r\n";
    }

    private static String pick(Map<String, String> media, Map<String, String> session, String name) {
        String value = media.get(name);
        return value != null ? value : session.get(name);
    }

    private static void rtpmap(String attribute, Map<Integer, String> rtpmaps) {
        int space = attribute.indexOf(' ');
        if (space > 0) {
            int pt = payloadType(attribute.substring(0, space));
            if (pt >= 0) {
                String encoding = attribute.substring(space + 1).strip();
                // "PCMU/8000" or "opus/48000/2": the channel count of a mono law is dropped
                rtpmaps.putIfAbsent(pt, encoding.toLowerCase(Locale.ROOT).endsWith("/8000/1")
                        ? encoding.substring(0, encoding.length() - 2) : encoding);
            }
        }
    }

    private static int payloadType(String text) {
        try {
            int pt = Integer.parseInt(text.strip());
            return pt >= 0 && pt <= 127 ? pt : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
