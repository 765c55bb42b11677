package io.outdial.dialer.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatsHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private static StatsSample at(long seconds, double dialed) {
        return new StatsSample(T0.plusSeconds(seconds), 0, dialed, 0, 0, 0, 0, 0, null);
    }

    @Test
    void keepsOnlyTheLastHour() {
        StatsHistory h = new StatsHistory(Duration.ofHours(1));
        for (int s = 0; s <= 7200; s += 5) {
            h.add(at(s, s));
        }
        assertEquals(721, h.samples().size(), "an hour of 5 s samples, both ends included");
        assertEquals(T0.plusSeconds(3600), h.samples().get(0).at());
        assertEquals(T0.plusSeconds(7200), h.samples().get(720).at());
    }

    @Test
    void dialRateIsTheIncreaseOverTheLastMinute() {
        StatsHistory h = new StatsHistory(Duration.ofHours(1));
        assertEquals(0, h.dialsPerMinute(T0, 5), "no sample yet");
        h.add(at(0, 0));
        assertEquals(3, h.dialsPerMinute(T0.plusSeconds(20), 3), 1e-9, "first minute: what was dialed so far");
        for (int s = 5; s <= 120; s += 5) {
            h.add(at(s, s / 5 * 2)); // 2 dials every 5 s = 24 a minute
        }
        assertEquals(24, h.dialsPerMinute(T0.plusSeconds(120), 48), 1e-9);
        assertEquals(0, h.dialsPerMinute(T0.plusSeconds(120), 10), 1e-9, "a counter never goes back");
    }

    @Test
    void aSpanMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new StatsHistory(Duration.ZERO));
    }
}
