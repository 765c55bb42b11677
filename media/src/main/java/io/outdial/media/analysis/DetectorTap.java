package io.outdial.media.analysis;

import io.netty.buffer.ByteBuf;
import io.outdial.media.Codec;
import io.outdial.media.MediaTap;
import io.outdial.media.RtpPeer;
import io.outdial.media.codec.G711;
import io.outdial.media.detect.Detection;
import io.outdial.media.detect.FrameDetector;
import io.outdial.media.detect.PcmFrame;
import io.outdial.media.player.PlayoutClock;
import io.outdial.media.rtp.PacketEndpoint;
import io.outdial.media.rtp.RtpHeader;
import io.outdial.media.rtp.RtpSink;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds what an endpoint receives to frame detectors: G.711 payloads are decoded into one reused 160-sample frame,
 * which each detector reads in turn when it is full. Packets of another payload type (telephone-event, comfort noise)
 * are skipped.
 *
 * <p>Media time follows the clock: a watchdog every {@value #WATCH_MILLIS} ms fills in silence for frames that should
 * have arrived by now (less {@value #JITTER_FRAMES} frames of jitter allowance) and did not, so a contact who sends no
 * RTP at all is heard as silence and the silence and answering-machine timers still run.
 *
 * <p>Thread model: {@link #onRtp} and the watchdog run on the endpoint's event loop (the clock's thread); nothing per
 * packet is allocated. {@link #stop()} is safe from any thread.
 */
public final class DetectorTap implements RtpSink, MediaTap {

    static final int WATCH_MILLIS = 100;
    static final int JITTER_FRAMES = 3;
    private static final long FRAME_NANOS = PcmFrame.MILLIS * 1_000_000L;
    private static final Logger log = LoggerFactory.getLogger(DetectorTap.class);

    private final PacketEndpoint endpoint;
    private final FrameDetector[] detectors;
    private final Consumer<Detection> listener;
    private final PlayoutClock clock;
    private final short[] frame = new short[PcmFrame.SAMPLES];
    private final long startNanos;
    private int filled;
    private long frames;
    private volatile boolean stopped;

    private DetectorTap(PacketEndpoint endpoint, List<FrameDetector> detectors, Consumer<Detection> listener,
                        PlayoutClock clock) {
        this.endpoint = endpoint;
        this.detectors = detectors.toArray(new FrameDetector[0]);
        this.listener = listener;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
    }

    /**
     * Attaches a tap to {@code endpoint} and starts its watchdog on {@code clock}.
     *
     * @throws IllegalStateException if the endpoint already feeds a sink or is closed
     */
    public static DetectorTap start(PacketEndpoint endpoint, List<FrameDetector> detectors,
                                    Consumer<Detection> listener, PlayoutClock clock) {
        if (detectors.isEmpty()) {
            throw new IllegalArgumentException("a tap needs at least one detector");
        }
        DetectorTap tap = new DetectorTap(endpoint, detectors, listener, clock);
        endpoint.attach(tap);
        clock.schedule(tap::watch, WATCH_MILLIS * 1_000_000L);
        return tap;
    }

    /** Frames fed to the detectors so far (received or filled in): media time in 20 ms steps. */
    public long frames() {
        return frames;
    }

    @Override
    public void onRtp(ByteBuf packet) {
        RtpPeer peer = endpoint.peer();
        if (stopped || peer == null || RtpHeader.payloadType(packet) != peer.payloadType()) {
            return;
        }
        int offset = RtpHeader.payloadOffset(packet);
        if (offset < 0) {
            return;
        }
        int length = RtpHeader.payloadLength(packet, offset);
        int index = packet.readerIndex() + offset;
        boolean ulaw = peer.codec() == Codec.PCMU;
        for (int i = 0; i < length && !stopped; i++) {
            byte code = packet.getByte(index + i);
            frame[filled++] = ulaw ? G711.ulawToLinear(code) : G711.alawToLinear(code);
            if (filled == PcmFrame.SAMPLES) {
                feed();
            }
        }
    }

    private void watch() {
        if (stopped) {
            return;
        }
        long due = (clock.nanoTime() - startNanos) / FRAME_NANOS - JITTER_FRAMES;
        while (frames < due && !stopped) {
            Arrays.fill(frame, filled, PcmFrame.SAMPLES, (short) 0);
            feed();
        }
        if (!stopped) {
            clock.schedule(this::watch, WATCH_MILLIS * 1_000_000L);
        }
    }

    private void feed() {
        filled = 0;
        frames++;
        for (FrameDetector detector : detectors) {
            Optional<Detection> found = detector.onFrame(frame);
            if (found.isPresent()) {
                report(found.get());
            }
            if (stopped) {
                return;
            }
        }
    }

    private void report(Detection detection) {
        try {
            listener.accept(detection);
        } catch (RuntimeException e) {
            log.error("{}: detection listener failed on {}", endpoint, detection, e);
        }
    }

    @Override
    public void stop() {
        stopped = true;
        endpoint.detach(this);
    }

    @Override
    public String toString() {
        return "detector tap on " + endpoint;
    }
}
