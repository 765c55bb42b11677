package io.outdial.sip.ua.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalSummaryTest {
    private static final long SECOND = 1_000_000_000L;

    private final List<String> lines = new ArrayList<>();
    private final RefusalSummary summary = new RefusalSummary(lines::add, 0);

    @Test
    void aFloodWithinOneMinuteWritesNothingUntilTheMinuteEnds() {
        for (int i = 0; i < 20_000; i++) {
            summary.count(i % 4 == 0 ? Refusal.RATE_LIMITED : Refusal.MALFORMED, i * (SECOND / 1000) / 2);
        }
        assertEquals(List.of(), lines, "10 s of flood, no line yet");
        assertEquals(15_000, summary.current(Refusal.MALFORMED));

        summary.flush(60 * SECOND);

        assertEquals(List.of("SIP input refused and stack warnings in the last 60 s: 15000 malformed, "
                + "5000 rate-limited"), lines);
        assertEquals(0, summary.current(Refusal.MALFORMED), "a new window starts empty");
    }

    @Test
    void oneLinePerMinuteAtMostAndNoneForAQuietMinute() {
        summary.count(Refusal.MISSING_HEADER, 0);
        summary.count(Refusal.MISSING_HEADER, 59 * SECOND);
        summary.count(Refusal.STACK_ERROR, 61 * SECOND); // closes the first window, counts in the second
        summary.flush(100 * SECOND);
        summary.flush(121 * SECOND);
        summary.flush(200 * SECOND);
        summary.flush(400 * SECOND);

        assertEquals(List.of("SIP input refused and stack warnings in the last 61 s: 2 missing-header",
                "SIP input refused and stack warnings in the last 60 s: 1 stack-error"), lines);
    }

    @Test
    void detailsAreCutAndOnlyPrintable() {
        String hostile = "INVITE \u0000\u001b[2J\r\n" + "x".repeat(70_000);
        String shown = RefusalSummary.printable(hostile);
        assertEquals(RefusalSummary.DETAIL_LIMIT + 3, shown.length());
        assertTrue(shown.startsWith("INVITE ..[2J..xxx"), shown);
        assertTrue(shown.chars().allMatch(c -> c >= 0x20 && c < 0x7f), shown);
        assertEquals("", RefusalSummary.printable(null));
    }
}
