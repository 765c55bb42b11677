package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.DialRequest;
import io.outdial.sip.LegEvent;
import io.outdial.sip.SipTraffic;
import io.outdial.sip.Transport;
import io.outdial.sip.TrunkConfig;
import io.outdial.sip.testing.GatewayUnderTest;
import io.outdial.sip.testing.LegEvents;
import io.outdial.sip.testing.SipMutator;
import io.outdial.sip.testing.Sipp;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzz of the gateway's SIP input ({@link SipMutator}: 4,000 mutated messages at about 400 a second, one in
 * 40 over its own TCP connection) while a call is placed: the gateway still answers, the call completes, the log
 * stays small, and threads and file descriptors come back to where they were.
 */
class FuzzIT {
    private static final long SEED = 20;
    /** The benchmark of docs/benchmarks.md runs this test with -Dfuzz.messages=20000 -Dfuzz.perSecond=1000. */
    private static final int MESSAGES = Integer.getInteger("fuzz.messages", 4_000);
    private static final int PER_SECOND = Integer.getInteger("fuzz.perSecond", 400);
    private static final int SOCKETS = 4;
    /** The whole fuzz may write this much log; before issue 20 one malformed datagram could write 64 kB and more. */
    private static final long LOG_LIMIT_BYTES = Long.getLong("fuzz.logLimit", 64 * 1024);
    private static final Duration STEP = Duration.ofSeconds(15);
    private static final Duration SETTLE = Duration.ofSeconds(40);

