package io.outdial.media.bench;

import io.outdial.media.Codec;
import io.outdial.media.MediaConfig;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.RtpPeer;
import io.outdial.media.transport.NettyMediaEngine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Our relay driven from outside the JVM, for the side by side with rtpengine (sipp-scenarios/load/rtp-relay-bench.py,
 * issue 13): the same sender plays the phones of both relays over loopback. A line protocol on stdin/stdout:
 * {@code call PORT_A PORT_B} opens two endpoints, connects them to phones at 127.0.0.1:PORT_A and :PORT_B (PCMU on
 * both legs, so the relay rewrites headers and does not transcode, as rtpengine does not), relays them and answers
 * {@code ports LOCAL_A LOCAL_B}; {@code go} starts the CPU count; {@code stop} answers
 * {@code cpu RTP_THREADS_NS PROCESS_NS PACKETS_RELAYED} over the window since {@code go}, and exits. Usage:
 * {@code RelayStreamsProbe [event-loop threads, default 1 as in the gateway] [first port, default 30000]}.
 */
public final class RelayStreamsProbe {

    private RelayStreamsProbe() {
    }

    public static void main(String[] args) throws Exception {
        int ioThreads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int firstPort = args.length > 1 ? Integer.parseInt(args[1]) : 30000;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        List<RtpEndpoint> endpoints = new ArrayList<>();
        try (NettyMediaEngine engine = NettyMediaEngine.start(
                new MediaConfig("127.0.0.1", firstPort, firstPort + 9998, ioThreads))) {
            long threadsAtGo = 0;
            long processAtGo = 0;
            long relayedAtGo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] words = line.trim().split(" ");
                switch (words[0]) {
                    case "call" -> {
                        RtpEndpoint a = engine.openEndpoint().get(5, TimeUnit.SECONDS);
                        RtpEndpoint b = engine.openEndpoint().get(5, TimeUnit.SECONDS);
                        endpoints.add(a);
                        endpoints.add(b);
                        a.connect(new RtpPeer(new InetSocketAddress("127.0.0.1", Integer.parseInt(words[1])),
                                Codec.PCMU, 0, 101));
                        b.connect(new RtpPeer(new InetSocketAddress("127.0.0.1", Integer.parseInt(words[2])),
                                Codec.PCMU, 0, 101));
                        engine.relay(a, b);
                        System.out.println("ports " + a.localAddress().getPort() + " " + b.localAddress().getPort());
                    }
                    case "go" -> {
                        threadsAtGo = rtpCpu(threads);
                        processAtGo = os.getProcessCpuTime();
                        relayedAtGo = engine.totalPacketsRelayed();
                        System.out.println("ok");
                    }
                    case "stop" -> {
                        System.out.println("cpu " + (rtpCpu(threads) - threadsAtGo) + " "
                                + (os.getProcessCpuTime() - processAtGo) + " "
                                + (engine.totalPacketsRelayed() - relayedAtGo));
                        System.out.flush();
                        for (RtpEndpoint e : endpoints) {
                            e.close().get(5, TimeUnit.SECONDS);
                        }
                        return;
                    }
                    default -> System.out.println("error unknown command " + words[0]);
                }
                System.out.flush();
            }
        }
    }

    private static long rtpCpu(com.sun.management.ThreadMXBean threads) {
        long[] ids = Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadName().startsWith("outdial-rtp"))
                .mapToLong(info -> info.getThreadId())
                .toArray();
        return Arrays.stream(threads.getThreadCpuTime(ids)).sum();
    }
}
