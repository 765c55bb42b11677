package io.outdial.dialer.call;

import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.CampaignPlan;
import io.outdial.dialer.config.DialingMode;
import java.time.Instant;
import java.util.Set;

/**
 * What one dialing mode does in a pacing pass ({@link ProgressiveMode}, {@link PredictiveDialing},
 * {@link EngagedDialing}, the push-preview desk, {@link AgentPulledPreview}). Each policy declares the
 * {@link DialingMode}s it serves ({@link #dialingModes}), and the engaged one also every plan that engages its agent
 * first ({@link #engagesAgentsFirst}); {@link ModePolicies} keys them by mode and refuses a mode with no owner or two.
 * The dialer's one pacing loop ({@link Dialing#pace}) takes the policies in their registration order and hands each
 * the campaigns whose plan chooses it: first {@link #beforeCampaigns}, then {@link #pace} per campaign. What an
 * answered contact and an ended call get is the mode's own, on its calls' observers; what a transfer does is its
 * {@link Assignments.Handover}. Adding a mode is one class implementing this, registered once in {@link Dialing}.
 * Dialer executor only.
 */
public interface ModePolicy {

    /** How soon a mode looks at an exhausted list again (records may fall due, or come back to Ready). */
    java.time.Duration LIST_RECHECK = java.time.Duration.ofSeconds(5);

    /** The dialing modes this policy serves (their campaigns, unless they engage their agents first). */
    Set<DialingMode> dialingModes();

    /** True for the one policy that serves every plan engaging its agent first (ASM), whatever its mode. */
    default boolean engagesAgentsFirst() {
        return false;
    }

    /** Whether {@code plan}'s campaign is this policy's: by its mode, or by engaging its agent first. */
    default boolean chooses(CampaignPlan plan) {
        return plan.engagesAgentFirst() ? engagesAgentsFirst() : dialingModes().contains(plan.dialingMode());
    }

    /** Once per pass, before this mode's campaigns (predictive: the agents' states synced, waiting answers served). */
    default void beforeCampaigns(Instant now) {
    }

    /**
     * One campaign of this mode: dial what the mode decides now. The mode checks the campaign itself (running, list
     * not exhausted, trunk registered) and keeps its figures up to date when it dials nothing.
     */
    void pace(Campaign campaign, Instant now);
}
