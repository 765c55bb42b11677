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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Measures, end to end over loopback, the bytes the RTP event-loop threads allocate per relayed packet: a JDK
 * socket plays each phone, sends a 20 ms PCMU packet and waits for the transcoded PCMA packet on the other side.
 * The JDK sockets' own allocations happen on this thread and are not counted. Usage:
 * {@code RelayAllocationProbe [packets per run, default 50000] [event-loop threads, default 1]}; with two threads
 * the two endpoints of the relay land on different loops. See docs/benchmarks.md for the full command.
 */
public final class RelayAllocationProbe {

    private static final int WARM_UP_PACKETS = 20_000;

    private RelayAllocationProbe() {
    }

    public static void main(String[] args) throws Exception {
        int packets = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int ioThreads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int firstPort = 20000 + 2 * ThreadLocalRandom.current().nextInt(15000);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (NettyMediaEngine engine = NettyMediaEngine.start(
                new MediaConfig("127.0.0.1", firstPort, firstPort + 20, ioThreads))) {
            run(engine, threads, packets, true);
            run(engine, threads, packets, false);
        }
    }

    /**
     * @param latchBothSides whether phone B sends first, so that B's socket is connected to it; otherwise B still
     *                       sends to the address from SDP, one envelope per packet
     */
    private static void run(NettyMediaEngine engine, com.sun.management.ThreadMXBean threads, int packets,
                            boolean latchBothSides) throws Exception {
        RtpEndpoint a = engine.openEndpoint().get(5, TimeUnit.SECONDS);
        RtpEndpoint b = engine.openEndpoint().get(5, TimeUnit.SECONDS);
        try (DatagramSocket phoneA = phone(); DatagramSocket phoneB = phone()) {
            a.connect(new RtpPeer((InetSocketAddress) phoneA.getLocalSocketAddress(), Codec.PCMU, 0, 101));
            b.connect(new RtpPeer((InetSocketAddress) phoneB.getLocalSocketAddress(), Codec.PCMA, 8, 101));
            engine.relay(a, b);
            byte[] packet = new byte[12 + Codec.SAMPLES_PER_FRAME];
            DatagramPacket toA = new DatagramPacket(packet, packet.length, a.localAddress());
            DatagramPacket received = new DatagramPacket(new byte[2048], 2048);
            if (latchBothSides) {
                packet[0] = (byte) 0x80;
                packet[1] = 8;
                phoneB.send(new DatagramPacket(packet, packet.length, b.localAddress()));
                phoneA.receive(received);
            }
            packet[0] = (byte) 0x80;
            packet[1] = 0;
            relay(phoneA, phoneB, toA, received, packet, WARM_UP_PACKETS);

            long[] loopThreads = rtpThreads(threads);
            long before = allocated(threads, loopThreads);
            long started = System.nanoTime();
            relay(phoneA, phoneB, toA, received, packet, packets);
            long elapsed = System.nanoTime() - started;
            long bytes = allocated(threads, loopThreads) - before;

            System.out.printf("%-32s %,d packets relayed, %.1f B/packet allocated on %d event-loop thread(s), "
                            + "%.1f us/round trip%n",
                    latchBothSides ? "both sides latched (connected)" : "B not latched (sent to SDP address)",
                    packets, (double) bytes / packets, loopThreads.length, elapsed / 1000.0 / packets);
        } finally {
            a.close().get(5, TimeUnit.SECONDS);
            b.close().get(5, TimeUnit.SECONDS);
        }
    }

    private static void relay(DatagramSocket phoneA, DatagramSocket phoneB, DatagramPacket toA,
                              DatagramPacket received, byte[] packet, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            packet[2] = (byte) (i >> 8);
            packet[3] = (byte) i;
            phoneA.send(toA);
            received.setLength(2048);
            phoneB.receive(received);
        }
    }

    private static DatagramSocket phone() throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(3000);
        return socket;
    }

    private static long[] rtpThreads(com.sun.management.ThreadMXBean threads) {
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadName().startsWith("outdial-rtp"))
                .mapToLong(info -> info.getThreadId())
                .toArray();
    }

    private static long allocated(com.sun.management.ThreadMXBean threads, long[] ids) {
        return Arrays.stream(threads.getThreadAllocatedBytes(ids)).sum();
    }
}
