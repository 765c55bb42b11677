package io.outdial.dialer.call;

import io.outdial.dialer.campaign.CampaignPlan;

/**
 * The pacing behaviours a campaign's plan chooses from, in the order a pacing pass runs them. Preview campaigns are
 * not paced: their agents ask for records.
 */
public enum PacedMode {
    /** One contact per Ready agent. */
    PROGRESSIVE,
    /** Contacts dialed ahead of free agents, paced to the abandonment limit. */
    PREDICTIVE,
    /** Assured connection and ASM: the agent engaged first, contacts dialed for it. */
    ENGAGED,
    /** Push preview and direct push preview: records pushed to the agents' desktops. */
    PUSH_PREVIEW;

    /** The pacing behaviour of {@code plan}, or null for preview (nothing is paced). */
    public static PacedMode of(CampaignPlan plan) {
        if (plan.engagesAgentFirst()) {
            return ENGAGED;
        }
        return switch (plan.dialingMode()) {
            case PROGRESSIVE -> PROGRESSIVE;
            case PREDICTIVE -> PREDICTIVE;
            case ASSURED_CONNECTION -> ENGAGED;
            case PUSH_PREVIEW, DIRECT_PUSH_PREVIEW -> PUSH_PREVIEW;
            case PREVIEW -> null;
        };
    }
}
