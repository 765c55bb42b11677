package io.outdial.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {
    // RFC 7616 3.9.1.
    private static final String USER = "Mufasa";
    private static final String PASSWORD = "Circle of Life";
    private static final String REALM = "http-auth@example.org";
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void responsesMatchRfc7616Examples() {
        String md5 = DigestAlgorithm.MD5.response(DigestAlgorithm.MD5.ha1(USER, REALM, PASSWORD), "GET",
                "/dir/index.html", NONCE, "00000001", CNONCE, "auth");
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", md5);
        String sha = DigestAlgorithm.SHA_256.response(DigestAlgorithm.SHA_256.ha1(USER, REALM, PASSWORD), "GET",
                "/dir/index.html", NONCE, "00000001", CNONCE, "auth");
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", sha);
    }

    @Test
    void algorithmNames() {
        assertEquals(Optional.of(DigestAlgorithm.MD5), DigestAlgorithm.fromWire(null));
        assertEquals(Optional.of(DigestAlgorithm.SHA_256), DigestAlgorithm.fromWire("sha-256"));
        assertTrue(DigestAlgorithm.fromWire("SHA-512-256").isEmpty());
        assertTrue(DigestAlgorithm.fromWire("MD5-sess").isEmpty());
    }

    @Test
    void parsesAChallengeWithQuotedCommasAndEscapes() throws Exception {
        DigestChallenge c = DigestChallenge.parse("Digest realm=\"a, \\\"b\\\"\", qop=\"auth-int,auth\", "
                + "nonce=\"n1\",algorithm=SHA-256 , stale=TRUE, opaque=\"o\"");
        assertEquals("a, \"b\"", c.realm());
        assertTrue(c.qopAuth());
        assertTrue(c.stale());
        assertEquals("o", c.opaque());
        assertEquals(Optional.of(DigestAlgorithm.SHA_256), c.algorithm());
        assertEquals(c, DigestChallenge.parse(c.toHeaderValue()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Basic realm=\"x\"", "Digest", "Digest realm", "Digest realm=\"x", "Digest =x",
            "Digest realm=\"x\" nonce=\"y\"", "Digest realm=\"x\", realm=\"y\", nonce=\"z\"", "Digest nonce=\"n\"",
            "Digest realm=, nonce=\"n\"", "Digestrealm=\"x\", nonce=\"n\""})
    void refusesMalformedChallenges(String value) {
        assertThrows(DigestFormatException.class, () -> DigestChallenge.parse(value));
    }

    @Test
    void refusesHugeHeaders() {
        String value = "Digest realm=\"" + "x".repeat(5000) + "\", nonce=\"n\"";
        DigestFormatException e = assertThrows(DigestFormatException.class, () -> DigestChallenge.parse(value));
        assertFalse(e.getMessage().contains("xxxx"));
        StringBuilder many = new StringBuilder("Digest realm=\"r\", nonce=\"n\"");
        for (int i = 0; i < 40; i++) {
            many.append(", p").append(i).append("=1");
        }
        assertThrows(DigestFormatException.class, () -> DigestChallenge.parse(many.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:r\"",
        "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"zz\"",
        "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"0123456789abcdef0123456789abcdef\", qop=auth",
        "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"0123456789abcdef0123456789abcdef\", qop=auth-int, nc=00000001, cnonce=\"c\"",
        "Digest username=\"\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"0123456789abcdef0123456789abcdef\""})
    void refusesIncompleteCredentials(String value) {
        assertThrows(DigestFormatException.class, () -> DigestCredentials.parse(value));
    }

    @Test
    void clientAnswersAChallengeTheServerAccepts() throws Exception {
        DigestChallenge challenge = new DigestChallenge("r", "abc", "op", "SHA-256", true, false);
        DigestCredentials c = new DigestClient("alice", "pw", null).answer(challenge, "INVITE", "sip:1@r", 1);
        DigestCredentials parsed = DigestCredentials.parse(c.toHeaderValue());
        assertEquals(c, parsed);
        assertEquals("00000001", parsed.nc());
        assertEquals("op", parsed.opaque());
        String expected = DigestAlgorithm.SHA_256.response(DigestAlgorithm.SHA_256.ha1("alice", "r", "pw"), "INVITE",
                "sip:1@r", "abc", "00000001", parsed.cnonce(), "auth");
        assertEquals(expected, parsed.response());
        assertFalse(c.toString().contains(c.response()));
        assertFalse(new DigestClient("alice", "pw", null).toString().contains("pw"));
    }

    @Test
    void clientRefusesUnsupportedAlgorithmsAndForeignRealms() {
        DigestClient client = new DigestClient("alice", "pw", "trunk.example");
        DigestClient.UnanswerableChallenge e = assertThrows(DigestClient.UnanswerableChallenge.class,
                () -> client.answer(new DigestChallenge("trunk.example", "n", null, "SHA-512-256", true, false),
                        "INVITE", "sip:x", 1));
        assertTrue(e.getMessage().contains("SHA-512-256"));
        assertThrows(DigestClient.UnanswerableChallenge.class,
                () -> client.answer(new DigestChallenge("other", "n", null, null, true, false), "INVITE", "sip:x", 1));
    }
}
