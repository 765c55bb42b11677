package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.outdial.dialer.campaign.CampaignPlan;
import io.outdial.dialer.config.DetectionSettings;
import io.outdial.dialer.config.DialingMode;
import io.outdial.dialer.pacing.PacingSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which pacing policy each campaign plan chooses: the one place the pacing loop decides by mode. */
class PacedModeTest {

    private static CampaignPlan plan(DialingMode mode, boolean engageAgentFirst) {
        return new CampaignPlan("c", "", mode, List.of("a1"), 3, null, false, false, DetectionSettings.DEFAULTS,
                PacingSettings.predictive(), engageAgentFirst);
    }

    @Test
    void everyDialingModeHasItsPolicyAndPreviewNone() {
        assertNull(PacedMode.of(plan(DialingMode.PREVIEW, false)), "preview agents ask for their records");
        assertEquals(PacedMode.PUSH_PREVIEW, PacedMode.of(plan(DialingMode.PUSH_PREVIEW, false)));
        assertEquals(PacedMode.PUSH_PREVIEW, PacedMode.of(plan(DialingMode.DIRECT_PUSH_PREVIEW, false)));
        assertEquals(PacedMode.PROGRESSIVE, PacedMode.of(plan(DialingMode.PROGRESSIVE, false)));
        assertEquals(PacedMode.PREDICTIVE, PacedMode.of(plan(DialingMode.PREDICTIVE, false)));
        assertEquals(PacedMode.ENGAGED, PacedMode.of(plan(DialingMode.ASSURED_CONNECTION, false)));
    }

    @Test
    void anAgentEngagedFirstIsTheEngagedPolicyWhateverTheMode() {
        assertEquals(PacedMode.ENGAGED, PacedMode.of(plan(DialingMode.PROGRESSIVE, true)), "ASM over progressive");
        assertEquals(PacedMode.ENGAGED, PacedMode.of(plan(DialingMode.PREDICTIVE, true)), "ASM over predictive");
    }
}
