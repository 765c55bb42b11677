package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session timer's clock in virtual time. */
class SessionTimerTest {
    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    private final CallExecutor executor = new CallExecutor("st", Runnable::run, clock);
    private final List<String> done = new ArrayList<>();
    private final SessionTimer timer = new SessionTimer(executor, new SessionTimer.Actions() {
        @Override
        public void refresh(Duration interval) {
            done.add("refresh " + interval.toSeconds() + " at " + elapsed());
        }

        @Override
        public void expire() {
            done.add("BYE at " + elapsed());
        }
    });
    private final Instant start = clock.now();

    private long elapsed() {
        return Duration.between(start, clock.now()).toSeconds();
    }

    @Test
    void theNonRefresherEndsTheSessionAThirdBeforeItsEndAndAtMost32SecondsBefore() {
        assertEquals(Duration.ofSeconds(60), SessionTimer.expiresAfter(Duration.ofSeconds(90)));
        assertEquals(Duration.ofSeconds(1768), SessionTimer.expiresAfter(Duration.ofMinutes(30)));
        assertEquals(Duration.ofSeconds(900), SessionTimer.refreshAfter(Duration.ofMinutes(30)));
    }

    @Test
    void asRefresherWeRefreshAtHalfTheIntervalAndEachAnsweredRefreshRestartsTheClock() {
        timer.agreed(Duration.ofSeconds(90), true);
        clock.advance(Duration.ofSeconds(44));
        assertEquals(List.of(), done);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("refresh 90 at 45"), done);
        assertEquals(SessionTimer.Phase.REFRESHING, timer.phase());

        timer.agreed(Duration.ofSeconds(120), true); // the refresh's 2xx, with a longer interval
        clock.advance(Duration.ofSeconds(60));
        assertEquals(List.of("refresh 90 at 45", "refresh 120 at 105"), done);
    }

    @Test
    void aFailedRefreshIsTriedAgainAnEighthLaterAndWhenNoneSucceedsTheSessionEndsWithBye() {
        timer.agreed(Duration.ofSeconds(96), true);
        clock.advance(Duration.ofSeconds(48));
        timer.refreshFailed();
        clock.advance(Duration.ofSeconds(12));
        timer.refreshFailed();
        clock.advance(Duration.ofSeconds(4));
        assertEquals(List.of("refresh 96 at 48", "refresh 96 at 60", "BYE at 64"), done,
                "the second retry (72 s) is past the expiry (96 - 32 = 64 s)");
        assertEquals(SessionTimer.Phase.EXPIRED, timer.phase());
        clock.advance(Duration.ofMinutes(10));
        assertEquals(3, done.size(), "nothing after the end");
    }

    @Test
    void whenTheFarEndRefreshesEachOfItsRefreshesPostponesOurBye() {
        timer.agreed(Duration.ofSeconds(90), false);
        clock.advance(Duration.ofSeconds(59));
        timer.agreed(Duration.ofSeconds(90), false); // their re-INVITE, answered
        clock.advance(Duration.ofSeconds(59));
        assertEquals(List.of(), done, "no refresh of ours, no BYE yet");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("BYE at 119"), done);
    }

    @Test
    void aStoppedTimerNeitherRefreshesNorExpires() {
        timer.agreed(Duration.ofSeconds(90), true);
        timer.stop();
        clock.advance(Duration.ofHours(1));
        assertEquals(List.of(), done);
        assertEquals(0, clock.pending());
        assertEquals(Duration.ZERO, timer.interval());
    }
}
