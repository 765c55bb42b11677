package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.DialRequest;
import io.outdial.sip.LegEvent;
import io.outdial.sip.Transport;
import io.outdial.sip.TrunkConfig;
import io.outdial.sip.testing.GatewayUnderTest;
import io.outdial.sip.testing.LegEvents;
import io.outdial.sip.testing.Sipp;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the gateway answers to requests outside its own calls, including malformed and hostile ones. */
class OutOfDialogIT {
    private static final Duration STEP = Duration.ofSeconds(10);

    private GatewayUnderTest gateway;
    private DatagramSocket probe;

    @BeforeEach
    void start() throws Exception {
        gateway = GatewayUnderTest.start();
        probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        probe.setSoTimeout(5000);
    }

    @AfterEach
    void stop() throws Exception {
        probe.close();
        try {
            gateway.awaitIdle(STEP);
        } finally {
            gateway.close();
        }
    }

    @Test
    void optionsPingFromATrunkGets200WithAllow() throws Exception {
        send(request("OPTIONS", "opt-1", "1 OPTIONS", ""));

        String response = finalResponse();

        assertTrue(response.startsWith("SIP/2.0 200 "), response);
        assertTrue(response.contains("Allow: INVITE"), response);
        assertTrue(response.contains("\r\nServer: Outdial-test/0.1\r\n"), "a response names the product in Server");
        assertTrue(!response.contains("\r\nUser-Agent:"), "not in User-Agent: " + response);
    }

