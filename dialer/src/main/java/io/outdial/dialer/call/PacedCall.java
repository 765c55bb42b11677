package io.outdial.dialer.call;

import io.outdial.dialer.campaign.Campaign;

/**
 * A paced mode's own state of one of its calls as the registry holds it ({@link Assignments}): a progressive call, a
 * predictive dial, an engaged agent's call (with the contacts on it). What {@link Dialing} needs to drop a campaign's
 * calls, or every call, in one pass over the registry, whatever mode placed them: the campaign, and the hang-up of the
 * mode's call, given once by each mode instead of written out in each. Dialer executor only.
 */
abstract class PacedCall {
    /** The campaign the call was placed for. */
    final Campaign campaign;
    private final Runnable hangUp;

    /** @param hangUp hangs the mode's call up whatever its phase (read when {@link #drop} is called) */
    PacedCall(Campaign campaign, Runnable hangUp) {
        this.campaign = campaign;
        this.hangUp = hangUp;
    }

    /** The campaign the call was placed for. */
    final Campaign campaign() {
        return campaign;
    }

    /** Hangs the call up whatever its phase (an engaged agent's call hangs up its contacts too). */
    final void drop() {
        hangUp.run();
    }
}
