package io.outdial.media.bench;

import io.outdial.media.Codec;
import io.outdial.media.MediaConfig;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.RtpPeer;
import io.outdial.media.srtp.SrtpKeys;
import io.outdial.media.srtp.SrtpSender;
import io.outdial.media.srtp.SrtpSuite;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
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
    private static int sequence;

    private RelayAllocationProbe() {
    }

    public static void main(String[] args) throws Exception {
        int packets = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int ioThreads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        // "srtp": phone A sends SRTP that endpoint A authenticates and decrypts, endpoint B encrypts towards phone B
        boolean srtp = args.length > 2 && args[2].equals("srtp");
        int firstPort = 20000 + 2 * ThreadLocalRandom.current().nextInt(15000);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (NettyMediaEngine engine = NettyMediaEngine.start(
                new MediaConfig("127.0.0.1", firstPort, firstPort + 20, ioThreads))) {
            run(engine, threads, packets, true, srtp);
            run(engine, threads, packets, false, srtp);
        }
    }

    /**
     * @param latchBothSides whether phone B sends first, so that B's socket is connected to it; otherwise B still
     *                       sends to the address from SDP, one envelope per packet
     */
    private static void run(NettyMediaEngine engine, com.sun.management.ThreadMXBean threads, int packets,
                            boolean latchBothSides, boolean srtp) throws Exception {
        RtpEndpoint a = engine.openEndpoint().get(5, TimeUnit.SECONDS);
        RtpEndpoint b = engine.openEndpoint().get(5, TimeUnit.SECONDS);
        try (DatagramSocket phoneA = phone(); DatagramSocket phoneB = phone()) {
            byte[] ours = new byte[30];
            byte[] theirs = new byte[30];
            ThreadLocalRandom.current().nextBytes(ours);
            ThreadLocalRandom.current().nextBytes(theirs);
            SrtpSuite suite = SrtpSuite.AES_CM_128_HMAC_SHA1_80;
            SrtpKeys keys = srtp ? new SrtpKeys(suite, ours, theirs) : null;
            // phone A's own sender: its local key is what endpoint A expects from it
            SrtpSender phoneSender = srtp ? new SrtpKeys(suite, theirs, ours).sender() : null;
            a.connect(new RtpPeer((InetSocketAddress) phoneA.getLocalSocketAddress(), Codec.PCMU, 0, 101, keys));
            b.connect(new RtpPeer((InetSocketAddress) phoneB.getLocalSocketAddress(), Codec.PCMA, 8, 101, keys));
            engine.relay(a, b);
            byte[] packet = new byte[12 + Codec.SAMPLES_PER_FRAME];
            DatagramPacket toA = new DatagramPacket(packet, packet.length, a.localAddress());
            DatagramPacket received = new DatagramPacket(new byte[2048], 2048);
            if (latchBothSides) {
                packet[0] = (byte) 0x80;
                packet[1] = 8;
                if (srtp) {
                    ByteBuf latch = Unpooled.buffer(packet.length + 10).writeBytes(packet);
                    new SrtpKeys(suite, theirs, ours).sender().protect(latch);
                    phoneB.send(new DatagramPacket(latch.array(), latch.readableBytes(), b.localAddress()));
                } else {
                    phoneB.send(new DatagramPacket(packet, packet.length, b.localAddress()));
                }
                phoneA.receive(received);
            }
            packet[0] = (byte) 0x80;
            packet[1] = 0;
            relay(phoneA, phoneB, toA, received, packet, WARM_UP_PACKETS, phoneSender);

            long[] loopThreads = rtpThreads(threads);
            long before = allocated(threads, loopThreads);
            long started = System.nanoTime();
            relay(phoneA, phoneB, toA, received, packet, packets, phoneSender);
            long elapsed = System.nanoTime() - started;
            long bytes = allocated(threads, loopThreads) - before;

            System.out.printf((srtp ? "SRTP both legs, " : "") + "%-32s %,d packets relayed, %.1f B/packet allocated on %d event-loop thread(s), "
                            + "%.1f us/round trip%n",
                    latchBothSides ? "both sides latched (connected)" : "B not latched (sent to SDP address)",
                    packets, (double) bytes / packets, loopThreads.length, elapsed / 1000.0 / packets);
        } finally {
            a.close().get(5, TimeUnit.SECONDS);
            b.close().get(5, TimeUnit.SECONDS);
        }
    }

    private static void relay(DatagramSocket phoneA, DatagramSocket phoneB, DatagramPacket toA,
                              DatagramPacket received, byte[] packet, int count, SrtpSender phoneSender)
            throws Exception {
        byte[] secured = new byte[packet.length + 10];
        ByteBuf securedBuf = Unpooled.wrappedBuffer(secured);
        for (int n = 0; n < count; n++) {
            // one running sequence: SRTP refuses a sequence number it has seen (replay)
            int i = sequence++;
            packet[2] = (byte) (i >> 8);
            packet[3] = (byte) i;
            if (phoneSender != null) {
                // protected on this thread, whose allocations are not counted
                securedBuf.clear().writeBytes(packet);
                phoneSender.protect(securedBuf);
                phoneA.send(new DatagramPacket(secured, securedBuf.readableBytes(), toA.getSocketAddress()));
            } else {
                phoneA.send(toA);
            }
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
