package io.outdial.dialer.call;

import io.outdial.dialer.campaign.Campaign;

/**
 * A paced mode's own state of one of its calls as the registry holds it ({@link Assignments}): a progressive call, a
 * predictive dial, an engaged agent's call (with the contacts on it). What {@link Dialing} needs to drop a campaign's
 * calls, or every call, in one pass over the registry, whatever mode placed them. Dialer executor only.
 */
interface PacedCall {
    /** The campaign the call was placed for. */
    Campaign campaign();

    /** Hangs the call up whatever its phase (an engaged agent's call hangs up its contacts too). */
    void drop();
}
