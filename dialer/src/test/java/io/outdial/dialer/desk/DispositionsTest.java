package io.outdial.dialer.desk;

import io.outdial.dialer.wrapup.Disposition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.cti.CtiWire;
import io.outdial.dialer.refusal.Refused;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispositionsTest {
    private final Dispositions dispositions = new Dispositions(null, null,
            Map.of("spring", List.of("Accepted", "Rejected", "Transferred"), "bare", List.of()));

    @Test
    void aCodeFromTheCampaignsListIsKeptWithTheFlagAndNote() {
        assertEquals(new Disposition("Accepted", true, "call after six"),
                dispositions.check("spring", " Accepted ", true, "call after six"));
        assertEquals(Disposition.NONE, dispositions.check("spring", null, null, "  "));
    }

    @Test
    void anUnknownCodeIsRefusedNamingItAndTheList() {
        Refused e = assertThrows(Refused.class, () -> dispositions.check("spring", "Maybe", false, null));
        assertEquals("INVALID_DISPOSITION", CtiWire.code(e.why()));
        assertTrue(e.getMessage().contains("'Maybe'") && e.getMessage().contains("Accepted, Rejected, Transferred"),
                e.getMessage());
        Refused none = assertThrows(Refused.class, () -> dispositions.check("bare", "Accepted", false, null));
        assertTrue(none.getMessage().contains("it has none"), none.getMessage());
    }

    @Test
    void aNoteLongerThanTheHistoryKeepsIsRefused() {
        Refused e = assertThrows(Refused.class,
                () -> dispositions.check("spring", null, false, "x".repeat(Dispositions.MAX_NOTE + 1)));
        assertEquals("INVALID", CtiWire.code(e.why()));
    }
}
