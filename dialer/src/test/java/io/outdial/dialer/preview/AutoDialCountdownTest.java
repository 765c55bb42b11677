package io.outdial.dialer.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.core.exec.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The timed auto-dial countdown of a preview record, in virtual time. */
class AutoDialCountdownTest {
    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-03-01T09:00:00Z"));
    private final AtomicInteger dials = new AtomicInteger();
    private final AutoDialCountdown countdown = new AutoDialCountdown(clock, Duration.ofMillis(9_500),
            dials::incrementAndGet);

    @Test
    void dialsOnceWhenTheCountdownEnds() {
        countdown.restart();
        assertEquals(10, countdown.seconds());
        clock.advance(Duration.ofMillis(9_499));
        assertEquals(0, dials.get());
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, dials.get());
        assertEquals(AutoDialState.FIRED, countdown.state());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, dials.get());
        assertTrue(countdown.pause().contains("fired"));
        countdown.cancel();
        assertEquals(AutoDialState.FIRED, countdown.state());
    }

    @Test
    void pauseHoldsTheDialAndChangeNumberStartsTheFullCountdownAgain() {
        countdown.restart();
        clock.advance(Duration.ofSeconds(9));
        assertNull(countdown.pause());
        assertNull(countdown.pause(), "pausing twice is harmless");
        assertEquals(AutoDialState.PAUSED, countdown.state());
        clock.advance(Duration.ofMinutes(10));
        assertEquals(0, dials.get());
        assertEquals(0, clock.pending());
        countdown.restart();
        clock.advance(Duration.ofSeconds(9));
        assertEquals(0, dials.get(), "the countdown starts from the top after ChangeNumber");
        clock.advance(Duration.ofMillis(500));
        assertEquals(1, dials.get());
    }

    @Test
    void callOrDeclineBeforeTheEndCancelsIt() {
        countdown.restart();
        clock.advance(Duration.ofSeconds(3));
        countdown.cancel();
        assertEquals(AutoDialState.CANCELLED, countdown.state());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, dials.get());
        assertEquals(0, clock.pending());
        assertThrows(IllegalStateException.class, countdown::restart);
        assertTrue(countdown.pause().contains("cancelled"));
    }

    @Test
    void aPausedCountdownCanBeCancelledButNotFired() {
        assertTrue(countdown.pause().contains("not running"));
        countdown.restart();
        countdown.pause();
        assertTrue(AutoDialState.PAUSED.canMoveTo(AutoDialState.CANCELLED));
        assertTrue(!AutoDialState.PAUSED.canMoveTo(AutoDialState.FIRED));
        countdown.cancel();
        assertEquals(AutoDialState.CANCELLED, countdown.state());
    }
}
