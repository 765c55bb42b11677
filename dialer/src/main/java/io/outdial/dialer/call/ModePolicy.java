package io.outdial.dialer.call;

import io.outdial.dialer.campaign.Campaign;
import java.time.Instant;

/**
 * What one dialing mode does in a pacing pass ({@link ProgressiveMode}, {@link PredictiveDialing},
 * {@link EngagedDialing}, the push-preview desk). The dialer's one pacing loop ({@link Dialing#pace}) takes the
 * policies in a fixed order and hands each the campaigns whose plan chooses it ({@link PacedMode#of}): first
 * {@link #beforeCampaigns}, then {@link #pace} per campaign. What an answered contact and an ended call get is the
 * mode's own, on its calls' observers; what a transfer does is its {@link Assignments.Handover}. Adding a mode is
 * adding a {@link PacedMode} constant and one class implementing this (built by {@link Dialing}). Dialer executor
 * only.
 */
public interface ModePolicy {

    /** How soon a mode looks at an exhausted list again (records may fall due, or come back to Ready). */
    java.time.Duration LIST_RECHECK = java.time.Duration.ofSeconds(5);

    /** Once per pass, before this mode's campaigns (predictive: the agents' states synced, waiting answers served). */
    default void beforeCampaigns(Instant now) {
    }

    /**
     * One campaign of this mode: dial what the mode decides now. The mode checks the campaign itself (running, list
     * not exhausted, trunk registered) and keeps its figures up to date when it dials nothing.
     */
    void pace(Campaign campaign, Instant now);
}
