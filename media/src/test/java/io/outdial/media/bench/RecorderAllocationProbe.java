package io.outdial.media.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.outdial.media.Codec;
import io.outdial.media.RtpPeer;
import io.outdial.media.player.VirtualClock;
import io.outdial.media.record.RecorderProbe;
import io.outdial.media.rtp.RtpHeader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Measures what a stereo recorder costs the thread it runs on (an RTP event loop in the gateway): bytes allocated
 * and nanoseconds per 20 ms frame, both sides fed one packet each per frame, ticks in virtual time, the file written
 * by a separate writer thread (whose own work is not counted). Usage: {@code RecorderAllocationProbe [frames,
 * default 100000]}. See docs/benchmarks.md for the command.
 */
public final class RecorderAllocationProbe {

    private RecorderAllocationProbe() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Path dir = Files.createTempDirectory("recorder-probe");
        try {
            RtpPeer peer = new RtpPeer(new InetSocketAddress("127.0.0.1", 4000), Codec.PCMU, 0, 101);
            ByteBuf packet = Unpooled.buffer(RtpHeader.FIXED_LENGTH + 160);
            packet.writeByte(RtpHeader.VERSION << 6).writeByte(0).writeShort(1).writeInt(160).writeInt(7);
            for (int i = 0; i < 160; i++) {
                packet.writeByte((byte) (i * 7));
            }
            for (int run = 0; run < 2; run++) {
                VirtualClock clock = new VirtualClock(0);
                RecorderProbe probe = RecorderProbe.start(peer, clock, dir.resolve("run" + run + ".wav"), writer,
                        frames / 25 + 8);
                long thread = Thread.currentThread().getId();
                long bytesBefore = threads.getThreadAllocatedBytes(thread);
                long start = System.nanoTime();
                for (int n = 0; n < frames; n++) {
                    probe.recorder().received(packet);
                    probe.recorder().sent(packet);
                    clock.advanceBy(20_000_000L);
                }
                long nanos = System.nanoTime() - start;
                long bytes = threads.getThreadAllocatedBytes(thread) - bytesBefore;
                var summary = probe.recorder().stop().get(60, TimeUnit.SECONDS);
                System.out.printf("%s: %d frames (%.0f s of stereo audio), %.1f bytes and %.0f ns per frame on the"
                        + " recording thread, %d frames lost, file %d bytes%n", run == 0 ? "warm-up" : "measured",
                        frames, frames * 0.02, (double) bytes / frames, (double) nanos / frames,
                        summary.framesLost(), Files.size(dir.resolve("run" + run + ".wav")));
            }
        } finally {
            writer.shutdown();
            try (var files = Files.list(dir)) {
                files.forEach(p -> p.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }
}
