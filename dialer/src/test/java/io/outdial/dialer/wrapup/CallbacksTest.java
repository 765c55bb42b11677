package io.outdial.dialer.wrapup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.cti.CtiWire;
import io.outdial.dialer.refusal.Refused;
import io.outdial.dialer.record.RecordType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallbacksTest {
    private static final Instant NOW = Instant.parse("2026-11-21T15:00:00Z"); // 10:00 in New York

    @Test
    void theTimeIsReadInTheContactsTimeZone() {
        Callback cb = Callbacks.schedule("2026-11-21T16:30", "America/New_York", NOW, false, "ann", null, null);
        assertEquals(Instant.parse("2026-11-21T21:30:00Z"), cb.at());
        assertEquals(RecordType.CAMPAIGN_CALLBACK, cb.type());
        assertNull(cb.phone());
    }

    @Test
    void aTimeInThePastOfTheContactIsRefusedSayingSo() {
        // 09:59 in New York is 14:59 UTC: one minute ago.
        Refused e = assertThrows(Refused.class,
                () -> Callbacks.schedule("2026-11-21T09:59", "America/New_York", NOW, true, "ann", null, null));
        assertEquals("INVALID_CALLBACK", CtiWire.code(e.why()));
        assertTrue(e.getMessage().contains("in the past") && e.getMessage().contains("America/New_York")
                && e.getMessage().contains("2026-11-21T10:00"), e.getMessage());
        assertThrows(Refused.class,
                () -> Callbacks.schedule("2026-11-21T10:00", "America/New_York", NOW, true, "ann", null, null));
    }

    @Test
    void anOffsetTimeIsTakenAsWrittenAndGarbageIsRefused() {
        assertEquals(Instant.parse("2026-11-21T15:00:01Z"), Callbacks.schedule("2026-11-21T15:00:01Z", "Asia/Tokyo",
                NOW, false, "ann", null, null).at());
        Refused e = assertThrows(Refused.class,
                () -> Callbacks.schedule("tomorrow", "UTC", NOW, false, "ann", null, null));
        assertTrue(e.getMessage().contains("'tomorrow'"), e.getMessage());
    }

    @Test
    void aPersonalCallbackOnANewNumberKeepsItsType() {
        Callback cb = Callbacks.schedule("2026-11-22T09:00", "UTC", NOW, true, "ann", "(200) 555-0199", "mobile");
        assertEquals(RecordType.PERSONAL_CALLBACK, cb.type());
        assertEquals("2005550199", cb.phone());
        assertEquals("Mobile", cb.phoneType());
        assertThrows(Refused.class,
                () -> Callbacks.schedule("2026-11-22T09:00", "UTC", NOW, true, "ann", "call me", null));
        assertThrows(Refused.class,
                () -> Callbacks.schedule("2026-11-22T09:00", "UTC", NOW, true, "ann", "2005550199", "Carrier pigeon"));
    }

    @Test
    void aCallbackWhoseTimeHasPassedBlocksMarkDone() {
        Callback cb = Callbacks.schedule("2026-11-21T15:00:05Z", "UTC", NOW, false, "ann", null, null);
        assertNull(Callbacks.problemAt(cb, NOW));
        assertTrue(Callbacks.problemAt(cb, NOW.plusSeconds(5)).contains("has passed"));
        assertNull(Callbacks.problemAt(null, NOW));
    }

    @Test
    void aNewCallingWindowIsReadAsLocalTimesAndMustHoldTheCallback() {
        Callback cb = Callbacks.schedule("2026-11-21T16:30", "America/New_York", NOW, false, "ann", null, null,
                "09:00", "24:00");
        assertEquals(9 * 3600, cb.dailyFrom());
        assertEquals(86_400, cb.dailyTill());
        assertNull(Callbacks.schedule("2026-11-21T16:30", "America/New_York", NOW, false, "ann", null, null,
                "", null).dailyFrom(), "no window: the record keeps its own");
        for (String[] bad : new String[][] {{"09:00", null}, {"18:00", "09:00"}, {"nine", "17:00"},
                {"17:00", "20:00"}}) {
            Refused e = assertThrows(Refused.class, () -> Callbacks.schedule("2026-11-21T16:30",
                    "America/New_York", NOW, false, "ann", null, null, bad[0], bad[1]), String.join("-", bad));
            assertEquals("INVALID_CALLBACK", CtiWire.code(e.why()));
            assertTrue(e.getMessage().startsWith("callback window") || e.getMessage().contains("outside its window"),
                    e.getMessage());
        }
    }
}
