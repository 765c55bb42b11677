package io.outdial.dialer.call;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.campaign.Campaign;
import java.util.Objects;

/**
 * A paced mode's own state of one of its calls as the registry holds it ({@link Assignments}): a progressive call, a
 * predictive dial, an engaged agent's call (with the contacts on it). What {@link Dialing} needs to drop a campaign's
 * calls, or every call, in one pass over the registry, whatever mode placed them: the campaign, and the hang-up of the
 * mode's call, given once by each mode instead of written out in each. What the call's milestones need whatever its
 * mode ({@link CallMilestones}): the policy that placed it (asked what an answered contact gets and what an ended call
 * does), the agent and the interaction its desktop shows (holds from the phone), and the interaction a contact's
 * detection is told. Dialer executor only.
 */
abstract class PacedCall {
    /** The campaign the call was placed for. */
    final Campaign campaign;
    private final ModePolicy policy;
    private final Runnable hangUp;

    /**
     * @param policy the mode that placed the call: its milestones are that policy's questions
     * @param hangUp hangs the mode's call up whatever its phase (read when {@link #drop} is called)
     */
    PacedCall(Campaign campaign, ModePolicy policy, Runnable hangUp) {
        this.campaign = campaign;
        this.policy = Objects.requireNonNull(policy);
        this.hangUp = hangUp;
    }

    /** The campaign the call was placed for. */
    final Campaign campaign() {
        return campaign;
    }

    /** The mode that placed the call, the one asked about its milestones. */
    final ModePolicy policy() {
        return policy;
    }

    /** Hangs the call up whatever its phase (an engaged agent's call hangs up its contacts too). */
    final void drop() {
        hangUp.run();
    }

    /** The agent on the call (the transfer target's once handed on); null while there is none. */
    abstract Agent agent();

    /** The interaction {@link #agent}'s desktop shows for this call (a hold from the phone is reported on it). */
    abstract Interaction shown();

    /**
     * The interaction told a detection on {@code contact}'s audio; null if {@code contact} is no longer this call's.
     * The shown one, unless the call carries several contacts (an engaged agent's).
     */
    Interaction interactionOf(CampaignCall contact) {
        return shown();
    }
}
