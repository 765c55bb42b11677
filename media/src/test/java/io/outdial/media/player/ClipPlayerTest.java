package io.outdial.media.player;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClipPlayerTest {

    private static final long FRAME = TimeUnit.MILLISECONDS.toNanos(20);

    private final List<Long> sentAt = new ArrayList<>();
    private final List<Integer> sentIndex = new ArrayList<>();

    private static MediaClip clipOf(int frames) {
        short[] samples = new short[frames * 160];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (1000 * Math.sin(i * 0.3));
        }
        return MediaClip.fromPcm("test", samples);
    }

    private ClipPlayer player(MediaClip clip, VirtualClock clock, ClipPlayer.Mode mode) {
        return new ClipPlayer(clip, frame -> {
            sentAt.add(clock.nanoTime());
            sentIndex.add(frame.index());
        }, clock, mode);
    }

    @Test
    void tenMinutesOfLoopedMusicDoNotDriftDespiteLateTimers() {
        VirtualClock clock = new VirtualClock(TimeUnit.MILLISECONDS.toNanos(3));
        long start = clock.nanoTime();
        player(clipOf(250), clock, ClipPlayer.Mode.LOOP).start();
        clock.advanceTo(start + TimeUnit.MINUTES.toNanos(10));

        assertEquals(30_000, sentAt.size(), 1);
        long worst = 0;
        for (int n = 0; n < sentAt.size(); n++) {
            long offset = sentAt.get(n) - (start + n * FRAME);
            assertTrue(offset >= 0, "frame " + n + " sent early");
            worst = Math.max(worst, offset);
        }
        // each frame is at most one timer's lateness behind its due time, the 30,000th as the first
        assertTrue(worst <= TimeUnit.MILLISECONDS.toNanos(3), "worst lateness " + worst + " ns");
        assertEquals(29_999 % 250, sentIndex.get(29_999));
    }

    @Test
    void firstFrameGoesOutWithinAHundredMillisecondsOfTheRequest() {
        VirtualClock clock = new VirtualClock(TimeUnit.MILLISECONDS.toNanos(10));
        long requested = clock.nanoTime();
        player(clipOf(10), clock, ClipPlayer.Mode.LOOP).start();
        clock.advanceBy(TimeUnit.MILLISECONDS.toNanos(100));
        assertFalse(sentAt.isEmpty());
        assertTrue(sentAt.get(0) - requested <= TimeUnit.MILLISECONDS.toNanos(100));
        assertEquals(0, sentIndex.get(0));
    }

    @Test
    void loopStartsOverAtTheFirstFrame() {
        VirtualClock clock = new VirtualClock(0);
        player(clipOf(3), clock, ClipPlayer.Mode.LOOP).start();
        clock.advanceBy(7 * FRAME);
        assertEquals(List.of(0, 1, 2, 0, 1, 2, 0, 1), sentIndex);
    }

    @Test
    void onceSendsEveryFrameThenFinishes() {
        VirtualClock clock = new VirtualClock(0);
        CompletableFuture<Void> finished = player(clipOf(5), clock, ClipPlayer.Mode.ONCE).start();
        clock.advanceBy(4 * FRAME);
        assertFalse(finished.isDone(), "the last frame is still playing");
        clock.advanceBy(FRAME);
        assertTrue(finished.isDone());
        clock.advanceBy(10 * FRAME);
        assertEquals(List.of(0, 1, 2, 3, 4), sentIndex);
    }

    @Test
    void stopEndsTheStreamAndCompletesTheFuture() {
        VirtualClock clock = new VirtualClock(0);
        ClipPlayer player = player(clipOf(50), clock, ClipPlayer.Mode.LOOP);
        CompletableFuture<Void> finished = player.start();
        clock.advanceBy(9 * FRAME);
        player.stop();
        clock.advanceBy(100 * FRAME);
        assertEquals(10, sentIndex.size());
        assertTrue(finished.isDone());
    }

    @Test
    void longStallSkipsOldFramesInsteadOfBurstingThem() {
        VirtualClock clock = new VirtualClock(0);
        long start = clock.nanoTime();
        ClipPlayer player = player(clipOf(1000), clock, ClipPlayer.Mode.LOOP);
        player.start();
        clock.advanceBy(FRAME / 2);
        int before = sentAt.size();
        clock.stall(TimeUnit.MILLISECONDS.toNanos(300));
        clock.advanceBy(1);
        int burst = sentAt.size() - before;
        assertEquals(ClipPlayer.MAX_BURST, burst);
        assertTrue(player.framesSkipped() > 0);
        clock.advanceBy(TimeUnit.SECONDS.toNanos(1));
        // back on the original grid: the latest frame sent is the one due now
        long last = sentAt.get(sentAt.size() - 1);
        assertEquals(0, (last - start) % FRAME);
    }
}
