package io.outdial.dialer.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.config.CallerId;
import io.outdial.dialer.config.DialingMode;
import io.outdial.dialer.config.DetectionSettings;
import io.outdial.dialer.config.DncSettings;
import io.outdial.dialer.config.PreviewSettings;
import io.outdial.dialer.config.RecordingPolicy;
import io.outdial.dialer.pacing.PacingSettings;
import io.outdial.dialer.recordinfo.RecordFields;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.treatment.CampaignTreatments;
import io.outdial.dialer.treatment.Treatment;
import io.outdial.dialer.treatment.Treatments;
import io.outdial.dialer.trunk.TrunkChoice;
import io.outdial.dialer.wrapup.CallbackRules;
import io.outdial.dialer.wrapup.MarkDoneMode;
import io.outdial.dialer.wrapup.RecordWork;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A campaign carries its own sections: the services read them from the campaign, not from maps by name. */
class CampaignPlanTest {

    /** Loads the campaign and unloads it again, with no services behind the registry. */
    private static void loadAndUnload(Campaigns campaigns, String name) {
        campaigns.lifecycle(new Campaigns.Lifecycle() {
            @Override
            public void started(Campaign campaign) {
            }

            @Override
            public void unloaded(Campaign campaign) {
            }
        });
        campaigns.apply(name, CampaignAction.LOAD);
        campaigns.apply(name, CampaignAction.UNLOAD);
    }

    @Test
    void aCampaignWithoutSectionsHasTheDefaults() {
        CampaignPlan plan = CampaignPlan.builder("c", DialingMode.PROGRESSIVE).agents(List.of("a1")).build();
        assertEquals(PreviewSettings.defaults(), plan.preview());
        assertSame(RecordWork.defaults(), plan.work());
        assertEquals(RecordWork.defaults(), plan.work(), "the same defaults as a campaign RecordWork lacks");
    }

    @Test
    void aPlanBuiltWithNothingSetHasWhatTheShortConstructorsGave() {
        CampaignPlan plan = CampaignPlan.builder("c", DialingMode.PREVIEW).build();
        assertEquals("", plan.description());
        assertEquals(List.of(), plan.agentIds());
        assertEquals(3, plan.maxAttempts(), "the campaign section's default");
        assertNull(plan.callingList());
        assertFalse(plan.autoLoad());
        assertFalse(plan.autoStart());
        assertSame(DetectionSettings.DEFAULTS, plan.detection());
        assertEquals(PacingSettings.predictive(), plan.pacing());
        assertFalse(plan.engageAgentFirst(), "without ASM");
        assertEquals(List.of(), plan.callerIds(), "offering no caller ids");
        assertEquals(List.of(), plan.dispositionCodes());
        assertSame(Treatments.NONE, plan.treatments());
        assertNull(plan.trunk(), "through the default trunk");
        assertSame(RecordingPolicy.NONE, plan.recording(), "recording none of its calls");
    }

    @Test
    void aCampaignCarriesItsPreviewAndRecordWork() {
        PreviewSettings preview = new PreviewSettings(true, Duration.ofSeconds(12), true, null, false);
        RecordWork.Rules work = new RecordWork.Rules(new RecordFields(List.of()), CallbackRules.defaults(),
                MarkDoneMode.ON_DISPOSITION, true, false);
        Campaign campaign = new Campaign(CampaignPlan.builder("c", DialingMode.PROGRESSIVE).agents(List.of("a1"))
                .preview(preview).work(work).build());
        assertSame(preview, campaign.plan().preview());
        assertSame(work, campaign.plan().work());
    }

    @Test
    void theCampaignNameFindsTheCampaignsOwnRecordWork() {
        RecordWork.Rules work = new RecordWork.Rules(new RecordFields(List.of()), CallbackRules.defaults(),
                MarkDoneMode.ON_END, true, false);
        Campaigns campaigns = new Campaigns(List.of(CampaignPlan.builder("c", DialingMode.PROGRESSIVE)
                .agents(List.of("a1")).work(work).build()), new AgentRoster(List.of()));
        assertSame(work, campaigns.work("c"), "what CTI wrap-up and transfers read by the interaction's campaign");
        loadAndUnload(campaigns, "c");
        assertSame(work, campaigns.work("c"), "an unloaded campaign keeps its rules, as the map by name did");
        assertSame(RecordWork.defaults(), campaigns.work("none"), "no campaign by that name: the defaults");
    }

    @Test
    void theCampaignNameFindsTheCampaignsOwnTreatmentsAndAttemptLimit() {
        Treatments treatments = new Treatments(List.of(Treatment.cancel(CallResult.WRONG_NUMBER)));
        Campaigns campaigns = new Campaigns(List.of(CampaignPlan.builder("c", DialingMode.PROGRESSIVE)
                .agents(List.of("a1")).maxAttempts(3).treatments(treatments).build()), new AgentRoster(List.of()));
        CampaignTreatments own = new CampaignTreatments(campaigns::treatments, campaigns::maxAttempts);
        assertSame(treatments, campaigns.treatments("c"));
        assertEquals(3, campaigns.maxAttempts("c"));
        assertTrue(own.has("c", CallResult.WRONG_NUMBER));
        assertFalse(own.has("c", CallResult.BUSY));
        assertSame(Treatments.NONE, campaigns.treatments("none"), "no campaign by that name: no treatments");
        assertEquals(1, campaigns.maxAttempts("none"), "and one attempt, as the maps by name gave");
        assertFalse(own.has("none", CallResult.WRONG_NUMBER));
    }

    @Test
    void theCampaignNameFindsTheCampaignsOwnDoNotCallValidation() {
        DncSettings dnc = new DncSettings("account", java.net.URI.create("http://dnc.example/check"),
                Duration.ofSeconds(1), DncSettings.OnUnavailable.DIAL);
        Campaigns campaigns = new Campaigns(List.of(CampaignPlan.builder("c", DialingMode.PROGRESSIVE)
                .agents(List.of("a1")).dnc(dnc).build()), new AgentRoster(List.of()));
        assertSame(dnc, campaigns.dnc("c"), "what RecordSource checks a record of the campaign with");
        assertEquals(DncSettings.defaults(), campaigns.dnc("none"), "no campaign by that name: the defaults");
        assertEquals(DncSettings.defaults(), CampaignPlan.builder("d", DialingMode.PROGRESSIVE).maxAttempts(1).build()
                .dnc());
    }

    @Test
    void theCampaignNameFindsTheCampaignsOwnTrunkChoice() {
        List<CallerId> ids = List.of(new CallerId("18005550111", "Sales"));
        Campaigns campaigns = new Campaigns(List.of(CampaignPlan.builder("c", DialingMode.PROGRESSIVE)
                .agents(List.of("a1")).callerIds(ids).trunk("carrier-b").build()), new AgentRoster(List.of()));
        TrunkChoice choice = new TrunkChoice("carrier-b", ids);
        assertEquals(choice, campaigns.trunk("c"), "what a transfer out dials through, by the interaction's campaign");
        loadAndUnload(campaigns, "c");
        assertEquals(choice, campaigns.trunk("c"), "an unloaded campaign keeps its trunk, as the map by name did");
        assertSame(TrunkChoice.DEFAULT, campaigns.trunk("none"), "no campaign by that name: the default trunk");
        assertEquals(new TrunkChoice(null, ids), CampaignPlan.builder("d", DialingMode.PROGRESSIVE).maxAttempts(1)
                .callerIds(ids).build().trunkChoice(), "a plan naming no trunk: the default one, with its caller ids");
    }
}
