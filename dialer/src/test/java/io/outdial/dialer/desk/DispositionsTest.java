package io.outdial.dialer.desk;

import io.outdial.dialer.wrapup.Disposition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispositionsTest {
    private final Dispositions dispositions = new Dispositions(null,
            Map.of("spring", List.of("Accepted", "Rejected", "Transferred"), "bare", List.of()));

    @Test
    void aCodeFromTheCampaignsListIsKeptWithTheFlagAndNote() {
        assertEquals(new Disposition("Accepted", true, "call after six"),
                dispositions.check("spring", " Accepted ", true, "call after six"));
        assertEquals(Disposition.NONE, dispositions.check("spring", null, null, "  "));
    }

    @Test
    void anUnknownCodeIsRefusedNamingItAndTheList() {
        CtiException e = assertThrows(CtiException.class, () -> dispositions.check("spring", "Maybe", false, null));
        assertEquals("INVALID_DISPOSITION", e.code());
        assertTrue(e.getMessage().contains("'Maybe'") && e.getMessage().contains("Accepted, Rejected, Transferred"),
                e.getMessage());
        CtiException none = assertThrows(CtiException.class, () -> dispositions.check("bare", "Accepted", false, null));
        assertTrue(none.getMessage().contains("it has none"), none.getMessage());
    }

    @Test
    void aNoteLongerThanTheHistoryKeepsIsRefused() {
        CtiException e = assertThrows(CtiException.class,
                () -> dispositions.check("spring", null, false, "x".repeat(Dispositions.MAX_NOTE + 1)));
        assertEquals("INVALID", e.code());
    }
}
