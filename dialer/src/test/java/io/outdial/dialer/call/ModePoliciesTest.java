package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.CampaignPlan;
import io.outdial.dialer.config.DialingMode;
import io.outdial.dialer.preview.PushPreviewDesk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which policy each campaign plan chooses: the one place the pacing loop decides by mode. Every dialing mode has
 * exactly one owner (preview's is {@link AgentPulledPreview}: nothing paced), agent-first plans are the engaged
 * policy's whatever their mode, and a registry with a mode unowned or owned twice is refused.
 */
class ModePoliciesTest {

    private final DialerUnderTest gw = new DialerUnderTest(
            """
              - { id: ann, secret: s3cret, phone: "sip:ann@127.0.0.1:5081" }
            """,
            """
              - { name: prog, dialingMode: progressive, agents: [ann], autoLoad: false, autoStart: false }
            """);

    @AfterEach
    void close() {
        gw.close();
    }

    private static CampaignPlan plan(DialingMode mode, boolean engageAgentFirst) {
        return CampaignPlan.builder("c", mode).agents(List.of("a1")).engageAgentFirst(engageAgentFirst).build();
    }

    private ModePolicy policyOf(DialingMode mode, boolean engageAgentFirst) {
        return gw.dialer.dialing().policyOf(plan(mode, engageAgentFirst));
    }

    @Test
    void everyDialingModeHasItsPolicyAndPreviewThePulledOne() {
        assertInstanceOf(AgentPulledPreview.class, policyOf(DialingMode.PREVIEW, false),
                "preview agents ask for their records");
        assertInstanceOf(PushPreviewDesk.class, policyOf(DialingMode.PUSH_PREVIEW, false));
        assertInstanceOf(PushPreviewDesk.class, policyOf(DialingMode.DIRECT_PUSH_PREVIEW, false));
        assertInstanceOf(ProgressiveMode.class, policyOf(DialingMode.PROGRESSIVE, false));
        assertInstanceOf(PredictiveDialing.class, policyOf(DialingMode.PREDICTIVE, false));
        assertInstanceOf(EngagedDialing.class, policyOf(DialingMode.ASSURED_CONNECTION, false));
    }

    @Test
    void anAgentEngagedFirstIsTheEngagedPolicyWhateverTheMode() {
        assertInstanceOf(EngagedDialing.class, policyOf(DialingMode.PROGRESSIVE, true), "ASM over progressive");
        assertInstanceOf(EngagedDialing.class, policyOf(DialingMode.PREDICTIVE, true), "ASM over predictive");
    }

    @Test
    void everyDialingModeHasExactlyOneOwnerThatChoosesItsPlans() {
        for (DialingMode mode : DialingMode.values()) {
            ModePolicy owner = policyOf(mode, false);
            assertTrue(owner.chooses(plan(mode, false)), mode + " chosen by its owner " + owner);
            List<ModePolicy> others = new ArrayList<>();
            for (DialingMode other : DialingMode.values()) {
                ModePolicy p = policyOf(other, false);
                if (p != owner && p.chooses(plan(mode, false))) {
                    others.add(p);
                }
            }
            assertEquals(List.of(), others, mode + " has one owner");
        }
    }

    /** A stand-in policy serving {@code modes}. */
    private record Serving(Set<DialingMode> dialingModes, boolean engagesAgentsFirst) implements ModePolicy {
        @Override
        public void pace(Campaign campaign, Instant now) {
        }
    }

    private static final Serving PACED = new Serving(Set.of(DialingMode.PUSH_PREVIEW, DialingMode.DIRECT_PUSH_PREVIEW,
            DialingMode.PROGRESSIVE, DialingMode.PREDICTIVE, DialingMode.ASSURED_CONNECTION), true);

    @Test
    void aDialingModeWithNoPolicyFailsTheStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModePolicies.of(List.of(PACED)));
        assertTrue(e.getMessage().contains("PREVIEW has no policy"), e.getMessage());
    }

    @Test
    void aDialingModeWithTwoPoliciesFailsTheStart() {
        Serving preview = new Serving(Set.of(DialingMode.PREVIEW, DialingMode.PREDICTIVE), false);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ModePolicies.of(List.of(PACED, preview)));
        assertTrue(e.getMessage().contains("PREDICTIVE has two policies"), e.getMessage());
    }

    @Test
    void agentFirstPlansNeedExactlyOnePolicy() {
        Serving noAgentFirst = new Serving(PACED.dialingModes(), false);
        Serving preview = new Serving(Set.of(DialingMode.PREVIEW), false);
        assertThrows(IllegalStateException.class, () -> ModePolicies.of(List.of(noAgentFirst, preview)));
        Serving secondAgentFirst = new Serving(Set.of(DialingMode.PREVIEW), true);
        assertThrows(IllegalStateException.class, () -> ModePolicies.of(List.of(PACED, secondAgentFirst)));
        ModePolicies ok = ModePolicies.of(List.of(PACED, preview));
        assertSame(PACED, ok.policyOf(plan(DialingMode.PREVIEW, true)));
        assertSame(preview, ok.policyOf(DialingMode.PREVIEW));
    }
}
