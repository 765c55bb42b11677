package io.outdial.dialer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code browserPhone.iceServers}: none by default, STUN and TURN servers checked, a credential never shown. */
class BrowserPhoneConfigTest {
    private static final String SECRET = "Tu-rn-S3cret";

    @TempDir
    Path dir;

    @Test
    void aLanNeedsNoIceServer() {
        assertEquals(List.of(), ConfigLoader.parse("", dir).browserPhone().iceServers());
        assertEquals(List.of(), ConfigLoader.parse("browserPhone: { iceServers: [] }", dir).browserPhone()
                .iceServers());
    }

    @Test
    void stunAndTurnServersAreReadInOrderWithOneUrlOrSeveral() {
        List<BrowserPhoneSettings.IceServer> servers = ConfigLoader.parse("""
                browserPhone:
                  iceServers:
                    - urls: stun:stun.example.com:3478
                    - urls: [ "turn:turn.example.com:3478?transport=udp", "turns:turn.example.com:5349",
                              "turn:[2001:db8::7]" ]
                      username: agents
                      credential: "%s"
                """.formatted(SECRET), dir).browserPhone().iceServers();
        assertEquals(2, servers.size());
        assertEquals(new BrowserPhoneSettings.IceServer(List.of("stun:stun.example.com:3478"), null, null),
                servers.get(0));
        assertEquals(new BrowserPhoneSettings.IceServer(List.of("turn:turn.example.com:3478?transport=udp",
                "turns:turn.example.com:5349", "turn:[2001:db8::7]"), "agents", SECRET), servers.get(1));
        assertFalse(servers.get(1).toString().contains(SECRET), servers.get(1).toString());
        assertTrue(servers.get(1).toString().contains("agents"));
    }

    static Stream<Arguments> badValues() {
        String item = "browserPhone.iceServers[0].";
        return Stream.of(
                Arguments.of("browserPhone: { iceServers: stun:a }",
                        "browserPhone.iceServers: must be a list, got 'stun:a'"),
                Arguments.of("browserPhone: { turn: x }",
                        "browserPhone.turn: unknown key; allowed keys in browserPhone are iceServers,"
                                + " permittedSources, handshakeTimeout, handshakeThreads, handshakeQueue"),
                Arguments.of("browserPhone: { permittedSources: 10.0.0.0/8 }",
                        "browserPhone.permittedSources: must be a list of values, got '10.0.0.0/8'"),
                Arguments.of("browserPhone: { permittedSources: [ 'office.example.com/24' ] }",
                        "browserPhone.permittedSources: must be CIDR blocks of IP literals such as 10.0.0.0/8 or"
                                + " fd00::/8, got 'office.example.com/24'"),
                Arguments.of("browserPhone: { permittedSources: [ '10.0.0.0/33' ] }",
                        "browserPhone.permittedSources: must be CIDR blocks of IP literals such as 10.0.0.0/8 or"
                                + " fd00::/8, got '10.0.0.0/33'"),
                Arguments.of("browserPhone: { permittedSources: [ '10.0.0.0/8, 0.0.0.0/0' ] }",
                        "browserPhone.permittedSources: must list one CIDR block per item, got '10.0.0.0/8,"
                                + " 0.0.0.0/0'"),
                Arguments.of("browserPhone: { permittedSources: [ ' ' ] }",
                        "browserPhone.permittedSources: must list one CIDR block per item, got ' '"),
                Arguments.of("browserPhone: { handshakeTimeout: 500ms }",
                        "browserPhone.handshakeTimeout: must be a duration (500ms, 30s, 2m, 1h) in 1s..1m, got"
                                + " '500ms'"),
                Arguments.of("browserPhone: { handshakeThreads: 0 }",
                        "browserPhone.handshakeThreads: must be an integer in 1..64, got 0"),
                Arguments.of("browserPhone: { handshakeQueue: 20000 }",
                        "browserPhone.handshakeQueue: must be an integer in 1..10000, got 20000"),
                Arguments.of("browserPhone: { iceServers: [{ username: u }] }",
                        item + "urls: is required (a stun:, stuns:, turn: or turns: URI, or a list of them)"),
                Arguments.of("browserPhone: { iceServers: [{ urls: 'http://turn.example.com' }] }",
                        item + "urls: must be stun:, stuns:, turn: or turns: URIs such as"
                                + " turn:turn.example.com:3478?transport=udp, got 'http://turn.example.com'"),
                Arguments.of("browserPhone: { iceServers: [{ urls: 'turn:u:p@turn.example.com' }] }",
                        item + "urls: must be stun:, stuns:, turn: or turns: URIs such as"
                                + " turn:turn.example.com:3478?transport=udp, got 'turn:u:p@turn.example.com'"),
                Arguments.of("browserPhone: { iceServers: [{ urls: 'stun:stun.example.com:70000' }] }",
                        item + "urls: must have a port in 1..65535, got 'stun:stun.example.com:70000'"),
                Arguments.of("browserPhone: { iceServers: [{ urls: 'stun:stun.example.com?transport=tcp' }] }",
                        item + "urls: a stun: URI has no transport parameter, got"
                                + " 'stun:stun.example.com?transport=tcp'"),
                Arguments.of("browserPhone: { iceServers: [{ urls: 'turn:turn.example.com' }] }",
                        item + "urls: a turn: or turns: server needs a username and a credential"),
                Arguments.of("browserPhone: { iceServers: [{ urls: 'turn:turn.example.com', username: u }] }",
                        item + "urls: a turn: or turns: server needs a username and a credential"),
                Arguments.of("browserPhone: { iceServers: [{ urls: 'stun:s.example.com', username: u }] }",
                        item + "credential: is required with username"),
                Arguments.of("browserPhone: { iceServers: [{ urls: 'stun:s.example.com', secret: x }] }",
                        item + "secret: unknown key; allowed keys in browserPhone.iceServers[0] are urls, username,"
                                + " credential"),
                Arguments.of("browserPhone: { iceServers: [" + "{ urls: 'stun:s.example.com' },".repeat(9) + "] }",
                        "browserPhone.iceServers: must list at most 8 servers, got 9"));
    }

