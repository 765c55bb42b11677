package io.outdial.media.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.outdial.media.Codec;
import io.outdial.media.RtpPeer;
import io.outdial.media.codec.G711;
import io.outdial.media.player.VirtualClock;
import io.outdial.media.rtp.RtpHeader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StereoRecorderTest {

    private static final long FRAME = StereoRecorder.FRAME_NANOS;
    private static final RtpPeer PEER = new RtpPeer(new InetSocketAddress("127.0.0.1", 4000), Codec.PCMU, 0, 101);

    @TempDir
    Path dir;

    /** 20 ms of a sine at {@code frequency}, frame {@code n} of a continuous tone, as a PCMU packet. */
    private static ByteBuf tone(int n, double frequency, int payloadType) {
        ByteBuf p = Unpooled.buffer(RtpHeader.FIXED_LENGTH + 160);
        p.writeByte(RtpHeader.VERSION << 6).writeByte(payloadType).writeShort(n).writeInt(n * 160).writeInt(7);
        for (int i = 0; i < 160; i++) {
            double t = (n * 160 + i) / 8000.0;
            p.writeByte(G711.linearToUlaw((int) (8000 * Math.sin(2 * Math.PI * frequency * t))));
        }
        return p;
    }

    private final VirtualClock clock = new VirtualClock(2_000_000L);
    private final List<PacketMonitor> detached = new ArrayList<>();

    private StereoRecorder recorder(RecordingOutput output) {
        return StereoRecorder.start(() -> PEER, clock, Runnable::run, output, detached::add);
    }

    /** Both sides talk for {@code frames} frames: the contact at 440 Hz, the agent at 1 kHz. */
    private void talk(StereoRecorder recorder, int from, int frames) {
        for (int n = from; n < from + frames; n++) {
            recorder.received(tone(n, 440, 0));
            recorder.sent(tone(n, 1000, 0));
            clock.advanceBy(FRAME);
        }
    }

    @Test
    void contactIsOnTheLeftAgentOnTheRightAndAPausedSpanIsSilenceOfItsLength() throws Exception {
        RecordingWriter writer = new RecordingWriter(8, Runnable::run);
        Path file = dir.resolve("c/2026/rec.wav");
        RecordingOutput output = writer.open(file, e -> { });
        StereoRecorder recorder = recorder(output);
        talk(recorder, 0, 100);          // 0-2 s
        recorder.pause();
        talk(recorder, 100, 50);         // 2-3 s: a card number, never written
        recorder.resume();
        talk(recorder, 150, 100);        // 3-5 s
        recorder.received(tone(250, 101, 101)); // a telephone-event is not audio
        RecordingSummary summary = recorder.stop().get(5, java.util.concurrent.TimeUnit.SECONDS);

        assertFalse(summary.failed(), () -> "written: " + summary.failure());
        assertEquals(0, summary.framesLost());
        assertTrue(summary.frames() >= 248 && summary.frames() <= 251, "5 s of ticks: " + summary.frames());
        assertEquals(1, detached.size(), "the recorder stops watching the endpoint");
        assertFalse(Files.exists(file.resolveSibling("rec.wav.part")), "the partial file was moved into place");
        StereoWav wav = StereoWav.read(file);
        assertEquals(summary.duration().toMillis(), wav.millis());
        assertTrue(StereoWav.toneShare(wav.left(), 200, 1900, 440) > 0.8, "440 Hz on the left");
        assertTrue(StereoWav.toneShare(wav.left(), 200, 1900, 1000) < 0.05, "no 1 kHz on the left");
        assertTrue(StereoWav.toneShare(wav.right(), 200, 1900, 1000) > 0.8, "1 kHz on the right");
        assertTrue(StereoWav.toneShare(wav.right(), 3200, 4900, 1000) > 0.8, "the right after the pause");
        assertEquals(0, StereoWav.rms(wav.left(), 2100, 2900), "paused: silence on the left");
        assertEquals(0, StereoWav.rms(wav.right(), 2100, 2900), "paused: silence on the right");
        assertEquals(8, writer.freeChunks(), "every chunk is back in the pool");
    }

    @Test
    void mutedSpanIsSilentAndAResumeDoesNotLiftTheMute() throws Exception {
        RecordingWriter writer = new RecordingWriter(4, Runnable::run);
        Path file = dir.resolve("held.wav");
        StereoRecorder recorder = recorder(writer.open(file, e -> { }));
        talk(recorder, 0, 50);
        recorder.mute(true);
        recorder.resume();
        talk(recorder, 50, 50);
        recorder.mute(false);
        talk(recorder, 100, 50);
        recorder.stop().get(5, java.util.concurrent.TimeUnit.SECONDS);
        StereoWav wav = StereoWav.read(file);
        assertEquals(0, StereoWav.rms(wav.right(), 1100, 1900), "hold music is not recorded");
        assertTrue(StereoWav.toneShare(wav.right(), 2200, 2900, 1000) > 0.8, "the agent after the hold");
    }

    @Test
    void aDryPoolLosesFramesWithoutWaiting() throws Exception {
        List<Runnable> parked = new ArrayList<>();
        RecordingWriter writer = new RecordingWriter(2, parked::add); // the disk never gets to it
        StereoRecorder recorder = recorder(writer.open(dir.resolve("slow.wav"), e -> { }));
        talk(recorder, 0, 200); // 4 s: two chunks fill the pool, the rest has nowhere to go
        assertEquals(0, writer.freeChunks());
        assertTrue(recorder.frames() == 100, "two chunks written: " + recorder.frames());
        java.util.concurrent.CompletableFuture<RecordingSummary> stopped = recorder.stop();
        while (!parked.isEmpty()) {
            parked.remove(0).run(); // the disk catches up
        }
        RecordingSummary summary = stopped.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(summary.framesLost() >= 98, "lost frames counted: " + summary.framesLost());
    }

    @Test
    void anUnwritableDirectoryFailsTheRecordingNotTheCaller() throws Exception {
        Files.writeString(dir.resolve("blocked"), "a file where the directory should be");
        AtomicReference<Throwable> heard = new AtomicReference<>();
        RecordingWriter writer = new RecordingWriter(4, Runnable::run);
        StereoRecorder recorder = recorder(writer.open(dir.resolve("blocked/rec.wav"), heard::set));
        talk(recorder, 0, 120);
        RecordingSummary summary = recorder.stop().get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(summary.failed());
        assertNotNull(heard.get(), "the failure is reported as it happens");
        assertEquals(1, writer.failures());
        assertEquals(4, writer.freeChunks(), "chunks of a failed file go back to the pool");
    }

    @Test
    void headerOfAnEmptyFileIsValid() throws IOException {
        Path file = dir.resolve("empty.wav");
        Files.write(file, RecordingOutput.header(0).array());
        assertEquals(0, StereoWav.read(file).millis());
    }
}
