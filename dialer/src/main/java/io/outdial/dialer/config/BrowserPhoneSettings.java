package io.outdial.dialer.config;

import io.outdial.media.webrtc.SourceNetworks;
import io.outdial.media.webrtc.WebRtcSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The agent page's browser phone ({@code browserPhone:} section): the ICE servers (STUN, TURN) its RTCPeerConnection
 * is given, sent to the page in the CTI {@code PhoneSettings} event. None by default: on a LAN the browser reaches the
 * gateway's host candidate directly.
 *
 * <p>Also the gateway's side of the browser legs: the networks browser phones may connect from (ICE checks from
 * elsewhere are dropped unanswered) and the DTLS handshake pool (how long one handshake may take, how many run at
 * once, how many may wait before a new browser leg is refused).
 *
 * @param iceServers       the page's {@code RTCConfiguration.iceServers}, in order
 * @param permittedSources CIDR blocks browser phones may connect from; empty: any source
 * @param handshakeTimeout the limit of one DTLS handshake, retransmissions included
 * @param handshakeThreads DTLS handshakes run at once
 * @param handshakeQueue   handshakes waiting beyond those before a new browser leg is refused
 */
public record BrowserPhoneSettings(List<IceServer> iceServers, List<String> permittedSources,
                                   Duration handshakeTimeout, int handshakeThreads, int handshakeQueue) {

    private static final WebRtcSettings DEFAULTS = WebRtcSettings.defaults();

    /** No ICE server, any source, the media module's handshake defaults: what a LAN needs. */
    public static final BrowserPhoneSettings NONE = new BrowserPhoneSettings(List.of(), List.of(),
            Duration.ofMillis(DEFAULTS.handshakeTimeoutMillis()), DEFAULTS.handshakeThreads(),
            DEFAULTS.handshakeQueue());

    static final int MAX_NETWORKS = 64;
    static final int MAX_HANDSHAKE_QUEUE = 10_000;

    static final int MAX_SERVERS = 8;
    static final int MAX_URLS = 8;
    private static final int MAX_TEXT = 256;
    /** An RFC 7064/7065 URI: stun:/stuns:/turn:/turns:, a host (name, IPv4 or [IPv6]), optional port and transport. */
    private static final Pattern URL = Pattern.compile(
            "(stun|stuns|turn|turns):([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+])(:[0-9]{1,5})?(\\?transport=(udp|tcp))?");

    public BrowserPhoneSettings {
        iceServers = List.copyOf(iceServers);
        permittedSources = List.copyOf(permittedSources);
    }

    /** The ICE-lite and DTLS side's settings, with {@code candidateAddress} in our host candidate (or null). */
    public WebRtcSettings webRtc(String candidateAddress) {
        return new WebRtcSettings(candidateAddress, SourceNetworks.of(permittedSources),
                Math.toIntExact(handshakeTimeout.toMillis()), handshakeThreads, handshakeQueue);
    }

    /**
     * One ICE server as the browser takes it.
     *
     * @param urls       its stun:/stuns:/turn:/turns: URIs
     * @param username   the TURN user name, or null (STUN only)
     * @param credential the TURN password, or null; sent to the logged-in desktop only, never logged
     */
    public record IceServer(List<String> urls, String username, String credential) {
        public IceServer {
            urls = List.copyOf(urls);
        }

        /** Whether any of its URIs is a TURN relay (which needs a user name and credential). */
        public boolean relays() {
            return urls.stream().anyMatch(u -> u.startsWith("turn:") || u.startsWith("turns:"));
        }

        /** The credential is left out: configuration objects may end up in logs. */
        @Override
        public String toString() {
            return "IceServer[urls=" + urls + ", username=" + username + ", credential="
                    + (credential == null ? "none" : "(hidden)") + "]";
        }
    }

    static BrowserPhoneSettings read(YamlSection s) {
        List<YamlSection> items = s.sections("iceServers");
        List<String> networks = s.textList("permittedSources");
        Duration timeout = s.duration("handshakeTimeout", NONE.handshakeTimeout(), Duration.ofSeconds(1),
                Duration.ofSeconds(60));
        int threads = s.integer("handshakeThreads", NONE.handshakeThreads(), 1, 64);
        int queue = s.integer("handshakeQueue", NONE.handshakeQueue(), 1, MAX_HANDSHAKE_QUEUE);
        s.refuseUnknownKeys();
        if (items.size() > MAX_SERVERS) {
            throw s.fail("iceServers", "must list at most " + MAX_SERVERS + " servers", items.size());
        }
        List<IceServer> servers = new ArrayList<>();
        for (YamlSection item : items) {
            servers.add(readServer(item));
        }
        if (networks.size() > MAX_NETWORKS) {
            throw s.fail("permittedSources", "must list at most " + MAX_NETWORKS + " networks", networks.size());
        }
        for (String network : networks) {
            if (network.isBlank() || network.contains(",")) {
                throw s.fail("permittedSources", "must list one CIDR block per item", network);
            }
            try {
                SourceNetworks.of(List.of(network));
            } catch (IllegalArgumentException e) {
                throw s.fail("permittedSources", "must be CIDR blocks of IP literals such as 10.0.0.0/8 or fd00::/8",
                        network);
            }
        }
        return new BrowserPhoneSettings(servers, networks, timeout, threads, queue);
    }

    private static IceServer readServer(YamlSection item) {
        List<String> urls = item.textOrList("urls");
        if (urls.isEmpty()) {
            throw new ConfigException(item.keyPath("urls") + ": is required (a stun:, stuns:, turn: or turns: URI,"
                    + " or a list of them)");
        }
        if (urls.size() > MAX_URLS) {
            throw item.fail("urls", "must list at most " + MAX_URLS + " URIs", urls.size());
        }
        for (String url : urls) {
            java.util.regex.Matcher m = URL.matcher(url);
            if (url.length() > MAX_TEXT || !m.matches()) {
                throw item.fail("urls", "must be stun:, stuns:, turn: or turns: URIs such as"
                        + " turn:turn.example.com:3478?transport=udp", url);
            }
            if (m.group(3) != null && !validPort(m.group(3).substring(1))) {
                throw item.fail("urls", "must have a port in 1..65535", url);
            }
            if (m.group(1).startsWith("stun") && m.group(4) != null) {
                throw item.fail("urls", "a stun: URI has no transport parameter", url);
            }
        }
        String username = item.quotedText("username", null);
        if (username != null && (username.isBlank() || username.length() > MAX_TEXT
                || username.chars().anyMatch(Character::isISOControl))) {
            throw item.fail("username", "must be 1.." + MAX_TEXT + " characters without control characters",
                    username);
        }
        // Never shown in a message: a wrong credential is described, not quoted.
        String credential = item.quotedTextSecret("credential");
        if (credential != null && (credential.isEmpty() || credential.length() > MAX_TEXT)) {
            throw new ConfigException(item.keyPath("credential") + ": must be 1.." + MAX_TEXT + " characters");
        }
        item.refuseUnknownKeys();
        IceServer server = new IceServer(urls, username, credential);
        if (server.relays() && (username == null || credential == null)) {
            throw new ConfigException(item.keyPath("urls") + ": a turn: or turns: server needs a username and a"
                    + " credential");
        }
        if ((username == null) != (credential == null)) {
            throw new ConfigException(item.keyPath(username == null ? "username" : "credential")
                    + ": is required with " + (username == null ? "credential" : "username"));
        }
        return server;
    }

    private static boolean validPort(String digits) {
        int port = Integer.parseInt(digits);
        return port >= 1 && port <= 65535;
    }
}
