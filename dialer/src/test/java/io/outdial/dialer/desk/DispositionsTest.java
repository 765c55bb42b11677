package io.outdial.dialer.desk;

import io.outdial.dialer.wrapup.Disposition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.CampaignPlan;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.dialer.config.DialingMode;
import io.outdial.dialer.cti.CtiWire;
import io.outdial.dialer.refusal.Refused;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispositionsTest {
    private final Dispositions dispositions = new Dispositions(null, null,
            name -> Map.of("spring", List.of("Accepted", "Rejected", "Transferred"), "bare", List.<String>of())
                    .getOrDefault(name, List.of()));

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

    @Test
    void theCodesAreReadFromTheCampaignItselfAndOutliveItsUnload() {
        Campaigns campaigns = new Campaigns(List.of(CampaignPlan.builder("spring", DialingMode.PROGRESSIVE)
                .agents(List.of("a1")).dispositionCodes(List.of("Accepted", "Rejected")).build()),
                new AgentRoster(List.of()));
        campaigns.lifecycle(new Campaigns.Lifecycle() {
            @Override
            public void started(Campaign campaign) {
            }

            @Override
            public void unloaded(Campaign campaign) {
            }
        });
        Dispositions own = new Dispositions(null, null, campaigns::dispositionCodes);
        assertEquals(List.of("Accepted", "Rejected"), own.codes("spring"));
        assertEquals(List.of(), own.codes("autumn"), "no campaign by that name has no codes");
        campaigns.apply("spring", CampaignAction.LOAD);
        campaigns.apply("spring", CampaignAction.UNLOAD);
        assertEquals(new Disposition("Rejected", false, null), own.check("spring", "Rejected", false, null),
                "an unloaded campaign keeps its codes, as the map by name did");
        assertThrows(Refused.class, () -> own.check("spring", "Transferred", false, null));
    }
}