    @Test
    void aGatewayConfiguredWithoutAProductNameSendsNeitherServerNorUserAgent() throws Exception {
        try (GatewayUnderTest anonymous = GatewayUnderTest.named("")) {
            byte[] bytes = request("OPTIONS", "opt-anon", "1 OPTIONS", "")
                    .replace(":" + gateway.sipPort(), ":" + anonymous.sipPort()).getBytes(StandardCharsets.UTF_8);
            probe.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), anonymous.sipPort()));
            String response = finalResponse();
            assertTrue(response.startsWith("SIP/2.0 200 "), response);
            assertTrue(!response.contains("\r\nServer:") && !response.contains("\r\nUser-Agent:"), response);
        }
    }

    @Test
    void inboundInviteIsForbiddenWithAReason() throws Exception {
        send(request("INVITE", "inbound-1", "1 INVITE", "Contact: <sip:caller@127.0.0.1>\r\n"));

        String response = finalResponse();

        assertTrue(response.startsWith("SIP/2.0 403 Forbidden (outbound-only gateway"), response);
    }

    @Test
    void byeForAnUnknownCallGets481() throws Exception {
        send(request("BYE", "nobody-1", "2 BYE", "").replace("To: <sip:gw@127.0.0.1>", "To: <sip:gw@127.0.0.1>;tag=x"));

        assertTrue(finalResponse().startsWith("SIP/2.0 481 "));
    }

    @Test
    void malformedInviteGets400GarbageIsDroppedAndCallsStillWork() throws Exception {
        send(request("INVITE", "bad-cseq-1", "one INVITE", "Contact: <sip:caller@127.0.0.1>\r\n"));
        String response = finalResponse();
        assertTrue(response.startsWith("SIP/2.0 400 Bad Request (Malformed CSeq header)\r\n"), response);

        send("\u0000\u0001\u00ff garbage that is no SIP at all \r\n\r\n");
        send("INVITE sip:x SIP/2.0\r\n\r\n");
        send("SIP/2.0 200 OK\r\nVia: nonsense\r\n\r\n");

        try (Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofMillis(300)).start()) {
            TrunkConfig trunk = new TrunkConfig("127.0.0.1", contact.sipPort(), Transport.UDP, null, "100", null);
            LegEvents events = new LegEvents();
            gateway.ua().dial(DialRequest.contactViaTrunk(trunk, "5551234", Duration.ofSeconds(30)),
                    gateway.newCall(), events);
            events.untilTerminal(STEP);
            assertEquals(List.of("Trying", "Ringing", "Answered", "Ended"), events.names());
            assertEquals(LegEvent.EndReason.REMOTE_HANGUP, ((LegEvent.Ended) events.seen().get(3)).reason());
            assertTrue(contact.awaitExit(STEP).passed());
        }
    }

    @Test
    void requestsLackingAMandatoryHeaderAreDroppedAndCountedWithoutHarm() throws Exception {
        int n = 0;
        for (String header : List.of("CSeq", "Call-ID", "From", "To")) {
            // (A call id naming no header: the stack's automatic 400 finds headers to copy by name anywhere.)
            String noHeader = request("INVITE", "broken" + ++n, "1 INVITE", "")
                    .replaceAll("\r\n" + header + ": [^\r]*", "");
            send(noHeader);
        }
        send(request("OPTIONS", "after-drops", "1 OPTIONS", ""));

        String response = finalResponse();

        assertTrue(response.startsWith("SIP/2.0 200 ") && response.contains("after-drops"),
                "the first answer is the OPTIONS one: nothing answered the four broken requests: " + response);
        // The stack parses on several threads, so the OPTIONS may be answered before the last drop is counted.
        long deadline = System.nanoTime() + STEP.toNanos();
        while (gateway.ua().traffic().drops(io.outdial.sip.SipTraffic.Drop.MISSING_HEADER) < 4
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(4, gateway.ua().traffic().drops(io.outdial.sip.SipTraffic.Drop.MISSING_HEADER));
    }

    @Test
    void aFloodOfInvitesFromOneSourceIsRefusedStatelesslyThenDroppedAndOthersStillServed() throws Exception {
        int flood = 600;
        for (int i = 0; i < flood; i++) {
            send(request("INVITE", "flood-" + i, "1 INVITE", "Contact: <sip:caller@127.0.0.1>\r\n"));
            if (i % 20 == 19) {
                Thread.sleep(2); // ~10,000/s: loopback loses fewer datagrams in the kernel
            }
        }
        int forbidden = 0;
        probe.setSoTimeout(1000);
        byte[] buf = new byte[4096];
        for (int i = 0; i < flood; i++) { // reads until a quiet second
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                probe.receive(packet);
            } catch (SocketTimeoutException e) {
                break;
            }
            String text = new String(buf, 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("SIP/2.0 403 Forbidden (outbound-only gateway"), text);
            forbidden++;
        }
        long dropped = gateway.ua().traffic().drops(io.outdial.sip.SipTraffic.Drop.RATE_LIMITED);
        long received = gateway.ua().traffic().requests(io.outdial.sip.SipTraffic.Direction.RECEIVED, "INVITE");
        long refused = gateway.ua().traffic().responses(io.outdial.sip.SipTraffic.Direction.SENT, 4);

        // (The probe may lose some of the answers in its own receive buffer: count what the gateway sent.)
        assertEquals(received, refused + dropped, "each INVITE the stack got is either refused or dropped: "
                + refused + " refused of " + received + " received (" + flood + " sent), " + forbidden + " heard");
        assertTrue(forbidden > 0 && forbidden <= refused, forbidden + " heard");
        assertTrue(received > OutOfDialogGate.BURST_PER_SOURCE + 100, received + " received");
        assertTrue(dropped >= received - OutOfDialogGate.BURST_PER_SOURCE - 100, dropped + " dropped");
        assertEquals(0, gateway.ua().serverTransactions(), "stateless refusals keep no transaction");

        try (DatagramSocket other = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0))) {
            other.setSoTimeout(5000);
            byte[] bytes = request("OPTIONS", "other-source", "1 OPTIONS", "")
                    .replace("127.0.0.1:" + probe.getLocalPort(), "127.0.0.2:" + other.getLocalPort())
                    .getBytes(StandardCharsets.ISO_8859_1);
            other.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), gateway.sipPort()));
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            other.receive(packet);
            String text = new String(buf, 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("SIP/2.0 200 "), "another source is still served: " + text);
        }
    }

    @Test
    void aRetransmittedInviteGetsTheSameStatelessAnswer() throws Exception {
        String invite = request("INVITE", "retransmitted", "1 INVITE", "Contact: <sip:caller@127.0.0.1>\r\n");
        send(invite);
        String first = finalResponse();
        String second = answerToRetransmissions(invite);
        assertTrue(first.startsWith("SIP/2.0 403 "), first);
        assertEquals(toTag(first), toTag(second), "one To tag for one request (RFC 3261 8.2.7)");
        assertEquals(0, gateway.ua().serverTransactions());
    }

    private static String toTag(String response) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\r\nTo: [^\r]*;tag=([^;\r]+)").matcher(response);
        assertTrue(m.find(), response);
        return m.group(1);
    }

    private String request(String method, String callId, String cseq, String extraHeaders) {
        int port = gateway.sipPort();
        return method + " sip:gw@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + probe.getLocalPort() + ";branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=probe\r\n"
                + "To: <sip:gw@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "@127.0.0.1\r\n"
                + "CSeq: " + cseq + "\r\n"
                + extraHeaders
                + "Content-Length: 0\r\n\r\n";
    }

    private void send(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        probe.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), gateway.sipPort()));
    }

    /**
     * Retransmits {@code request} as a UAC does over UDP (every 500 ms, at most 8 times) until a final response comes:
     * on a loaded machine the stack may still be busy with the first copy when the second arrives, and drop it.
     */
    private String answerToRetransmissions(String request) throws Exception {
        probe.setSoTimeout(500);
        try {
            for (int i = 0; i < 8; i++) {
                send(request);
                try {
                    return finalResponse();
                } catch (AssertionError noAnswerYet) {
                    // retransmit
                }
            }
            throw new AssertionError("no answer to 8 retransmissions");
        } finally {
            probe.setSoTimeout(5000);
        }
    }

    /** The first final (non-1xx) response, reading past provisional ones; a bounded number of reads. */
    private String finalResponse() throws Exception {
        byte[] buf = new byte[4096];
        for (int i = 0; i < 5; i++) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                probe.receive(packet);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no response from the gateway within 5 s", e);
            }
            String text = new String(buf, 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            if (!text.startsWith("SIP/2.0 1")) {
                return text;
            }
        }
        throw new AssertionError("only provisional responses");
    }
}
