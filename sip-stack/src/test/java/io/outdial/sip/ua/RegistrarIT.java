package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.DialRequest;
import io.outdial.sip.Transport;
import io.outdial.sip.auth.DigestAlgorithm;
import io.outdial.sip.auth.DigestChallenge;
import io.outdial.sip.auth.DigestClient;
import io.outdial.sip.registrar.Registration;
import io.outdial.sip.registrar.RegistrarSettings;
import io.outdial.sip.testing.GatewayUnderTest;
import io.outdial.sip.testing.LegEvents;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The built-in registrar on the wire: REGISTERs written by hand from a loopback socket (so every header is under the
 * test's control), answered by the running user agent.
 */
class RegistrarIT {
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final Map<String, String> PASSWORDS = Map.of("agent7", "phone-pass-7");

    private GatewayUnderTest gateway;
    private DatagramSocket phone;
    private int cseq;

    @BeforeEach
    void start() throws Exception {
        RegistrarSettings settings = new RegistrarSettings("outdial", Duration.ofSeconds(2), Duration.ofSeconds(60),
                Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofSeconds(2),
                List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));
        gateway = GatewayUnderTest.withRegistrar(settings, (user, algorithm) ->
                Optional.ofNullable(PASSWORDS.get(user)).map(p -> algorithm.ha1(user, "outdial", p)));
        phone = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        phone.setSoTimeout(5000);
    }

    @AfterEach
    void stop() {
        phone.close();
        gateway.close();
    }

    @Test
    void aPhoneRegistersWithSha256AndCallsGoToItsContact() throws Exception {
        String challenged = register("agent7", "", 3600, "<sip:agent7@127.0.0.1:" + phone.getLocalPort() + ">");
        assertTrue(challenged.startsWith("SIP/2.0 401 "), challenged);
        List<String> challenges = headers(challenged, "WWW-Authenticate");
        assertEquals(2, challenges.size(), challenged);
        assertTrue(challenges.get(0).contains("algorithm=SHA-256") && challenges.get(1).contains("algorithm=MD5"));

        String ok = register("agent7", authorization(challenges.get(0), "agent7", "phone-pass-7", 1), 3600,
                "<sip:agent7@127.0.0.1:" + phone.getLocalPort() + ">");
        assertTrue(ok.startsWith("SIP/2.0 200 "), ok);
        assertTrue(ok.contains(";expires=3600"), ok);
        Registration r = gateway.ua().registrations().find("agent7").orElseThrow();
        assertEquals("127.0.0.1:" + phone.getLocalPort(), r.source());
        assertFalse(r.natted());

        // Unregister: Expires 0 removes the binding.
        String gone = register("agent7", authorization(challenges.get(0), "agent7", "phone-pass-7", 2), 0,
                "<sip:agent7@127.0.0.1:" + phone.getLocalPort() + ">");
        assertTrue(gone.startsWith("SIP/2.0 200 "), gone);
        assertTrue(gateway.ua().registrations().find("agent7").isEmpty());
    }

    @Test
    void behindNatCallsGoToTheSourceAddressAndTheBindingIsShort() throws Exception {
        {
            // The phone names a private address; its REGISTER comes from this socket on loopback.
            String contact = "<sip:agent7@10.11.12.13:5062>";
            String first = register("agent7", "", 3600, contact);
            String ok = register("agent7", authorization(headers(first, "WWW-Authenticate").get(1), "agent7",
                    "phone-pass-7", 1), 3600, contact);
            assertTrue(ok.startsWith("SIP/2.0 200 "), ok);
            assertTrue(ok.contains("expires=60"), () -> "behind NAT the registration is kept short: " + ok.replace("\r", ""));
            Registration r = gateway.ua().registrations().find("agent7").orElseThrow();
            assertTrue(r.natted());
            assertEquals("sip:agent7@127.0.0.1:" + phone.getLocalPort(), r.dialUri());
            // And the call goes there: to the socket the REGISTER came from, not to 10.11.12.13.
            LegEvents events = new LegEvents();
            gateway.ua().dial(DialRequest.agentPhone(r.dialUri(), Transport.UDP, "100", null, Duration.ofSeconds(20)),
                    gateway.newCall(), events);
            String invite = receive();
            assertTrue(invite.startsWith("INVITE sip:agent7@127.0.0.1:" + phone.getLocalPort() + " "), invite);
        }
    }

    @Test
    void aPhoneBehindNatIsKeptAliveWithOneOptionsAtATime() throws Exception {
        gateway.close();
        gateway = GatewayUnderTest.withRegistrar(new RegistrarSettings("outdial", Duration.ofSeconds(2),
                Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofSeconds(2),
                List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), Duration.ofSeconds(1)), (user, algorithm) ->
                Optional.ofNullable(PASSWORDS.get(user)).map(p -> algorithm.ha1(user, "outdial", p)));
        String contact = "<sip:agent7@10.11.12.13:5062>";
        String first = register("agent7", "", 3600, contact);
        assertTrue(register("agent7", authorization(headers(first, "WWW-Authenticate").get(1), "agent7",
                "phone-pass-7", 1), 3600, contact).startsWith("SIP/2.0 200 "));

        // The keep-alive goes where the REGISTER came from, and the phone answers it.
        String ping = receive();
        assertTrue(ping.startsWith("OPTIONS sip:agent7@127.0.0.1:" + phone.getLocalPort() + " "), ping);
        assertTrue(headers(ping, "Via").get(0).contains(";rport"), ping);
        reply(ping, "200 OK");
        // The next round's is a new request; this one the phone leaves unanswered.
        String next = receive();
        assertTrue(next.startsWith("OPTIONS "), next);
        String unanswered = headers(next, "Call-ID").get(0);
        assertFalse(unanswered.equals(headers(ping, "Call-ID").get(0)), "a new OPTIONS each round");
        // While it is outstanding, later rounds send no other: what comes is its retransmissions (T1, 2*T1...).
        for (int i = 0; i < 3; i++) {
            String again = receive();
            assertEquals(unanswered, headers(again, "Call-ID").get(0), "one OPTIONS at a time: " + again);
        }
    }

    private void reply(String request, String status) throws Exception {
        StringBuilder answer = new StringBuilder("SIP/2.0 " + status + "\r\n");
        for (String name : List.of("Via", "From", "To", "Call-ID", "CSeq")) {
            for (String value : headers(request, name)) {
                answer.append(name).append(": ").append(value).append("\r\n");
            }
        }
        byte[] bytes = answer.append("Content-Length: 0\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        phone.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), gateway.sipPort()));
    }

    @Test
    void anExpiredNonceIsStaleAndAReplayedOneIsRefused() throws Exception {
        String contact = "<sip:agent7@127.0.0.1:" + phone.getLocalPort() + ">";
        String challenge = headers(register("agent7", "", 3600, contact), "WWW-Authenticate").get(1);
        String auth = authorization(challenge, "agent7", "phone-pass-7", 1);
        assertTrue(register("agent7", auth, 3600, contact).startsWith("SIP/2.0 200 "));
        String replay = register("agent7", auth, 3600, contact);
        assertTrue(replay.startsWith("SIP/2.0 403 "), "the same nonce-count again: " + replay);

        Thread.sleep(2500); // the nonce lifetime of this gateway is 2 s
        String stale = register("agent7", authorization(challenge, "agent7", "phone-pass-7", 2), 3600, contact);
        assertTrue(stale.startsWith("SIP/2.0 401 "), stale);
        assertTrue(stale.contains("stale=true"), stale);
    }

    @Test
    void unknownUsersAndWrongPasswordsGetTheSameAnswerAndMalformedHeadersA400() throws Exception {
        String contact = "<sip:agent7@127.0.0.1:" + phone.getLocalPort() + ">";
        String challenge = headers(register("agent7", "", 3600, contact), "WWW-Authenticate").get(0);
        String wrong = register("agent7", authorization(challenge, "agent7", "guess-guess", 1), 3600, contact);
        String unknown = register("nobody", authorization(challenge, "nobody", "guess-guess", 1), 3600,
                "<sip:nobody@127.0.0.1:" + phone.getLocalPort() + ">");
        assertEquals(statusLine(wrong), statusLine(unknown));
        assertTrue(wrong.startsWith("SIP/2.0 403 "), wrong);

        String malformed = register("agent7", "Authorization: Digest username=\"agent7\", realm=\"outdial\", "
                + "nonce=\"x\", uri=\"sip:127.0.0.1\", response=\"not-hex\"\r\n", 3600, contact);
        assertTrue(malformed.startsWith("SIP/2.0 400 "), malformed);
        assertTrue(gateway.ua().registerFailures() >= 3);
        assertTrue(gateway.ua().registrations().find("agent7").isEmpty());
    }

    @Test
    void aFloodOfUnknownUsersIsRefusedAndARealPhoneStillRegisters() throws Exception {
        String contact = "<sip:agent7@127.0.0.1:" + phone.getLocalPort() + ">";
        String challenge = headers(register("agent7", "", 3600, contact), "WWW-Authenticate").get(1);
        try (DatagramSocket flood = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0))) {
            for (int i = 0; i < 200; i++) {
                String user = "scan" + i;
                byte[] bytes = registerText(user, authorization(challenge, user, "x", 1), 3600,
                        "<sip:" + user + "@127.0.0.2>", flood.getLocalPort(), "flood-" + i, 1)
                        .getBytes(StandardCharsets.ISO_8859_1);
                flood.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(),
                        gateway.sipPort()));
            }
        }
        String fresh = headers(register("agent7", "", 3600, contact), "WWW-Authenticate").get(1);
        assertTrue(register("agent7", authorization(fresh, "agent7", "phone-pass-7", 1), 3600, contact)
                .startsWith("SIP/2.0 200 "), "the flood from 127.0.0.2 does not slow 127.0.0.1 down");
        assertTrue(gateway.ua().registrations().all().stream().map(Registration::user).toList()
                .equals(List.of("agent7")));
    }

    private String register(String user, String authorization, int expires, String contact) throws Exception {
        cseq++;
        String text = registerText(user, authorization, expires, contact, phone.getLocalPort(), "reg-" + user, cseq);
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        phone.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), gateway.sipPort()));
        return finalResponse();
    }

    private String registerText(String user, String authorization, int expires, String contact, int port,
                                String callId, int seq) {
        return "REGISTER sip:127.0.0.1:" + gateway.sipPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";rport;branch=z9hG4bK-" + callId + "-" + seq + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@127.0.0.1>;tag=t" + seq + "\r\n"
                + "To: <sip:" + user + "@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "@127.0.0.1\r\n"
                + "CSeq: " + seq + " REGISTER\r\n"
                + "Contact: " + contact + "\r\n"
                + "Expires: " + expires + "\r\n"
                + authorization
                + "Content-Length: 0\r\n\r\n";
    }

    private String authorization(String challengeHeader, String user, String password, long nc) throws Exception {
        DigestChallenge c = DigestChallenge.parse(challengeHeader);
        return "Authorization: " + new DigestClient(user, password, null)
                .answer(c, "REGISTER", "sip:127.0.0.1:" + gateway.sipPort(), nc).toHeaderValue() + "\r\n";
    }

    private static List<String> headers(String message, String name) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("(?im)^" + name + ":\\s*(.*?)\\r?$").matcher(message);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private static String statusLine(String response) {
        return response.substring(0, response.indexOf('\r'));
    }

    private String finalResponse() throws Exception {
        for (int i = 0; i < 5; i++) {
            String text = receive();
            if (text.startsWith("SIP/2.0 ") && !text.startsWith("SIP/2.0 1")) {
                return text;
            }
        }
        throw new AssertionError("no final response in 5 messages");
    }

    private String receive() throws Exception {
        byte[] buf = new byte[8192];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        try {
            phone.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("nothing from the gateway within 5 s", e);
        }
        return new String(buf, 0, packet.getLength(), StandardCharsets.ISO_8859_1);
    }
}
