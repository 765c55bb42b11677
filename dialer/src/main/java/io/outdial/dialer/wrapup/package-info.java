/**
 * The model of what an agent records at the end of an interaction besides its call result, for every dialing mode:
 * a {@link io.outdial.dialer.wrapup.Disposition}, a {@link io.outdial.dialer.wrapup.Callback} checked by
 * {@link io.outdial.dialer.wrapup.Callbacks} against the campaign's {@link io.outdial.dialer.wrapup.CallbackRules},
 * and each campaign's {@link io.outdial.dialer.wrapup.RecordWork} rules. Pure (the caller passes now); the desks that
 * act on it ({@code WrapUp}, {@code Dispositions}, {@code CallbackSweep}) are in {@code desk}.
 */
package io.outdial.dialer.wrapup;
