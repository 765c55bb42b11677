package io.outdial.dialer.wrapup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiException;
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
        CtiException e = assertThrows(CtiException.class,
                () -> Callbacks.schedule("2026-11-21T09:59", "America/New_York", NOW, true, "ann", null, null));
        assertEquals("INVALID_CALLBACK", e.code());
        assertTrue(e.getMessage().contains("in the past") && e.getMessage().contains("America/New_York")
                && e.getMessage().contains("2026-11-21T10:00"), e.getMessage());
        assertThrows(CtiException.class,
                () -> Callbacks.schedule("2026-11-21T10:00", "America/New_York", NOW, true, "ann", null, null));
    }

    @Test
    void anOffsetTimeIsTakenAsWrittenAndGarbageIsRefused() {
        assertEquals(Instant.parse("2026-11-21T15:00:01Z"), Callbacks.schedule("2026-11-21T15:00:01Z", "Asia/Tokyo",
                NOW, false, "ann", null, null).at());
        CtiException e = assertThrows(CtiException.class,
                () -> Callbacks.schedule("tomorrow", "UTC", NOW, false, "ann", null, null));
        assertTrue(e.getMessage().contains("'tomorrow'"), e.getMessage());
    }

    @Test
    void aPersonalCallbackOnANewNumberKeepsItsType() {
        Callback cb = Callbacks.schedule("2026-11-22T09:00", "UTC", NOW, true, "ann", "(200) 555-0199", "mobile");
        assertEquals(RecordType.PERSONAL_CALLBACK, cb.type());
        assertEquals("2005550199", cb.phone());
        assertEquals("Mobile", cb.phoneType());
        assertThrows(CtiException.class,
                () -> Callbacks.schedule("2026-11-22T09:00", "UTC", NOW, true, "ann", "call me", null));
        assertThrows(CtiException.class,
                () -> Callbacks.schedule("2026-11-22T09:00", "UTC", NOW, true, "ann", "2005550199", "Carrier pigeon"));
    }

    @Test
    void aCallbackWhoseTimeHasPassedBlocksMarkDone() {
        Callback cb = Callbacks.schedule("2026-11-21T15:00:05Z", "UTC", NOW, false, "ann", null, null);
        assertNull(Callbacks.problemAt(cb, NOW));
        assertTrue(Callbacks.problemAt(cb, NOW.plusSeconds(5)).contains("has passed"));
        assertNull(Callbacks.problemAt(null, NOW));
    }
}
