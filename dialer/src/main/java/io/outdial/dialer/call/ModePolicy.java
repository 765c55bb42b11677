package io.outdial.dialer.call;

import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.CampaignPlan;
import io.outdial.dialer.config.DialingMode;
import java.time.Instant;
import java.util.Set;

/**
 * One dialing mode ({@link ProgressiveMode}, {@link PredictiveDialing}, {@link EngagedDialing}, the push-preview desk,
 * {@link AgentPulledPreview}): what a pass does, what an answered contact gets, what an ended call does. Each policy
 * declares the {@link DialingMode}s it serves ({@link #dialingModes}), and the engaged one also every plan that
 * engages its agent first ({@link #engagesAgentsFirst}); {@link ModePolicies} keys them by mode and refuses a mode
 * with no owner or two. The dialer's one pacing loop ({@link Dialing#pace}) takes the policies in their registration
 * order and hands each the campaigns whose plan chooses it: first {@link #beforeCampaigns}, then {@link #pace} per
 * campaign.
 *
 * <p>A paced mode's calls are all observed by the one {@link CallMilestones}, which hops each milestone to the dialer
 * executor, finds the call's {@link PacedCall} in {@link Assignments} and asks the policy that placed it
 * ({@link PacedCall#policy}): {@link #answered}, {@link #ended}, and the few mode-own milestones below. What is the
 * same in every mode (holds from the phone, a detection's metrics and verdict, reaping) it does itself. Push preview
 * and preview place no paced call (the preview desk observes its own calls), so they are never asked: those
 * questions are no-ops by default. What a transfer does is the call's {@link Assignments.Handover}. Adding a mode is
 * one class implementing this, registered once in {@link Dialing}. Dialer executor only.
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

    /**
     * A contact of one of this mode's calls answered, as far as {@code answer} (in the order of
     * {@link ContactAnswer}): progressive rings and then bridges its agent, predictive counts the live answer and
     * gives it an agent or a wait, engaged lets the contact take the agent already on the line.
     *
     * @param call    this mode's call the contact is on (its own contact call, or an engaged agent's line)
     * @param contact the contact's call
     * @param at      when the contact's call reported it (on its own executor)
     */
    default void answered(PacedCall call, CampaignCall contact, ContactAnswer answer, Instant at) {
    }

    /**
     * A contact call of this mode is over (both legs gone, told once): out of the registry, its outcome to pacing
     * and to the after-call path, and the next pass.
     *
     * @param call    this mode's call the contact was on (its own contact call, or an engaged agent's line)
     * @param contact the contact's call, which ended
     */
    default void ended(PacedCall call, CampaignCall contact, CallOutcome outcome) {
    }

    /**
     * The contact's leg is over at {@code at} while the call may still wait for the agent's leg (progressive: the
     * contact's wait for its agent ends here, not at the call's end).
     */
    default void contactGone(PacedCall call, Instant at) {
    }

    /** The analysis said {@code contact} is a machine (its interaction was told): out of the pacing of live answers. */
    default void machine(PacedCall call, CampaignCall contact) {
    }

    /** An engaged agent's line: the agent answered and hears the music, its first contact may be dialed. */
    default void lineEngaged(PacedCall line) {
    }

    /** An engaged agent's line is over (after its last contact call ended), for {@code end}. */
    default void lineEnded(PacedCall line, EngagingCall.End end) {
    }
}
