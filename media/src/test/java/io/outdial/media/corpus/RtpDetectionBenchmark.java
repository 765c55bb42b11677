package io.outdial.media.corpus;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.outdial.media.Codec;
import io.outdial.media.MediaConfig;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.RtpPeer;
import io.outdial.media.analysis.DetectorTap;
import io.outdial.media.codec.G711;
import io.outdial.media.detect.AnsweringMachineDetector;
import io.outdial.media.detect.Detection;
import io.outdial.media.detect.FaxDetector;
import io.outdial.media.detect.FrameDetector;
import io.outdial.media.detect.PcmFrame;
import io.outdial.media.detect.SilenceDetector;
import io.outdial.media.detect.SitDetector;
import io.outdial.media.rtp.PacketEndpoint;
import io.outdial.media.rtp.RtpHeader;
import io.outdial.media.transport.NettyMediaEngine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The detection benchmark over the wire: every corpus item is sent as real PCMU RTP over loopback UDP from one
 * endpoint of the gateway's media engine to another, whose {@link DetectorTap} (the same tap live calls use) runs the
 * detectors, faster than real time. Scores are those of {@link DetectionBenchmark}; the report adds the packets sent
 * and the frames the taps read, so a lost packet would show. Not a test: see docs/benchmarks.md.
 *
 * <p>Arguments: seed (default 1), items per class (default 50), speed-up over real time (default 25).
 */
public final class RtpDetectionBenchmark implements DetectionBenchmark.Classifier, AutoCloseable {

    private final NettyMediaEngine engine;
    private final int speedUp;
    private long packetsSent;
    private long framesRead;

    private RtpDetectionBenchmark(int speedUp) {
        this.engine = NettyMediaEngine.start(new MediaConfig("127.0.0.1", 41000, 41998, 1));
        this.speedUp = speedUp;
    }

    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        int perClass = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int speedUp = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        List<CorpusItem> corpus = new CorpusGenerator(seed).generate(perClass);
        try (RtpDetectionBenchmark rtp = new RtpDetectionBenchmark(speedUp)) {
            DetectionBenchmark.Report report = DetectionBenchmark.run(corpus, rtp);
            System.out.printf("RTP over loopback through NettyMediaEngine taps at %dx real time: %d packets sent, "
                    + "%d frames read by the taps%n", speedUp, rtp.packetsSent, rtp.framesRead);
            System.out.print(report.format(seed, perClass));
        }
    }

    @Override
    public DetectionBenchmark.Outcome earlyMedia(CorpusItem item) {
        return DetectionBenchmark.decideEarly(stream(item, List.of(new SitDetector())));
    }

    @Override
    public DetectionBenchmark.Outcome answered(CorpusItem item) {
        return DetectionBenchmark.decideAnswered(stream(item, List.of(new FaxDetector(), new SilenceDetector(),
                new AnsweringMachineDetector())));
    }

    /** Sends the item as RTP to a tapped endpoint and returns what the detectors reported, in order. */
    private List<Detection> stream(CorpusItem item, List<FrameDetector> detectors) {
        RtpEndpoint gateway = engine.openEndpoint().join();
        RtpEndpoint phone = engine.openEndpoint().join();
        List<Detection> found = Collections.synchronizedList(new ArrayList<>());
        try {
            gateway.connect(new RtpPeer(phone.localAddress(), Codec.PCMU, 0, -1));
            phone.connect(new RtpPeer(gateway.localAddress(), Codec.PCMU, 0, -1));
            DetectorTap tap = (DetectorTap) engine.listen(gateway, detectors, found::add);
            short[] pcm = item.pcm();
            int frames = pcm.length / PcmFrame.SAMPLES;
            byte[] payload = new byte[PcmFrame.SAMPLES];
            long start = System.nanoTime();
            long frameNanos = TimeUnit.MILLISECONDS.toNanos(PcmFrame.MILLIS) / speedUp;
            for (int f = 0; f < frames; f++) {
                G711.encode(Codec.PCMU, pcm, f * PcmFrame.SAMPLES, payload, 0, PcmFrame.SAMPLES);
                ByteBuf packet = PooledByteBufAllocator.DEFAULT.buffer(RtpHeader.FIXED_LENGTH + payload.length);
                packet.writeByte(RtpHeader.VERSION << 6).writeByte(0).writeShort(f).writeInt(f * PcmFrame.SAMPLES)
                        .writeInt(0x5eed).writeBytes(payload);
                ((PacketEndpoint) phone).send(packet);
                packetsSent++;
                long due = start + (f + 1) * frameNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (tap.frames() < frames && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            tap.stop();
            framesRead += Math.min(tap.frames(), frames);
            synchronized (found) {
                return new ArrayList<>(found);
            }
        } finally {
            gateway.close().join();
            phone.close().join();
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
