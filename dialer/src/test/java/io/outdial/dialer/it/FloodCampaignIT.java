package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.SipMutator;
import io.outdial.sip.testing.Sipp;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a progressive campaign call placed while the gateway's SIP port is flooded with mutated messages from
 * one source (about 700 a second until the record is done) still ends as Answer; the whole gateway writes a small
 * log meanwhile, and the flood shows in outdial_sip_dropped_total.
 */
class FloodCampaignIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final long LOG_LIMIT_BYTES = 64 * 1024;

    @Test
    void aCampaignCallPlacedDuringAFloodEndsAsAnswerWithASmallLog() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(3)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(),
                     "  - { id: agent1, phone: \"" + phone.uri("agent1") + "\", autoReady: true, wrapUp: 0s }",
                     "  - { name: it, dialingMode: progressive, agents: [agent1], autoLoad: false, autoStart: false }");
             DatagramSocket flooder = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            AtomicBoolean flooding = new AtomicBoolean(true);
            AtomicLong sent = new AtomicLong();
            Thread flood = new Thread(() -> flood(flooder, gw.sipPort(), flooding, sent), "flood");
            AtomicLong logged = new AtomicLong();
            PrintStream err = System.err;
            PrintStream out = System.out;
            CallingRecord r;
            System.setErr(new PrintStream(new Counting(err, logged), true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new Counting(out, logged), true, StandardCharsets.UTF_8));
            try {
                org.slf4j.LoggerFactory.getLogger(FloodCampaignIT.class).info("flood starts");
                flood.start();
                Thread.sleep(1000); // the flood is under way before the call is placed
                gw.uploadAndStart("it", "contact_info,first_name\n2005550101,Ann\n");
                r = gw.awaitAllUpdated("it", LIMIT).get(0);
            } finally {
                flooding.set(false);
                flood.join(5000);
                System.setErr(err);
                System.setOut(out);
            }
            String figures = sent.get() + " flood messages, " + logged.get() + " bytes of log, dropped: malformed "
                    + gw.metric("outdial_sip_dropped_total{reason=\"malformed\"}") + ", missing header "
                    + gw.metric("outdial_sip_dropped_total{reason=\"missing_header\"}") + ", rate-limited "
                    + gw.metric("outdial_sip_dropped_total{reason=\"rate_limited\"}");
            System.out.println("FloodCampaignIT: " + figures);
            assertEquals(CallResult.ANSWER, r.callResult(), figures);
            assertTrue(contact.awaitExit(LIMIT).passed(), "the contact's scenario completed");
            assertTrue(sent.get() > 1000, figures);
            assertTrue(gw.metric("outdial_sip_dropped_total{reason=\"malformed\"}") > 100, figures);
            assertTrue(logged.get() > 0 && logged.get() < LOG_LIMIT_BYTES, "a small log: " + figures);
        }
    }

    private static void flood(DatagramSocket socket, int port, AtomicBoolean flooding, AtomicLong sent) {
        SipMutator mutator = new SipMutator(2020, socket.getLocalPort(), port);
        InetAddress gw = InetAddress.getLoopbackAddress();
        try {
            while (flooding.get()) {
                for (int i = 0; i < 7 && flooding.get(); i++) {
                    byte[] m = mutator.next();
                    socket.send(new DatagramPacket(m, m.length, gw, port));
                    sent.incrementAndGet();
                }
                Thread.sleep(10);
            }
        } catch (IOException | InterruptedException e) {
            // the test ends the flood
        }
    }

    /** Counts the bytes written through it. */
    private static final class Counting extends FilterOutputStream {
        private final AtomicLong count;

        Counting(OutputStream out, AtomicLong count) {
            super(out);
            this.count = count;
        }

        @Override
        public void write(int b) throws IOException {
            count.incrementAndGet();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count.addAndGet(len);
            out.write(b, off, len);
        }
    }
}
