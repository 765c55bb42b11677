/**
 * What an agent records at the end of an interaction besides its call result, for every dialing mode:
 * {@link io.outdial.dialer.wrapup.WrapUp} at Mark Done writes contact history and do-not-call wishes
 * ({@link io.outdial.dialer.wrapup.Dispositions}) and applies a {@link io.outdial.dialer.wrapup.Callback} checked by
 * {@link io.outdial.dialer.wrapup.Callbacks} against the campaign's {@link io.outdial.dialer.wrapup.CallbackRules};
 * {@link io.outdial.dialer.wrapup.CallbackSweep} periodically settles due personal callbacks whose agent is absent.
 * Checks are pure (the caller passes now); the sweep runs on the dialer executor with store work on the database pool.
 */
package io.outdial.dialer.wrapup;