    @Test
    void aSeededFuzzLeavesTheGatewayServingWithASmallLogAndNothingLeaked() throws Exception {
        try (GatewayUnderTest gateway = GatewayUnderTest.start()) {
            call(gateway); // warms up media, SIPp handling and the stack's threads
            int threadsBefore = threads();
            long heapBefore = heapAfterGcMb();
            long fdsBefore = fds();

            AtomicLong logged = new AtomicLong();
            PrintStream err = System.err;
            PrintStream out = System.out;
            System.setErr(new PrintStream(new Counting(err, logged), true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new Counting(out, logged), true, StandardCharsets.UTF_8));
            long sent;
            long started = System.nanoTime();
            try {
                org.slf4j.LoggerFactory.getLogger(FuzzIT.class)
                        .info("fuzz starts: seed {}, {} messages", SEED, MESSAGES);
                sent = fuzzDuringACall(gateway);
            } finally {
                System.setErr(err);
                System.setOut(out);
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            SipTraffic t = gateway.ua().traffic();
            String figures = String.format("%d messages in %.1f s; log %d bytes; dropped malformed %d, "
                            + "missing header %d, rate-limited %d; server transactions %d", sent, seconds, logged.get(),
                    t.drops(SipTraffic.Drop.MALFORMED), t.drops(SipTraffic.Drop.MISSING_HEADER),
                    t.drops(SipTraffic.Drop.RATE_LIMITED), gateway.ua().serverTransactions());
            System.out.println("FuzzIT: " + figures + "; heap used after GC " + heapAfterGcMb() + " MB (before: "
                    + heapBefore + " MB)");
            assertTrue(logged.get() > 0, "the log is counted (our own start line)");
            assertTrue(logged.get() < LOG_LIMIT_BYTES, "log bounded: " + figures);
            assertTrue(t.drops(SipTraffic.Drop.MALFORMED) + t.drops(SipTraffic.Drop.MISSING_HEADER) > MESSAGES / 10,
                    "the mutations reached the parser: " + figures);
            assertTrue(gateway.ua().serverTransactions() <= OutOfDialogGate.BURST_PER_SOURCE
                    + OutOfDialogGate.RATE_PER_SOURCE * (seconds + 2), "transactions bounded by the limit: " + figures);
            assertTrue(answersOptionsFromAnotherSource(gateway), "the gateway still serves");

            call(gateway); // and a call after the fuzz
            gateway.awaitIdle(STEP);
            assertTrue(settles(() -> threads() <= threadsBefore + 2), "threads back: " + threadsBefore + " -> "
                    + threads());
            assertTrue(settles(() -> fds() <= fdsBefore + 2), "file descriptors back: " + fdsBefore + " -> " + fds());
        }
    }

    /** Sends the mutations, placing a call a quarter of the way through; returns how many were sent. */
    private static long fuzzDuringACall(GatewayUnderTest gateway) throws Exception {
        DatagramSocket[] sockets = new DatagramSocket[SOCKETS];
        for (int i = 0; i < SOCKETS; i++) {
            sockets[i] = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        }
        InetAddress gw = InetAddress.getLoopbackAddress();
        long sent = 0;
        try (Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(2)).start()) {
            SipMutator mutator = new SipMutator(SEED, sockets[0].getLocalPort(), gateway.sipPort());
            LegEvents events = null;
            long paced = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                byte[] message = mutator.next();
                if (i % 40 == 39) {
                    try (Socket tcp = new Socket(gw, gateway.sipPort())) {
                        tcp.getOutputStream().write(message);
                    } catch (IOException e) {
                        // the gateway may close on garbage: that is its right
                    }
                } else {
                    sockets[i % SOCKETS].send(new DatagramPacket(message, message.length, gw, gateway.sipPort()));
                }
                sent++;
                if (i == MESSAGES / 4) {
                    events = new LegEvents();
                    gateway.ua().dial(DialRequest.contactViaTrunk(trunk(contact), "5551234", Duration.ofSeconds(30)),
                            gateway.newCall(), events);
                }
                if (i % 10 == 9) {
                    // On a schedule of PER_SECOND messages a second from the first one, whatever the sending took.
                    long ahead = paced + (i + 1) * 1_000_000_000L / PER_SECOND - System.nanoTime();
                    if (ahead > 0) {
                        Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
                    }
                }
            }
            events.untilTerminal(STEP);
            assertEquals(List.of("Trying", "Ringing", "Answered", "Ended"), events.names(), "the call during the fuzz");
            assertTrue(contact.awaitExit(STEP).passed());
        } finally {
            for (DatagramSocket s : sockets) {
                s.close();
            }
        }
        return sent;
    }

    private static void call(GatewayUnderTest gateway) throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofMillis(300)).start()) {
            LegEvents events = new LegEvents();
            gateway.ua().dial(DialRequest.contactViaTrunk(trunk(contact), "5551234", Duration.ofSeconds(30)),
                    gateway.newCall(), events);
            events.untilTerminal(STEP);
            assertEquals(List.of("Trying", "Ringing", "Answered", "Ended"), events.names());
            assertEquals(LegEvent.EndReason.REMOTE_HANGUP, ((LegEvent.Ended) events.seen().get(3)).reason());
            assertTrue(contact.awaitExit(STEP).passed());
        }
    }

    private static TrunkConfig trunk(Sipp contact) {
        return new TrunkConfig("127.0.0.1", contact.sipPort(), Transport.UDP, null, "100", null);
    }

    /** An OPTIONS from 127.0.0.2, a source the fuzz did not drain, gets its 200. */
    private static boolean answersOptionsFromAnotherSource(GatewayUnderTest gateway) throws IOException {
        try (DatagramSocket other = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0))) {
            other.setSoTimeout(5000);
            String options = "OPTIONS sip:gw@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.2:" + other.getLocalPort()
                    + ";branch=z9hG4bK-after-fuzz\r\nMax-Forwards: 70\r\nFrom: <sip:p@127.0.0.2>;tag=1\r\n"
                    + "To: <sip:gw@127.0.0.1>\r\nCall-ID: after-fuzz\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            byte[] bytes = options.getBytes(StandardCharsets.ISO_8859_1);
            other.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), gateway.sipPort()));
            byte[] buf = new byte[8192];
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            other.receive(packet);
            return new String(buf, 0, packet.getLength(), StandardCharsets.ISO_8859_1).startsWith("SIP/2.0 200 ");
        }
    }

    private static long heapAfterGcMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long fds() {
        try (Stream<Path> list = Files.list(Path.of("/proc/self/fd"))) {
            return list.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} until it holds or {@link #SETTLE} has passed (timers close idle connections). */
    private static boolean settles(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.getAsBoolean();
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
