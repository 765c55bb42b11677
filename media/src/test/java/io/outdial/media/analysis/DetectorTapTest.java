package io.outdial.media.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.outdial.media.Codec;
import io.outdial.media.RtpPeer;
import io.outdial.media.codec.G711;
import io.outdial.media.detect.Detection;
import io.outdial.media.detect.FaxDetector;
import io.outdial.media.detect.FrameDetector;
import io.outdial.media.detect.PcmFrame;
import io.outdial.media.detect.SilenceDetector;
import io.outdial.media.detect.VoiceActivitySettings;
import io.outdial.media.player.VirtualClock;
import io.outdial.media.relay.RecordingEndpoint;
import io.outdial.media.rtp.TestPacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetectorTapTest {

    private static final long MS = 1_000_000L;

    private final VirtualClock clock = new VirtualClock(0);
    private final List<Detection> found = new ArrayList<>();

    private static RecordingEndpoint endpoint(Codec codec) {
        return new RecordingEndpoint(new RtpPeer(new InetSocketAddress("127.0.0.1", 4000), codec,
                codec.staticPayloadType(), 101));
    }

    /** Counts frames and remembers the first sample of the last one. */
    private static final class FrameCounter implements FrameDetector {
        int frames;
        short firstSample;

        @Override
        public Optional<Detection> onFrame(short[] frame) {
            frames++;
            firstSample = frame[0];
            return Optional.empty();
        }

        @Override
        public void reset() {
            frames = 0;
        }
    }

    private static void deliver(RecordingEndpoint ep, int payloadType, int seq, byte[] payload) {
        ByteBuf packet = TestPacket.rtp(payloadType, seq, seq * 160, 7).payload(payload).buffer();
        try {
            ep.sink.onRtp(packet);
        } finally {
            packet.release();
        }
    }

    @Test
    void aContactSendingNoRtpIsHeardAsSilence() {
        RecordingEndpoint ep = endpoint(Codec.PCMU);
        DetectorTap.start(ep, List.of(new SilenceDetector(Duration.ofSeconds(2), VoiceActivitySettings.DEFAULTS)),
                found::add, clock);
        clock.advanceBy(1900 * MS);
        assertTrue(found.isEmpty(), "no silence verdict before 2 s: " + found);
        clock.advanceBy(300 * MS);
        assertEquals(1, found.size());
        assertTrue(found.get(0) instanceof Detection.SilenceDetected);
    }

    @Test
    void payloadsOfAnySizeAreDecodedIntoWholeFramesInTheNegotiatedCodec() {
        RecordingEndpoint ep = endpoint(Codec.PCMA);
        FrameCounter counter = new FrameCounter();
        DetectorTap tap = DetectorTap.start(ep, List.of(counter), found::add, clock);
        byte code = G711.linearToAlaw(1000);
        byte[] tenMs = new byte[80];
        java.util.Arrays.fill(tenMs, code);
        for (int seq = 0; seq < 5; seq++) {
            deliver(ep, 8, seq, tenMs);
        }
        assertEquals(2, counter.frames, "five 10 ms packets make two whole frames");
        assertEquals(G711.alawToLinear(code), counter.firstSample);
        assertEquals(2, tap.frames());
    }

    @Test
    void telephoneEventsAndOtherPayloadTypesAreNotAudio() {
        RecordingEndpoint ep = endpoint(Codec.PCMU);
        FrameCounter counter = new FrameCounter();
        DetectorTap.start(ep, List.of(counter), found::add, clock);
        deliver(ep, 101, 1, new byte[160]);
        deliver(ep, 13, 2, new byte[160]);
        assertEquals(0, counter.frames);
    }

    @Test
    void packetsAheadOfTheClockAreNotPaddedWithSilence() {
        RecordingEndpoint ep = endpoint(Codec.PCMU);
        FrameCounter counter = new FrameCounter();
        DetectorTap.start(ep, List.of(counter), found::add, clock);
        for (int seq = 0; seq < 50; seq++) { // one second of audio at once, as a faster-than-real-time stream
            deliver(ep, 0, seq, new byte[160]);
        }
        clock.advanceBy(500 * MS);
        assertEquals(50, counter.frames);
        clock.advanceBy(1000 * MS); // then nothing more: the clock catches up and silence is filled in
        int expected = (int) (1500 / PcmFrame.MILLIS) - DetectorTap.JITTER_FRAMES;
        assertTrue(Math.abs(counter.frames - expected) <= 5, "about " + expected + " frames, got " + counter.frames);
    }

    @Test
    void aFaxToneOverRtpIsReportedOnce() {
        RecordingEndpoint ep = endpoint(Codec.PCMU);
        DetectorTap.start(ep, List.of(new FaxDetector()), found::add, clock);
        byte[] payload = new byte[160];
        for (int seq = 0; seq < 100; seq++) { // 2 s of CED, 2100 Hz at -10 dBFS
            for (int i = 0; i < 160; i++) {
                double t = (seq * 160 + i) / 8000.0;
                payload[i] = G711.linearToUlaw((int) (0.316 * 32767 * Math.sin(2 * Math.PI * 2100 * t)));
            }
            deliver(ep, 0, seq, payload);
        }
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0) instanceof Detection.FaxDetected);
    }

    @Test
    void stopFreesTheEndpointAndSilencesTheTap() {
        RecordingEndpoint ep = endpoint(Codec.PCMU);
        FrameCounter counter = new FrameCounter();
        DetectorTap tap = DetectorTap.start(ep, List.of(counter), found::add, clock);
        assertThrows(IllegalStateException.class, () -> DetectorTap.start(ep, List.of(counter), found::add, clock));
        tap.stop();
        assertNull(ep.sink);
        clock.advanceBy(2000 * MS);
        assertEquals(0, counter.frames);
        assertFalse(tap.frames() > 0);
    }
}
