package io.outdial.sip.ua;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends one prepared message to a gateway over UDP or TCP and tells what the gateway answered: the status line of
 * its first final response, or "none". To know that nothing is coming without long timeouts, it then sends an
 * OPTIONS "sentinel" over UDP and waits for its 200, plus a short grace for a slower answer to the message. The grace
 * grows with the sentinel's own round trip, so a machine slowed by other work does not turn a late answer into "none";
 * a message whose documented answer is a response ({@code answerDue}) is waited for up to the full timeout.
 */
final class TortureProbe implements AutoCloseable {
    /** What follows the sentinel's answer before we conclude the message got none. */
    private static final int GRACE_MS = Integer.getInteger("rfc4475.graceMs", 150);
    private static final int TIMEOUT_MS = 5000;
    private static final Pattern STATUS = Pattern.compile("(?m)^SIP/2\\.0 (\\d{3}) ([^\\r\\n]*)\\r?$");
    private static final AtomicInteger SENTINELS = new AtomicInteger();

    private final int gatewayPort;
    private final DatagramSocket udp;

    TortureProbe(int gatewayPort) throws IOException {
        this.gatewayPort = gatewayPort;
        this.udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** The message's LF line ends as CRLF, placeholders filled in, ${CL} the body's length in bytes. */
    static byte[] prepare(byte[] template, String transport, String via, String unique) {
        String text = new String(template, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n")
                .replace("${T}", transport).replace("${VIA}", via).replace("${N}", unique);
        int bodyStart = text.indexOf("\r\n\r\n");
        int bodyLength = bodyStart < 0 ? 0 : text.length() - bodyStart - 4;
        return text.replace("${CL}", Integer.toString(bodyLength)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends {@code template} over UDP from this probe's socket; returns "STATUS reason" or "none". */
    String overUdp(byte[] template, String unique, boolean answerDue) throws IOException {
        byte[] bytes = prepare(template, "UDP", "127.0.0.1:" + udp.getLocalPort(), unique);
        udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), gatewayPort));
        long sentAt = System.nanoTime();
        String sentinel = sendSentinel();
        String answer = null;
        long graceEnd = Long.MAX_VALUE;
        boolean sentinelSeen = false;
        byte[] buf = new byte[65_536];
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < Math.min(deadline, graceEnd)) {
            long wait = Math.min(deadline, graceEnd) - System.currentTimeMillis();
            udp.setSoTimeout((int) Math.max(1, wait));
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(packet);
            } catch (SocketTimeoutException e) {
                break;
            }
            String text = new String(buf, 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            if (text.contains(sentinel)) {
                sentinelSeen = true;
                graceEnd = answer != null ? System.currentTimeMillis()
                        : answerDue ? deadline : System.currentTimeMillis() + grace(sentAt);
            } else if (answer == null) {
                answer = finalStatus(text);
                if (answer != null && sentinelSeen) {
                    break;
                }
            }
        }
        if (!sentinelSeen) {
            throw new AssertionError("the gateway did not answer the OPTIONS sentinel: it no longer serves");
        }
        return answer == null ? "none" : answer;
    }

    /** Sends {@code template} over a new TCP connection; returns "STATUS reason" or "none". */
    String overTcp(byte[] template, String unique, boolean answerDue) throws IOException {
        try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), gatewayPort)) {
            byte[] bytes = prepare(template, "TCP", "127.0.0.1:" + tcp.getLocalPort(), unique);
            tcp.getOutputStream().write(bytes);
            tcp.getOutputStream().flush();
            long sentAt = System.nanoTime();
            awaitSentinel(sendSentinel());
            StringBuilder received = new StringBuilder();
            InputStream in = tcp.getInputStream();
            tcp.setSoTimeout(answerDue ? TIMEOUT_MS : grace(sentAt));
            byte[] buf = new byte[65_536];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    received.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                    String answer = finalStatus(received.toString());
                    if (answer != null) {
                        return answer;
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // nothing more within the grace, or the gateway closed the connection
            }
            String answer = finalStatus(received.toString());
            return answer == null ? "none" : answer;
        }
    }

    /** The grace after the sentinel's answer: at least GRACE_MS, and four times what the sentinel took. */
    private static int grace(long sentAt) {
        long roundTripMs = (System.nanoTime() - sentAt) / 1_000_000;
        return (int) Math.min(TIMEOUT_MS, Math.max(GRACE_MS, 4 * roundTripMs));
    }

    private String sendSentinel() throws IOException {
        String callId = "sentinel-" + SENTINELS.incrementAndGet();
        String options = "OPTIONS sip:gw@127.0.0.1:" + gatewayPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + udp.getLocalPort() + ";branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=sentinel\r\nTo: <sip:gw@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        byte[] bytes = options.getBytes(StandardCharsets.ISO_8859_1);
        udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), gatewayPort));
        return "Call-ID: " + callId + "\r\n";
    }

    private void awaitSentinel(String sentinel) throws IOException {
        byte[] buf = new byte[65_536];
        udp.setSoTimeout(TIMEOUT_MS);
        while (true) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(packet);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the gateway did not answer the OPTIONS sentinel: it no longer serves");
            }
            if (new String(buf, 0, packet.getLength(), StandardCharsets.ISO_8859_1).contains(sentinel)) {
                return;
            }
        }
    }

    /** The status line ("403 Forbidden ...") of the first final response in {@code text}, or null. */
    private static String finalStatus(String text) {
        Matcher m = STATUS.matcher(text);
        while (m.find()) {
            if (!m.group(1).startsWith("1")) {
                return m.group(1) + " " + m.group(2);
            }
        }
        return null;
    }

    @Override
    public void close() {
        udp.close();
    }
}