    @Test
    void theGatewaysSideDefaultsToAnySourceAndTheMediaModulesHandshakePool() {
        io.outdial.media.webrtc.WebRtcSettings defaults = io.outdial.media.webrtc.WebRtcSettings.defaults();
        io.outdial.media.webrtc.WebRtcSettings read = ConfigLoader.parse("", dir).browserPhone()
                .webRtc("198.51.100.7");
        assertEquals("198.51.100.7", read.candidateAddress());
        assertTrue(read.permittedSources().permits(new java.net.InetSocketAddress("203.0.113.9", 5000)));
        assertEquals(defaults.handshakeTimeoutMillis(), read.handshakeTimeoutMillis());
        assertEquals(defaults.handshakeThreads(), read.handshakeThreads());
        assertEquals(defaults.handshakeQueue(), read.handshakeQueue());
    }

    @Test
    void permittedNetworksAndTheHandshakePoolAreRead() {
        BrowserPhoneSettings s = ConfigLoader.parse("""
                browserPhone:
                  permittedSources: [ 10.20.0.0/16, "fd00::/8" ]
                  handshakeTimeout: 4s
                  handshakeThreads: 4
                  handshakeQueue: 200
                """, dir).browserPhone();
        io.outdial.media.webrtc.WebRtcSettings w = s.webRtc(null);
        assertTrue(w.permittedSources().permits(new java.net.InetSocketAddress("10.20.3.4", 5000)));
        assertTrue(w.permittedSources().permits(new java.net.InetSocketAddress("fd00::1", 5000)));
        assertFalse(w.permittedSources().permits(new java.net.InetSocketAddress("10.21.0.1", 5000)));
        assertEquals(4_000, w.handshakeTimeoutMillis());
        assertEquals(4, w.handshakeThreads());
        assertEquals(200, w.handshakeQueue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValueIsRefusedWithItsKeyValueAndWhatIsAllowed(String yaml, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, dir));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aBadCredentialIsDescribedNeverShown() {
        ConfigException number = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "browserPhone: { iceServers: [{ urls: 'turn:t.example.com', username: u, credential: 918273645 }] }",
                dir));
        assertEquals("browserPhone.iceServers[0].credential: must be a quoted string (\"...\"); the value is not"
                + " shown", number.getMessage());
        String tooLong = "x".repeat(257);
        ConfigException longOne = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "browserPhone: { iceServers: [{ urls: 'turn:t.example.com', username: u, credential: '" + tooLong
                        + "' }] }", dir));
        assertEquals("browserPhone.iceServers[0].credential: must be 1..256 characters", longOne.getMessage());
    }
}
