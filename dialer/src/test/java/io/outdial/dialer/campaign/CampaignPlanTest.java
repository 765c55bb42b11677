package io.outdial.dialer.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.outdial.dialer.config.DetectionSettings;
import io.outdial.dialer.config.DialingMode;
import io.outdial.dialer.config.PreviewSettings;
import io.outdial.dialer.pacing.PacingSettings;
import io.outdial.dialer.recordinfo.RecordFields;
import io.outdial.dialer.wrapup.CallbackRules;
import io.outdial.dialer.wrapup.MarkDoneMode;
import io.outdial.dialer.wrapup.RecordWork;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A campaign carries its own sections: the services read them from the campaign, not from maps by name. */
class CampaignPlanTest {

    @Test
    void aCampaignWithoutSectionsHasTheDefaults() {
        CampaignPlan plan = new CampaignPlan("c", "", DialingMode.PROGRESSIVE, List.of("a1"), 3, null, false, false,
                DetectionSettings.DEFAULTS, PacingSettings.predictive());
        assertEquals(PreviewSettings.defaults(), plan.preview());
        assertSame(RecordWork.defaults(), plan.work());
        assertEquals(RecordWork.none().of("c"), plan.work(), "the same defaults as a campaign RecordWork lacks");
    }

    @Test
    void aCampaignCarriesItsPreviewAndRecordWork() {
        PreviewSettings preview = new PreviewSettings(true, Duration.ofSeconds(12), true, null, false);
        RecordWork.Rules work = new RecordWork.Rules(new RecordFields(List.of()), CallbackRules.defaults(),
                MarkDoneMode.ON_DISPOSITION, true, false);
        Campaign campaign = new Campaign(new CampaignPlan("c", "", DialingMode.PROGRESSIVE, List.of("a1"), 3, null,
                false, false, DetectionSettings.DEFAULTS, PacingSettings.predictive(), false, List.of(), preview,
                work));
        assertSame(preview, campaign.plan().preview());
        assertSame(work, campaign.plan().work());
    }
}
