package io.outdial.media.bench;

import io.outdial.media.Codec;
import io.outdial.media.MediaConfig;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.RtpPeer;
import io.outdial.media.transport.NettyMediaEngine;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Measures, end to end over loopback, the bytes the RTP event-loop threads allocate per RFC 4733 packet the DTMF
 * sender sends (timers included): a JDK socket plays the contact's phone, latched, and counts what arrives. DTMF
 * goes at the pace of a call (one packet per 20 ms), so a run takes packets / 50 seconds. Usage:
 * {@code DtmfAllocationProbe [digits per run, default 20] [ms per digit, default 1000]}. See docs/benchmarks.md.
 */
public final class DtmfAllocationProbe {

    private DtmfAllocationProbe() {
    }

    public static void main(String[] args) throws Exception {
        int digits = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int durationMs = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int firstPort = 20000 + 2 * ThreadLocalRandom.current().nextInt(15000);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (NettyMediaEngine engine = NettyMediaEngine.start(
                new MediaConfig("127.0.0.1", firstPort, firstPort + 4, 1));
             DatagramSocket phone = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            phone.setSoTimeout(3000);
            RtpEndpoint endpoint = engine.openEndpoint().get(5, TimeUnit.SECONDS);
            endpoint.connect(new RtpPeer((InetSocketAddress) phone.getLocalSocketAddress(), Codec.PCMU, 0, 101));
            byte[] latch = new byte[12 + Codec.SAMPLES_PER_FRAME];
            latch[0] = (byte) 0x80;
            phone.send(new DatagramPacket(latch, latch.length, endpoint.localAddress()));

            run(engine, endpoint, phone, threads, Math.max(2, digits / 4), durationMs, "warm-up");
            run(engine, endpoint, phone, threads, digits, durationMs, "measured");
        }
    }

    private static void run(NettyMediaEngine engine, RtpEndpoint endpoint, DatagramSocket phone,
                            com.sun.management.ThreadMXBean threads, int digits, int durationMs, String what)
            throws Exception {
        long[] loopThreads = Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadName().startsWith("outdial-rtp"))
                .mapToLong(info -> info.getThreadId()).toArray();
        long before = Arrays.stream(threads.getThreadAllocatedBytes(loopThreads)).sum();
        CompletableFuture<Void> sent = engine.sendDtmf(endpoint, "5".repeat(digits), durationMs);
        DatagramPacket received = new DatagramPacket(new byte[2048], 2048);
        long packets = 0;
        while (!sent.isDone() || packets == 0) {
            received.setLength(2048);
            phone.receive(received);
            packets++;
        }
        sent.get();
        long bytes = Arrays.stream(threads.getThreadAllocatedBytes(loopThreads)).sum() - before;
        System.out.printf("%-8s %d digits of %d ms: %,d event packets, %.1f B/packet allocated on %d event-loop"
                + " thread(s)%n", what, digits, durationMs, packets, (double) bytes / packets, loopThreads.length);
    }
}
