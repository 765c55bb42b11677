/**
 * The desks that serve an agent or a sweep outside a call's own flow: {@link io.outdial.dialer.desk.WrapUp} (Mark
 * Done's writes: contact history, do-not-call wishes, callbacks), {@link io.outdial.dialer.desk.Dispositions} (a
 * campaign's disposition codes), {@link io.outdial.dialer.desk.RecordDesk} (Record Information edits, contact
 * history and numbers) and {@link io.outdial.dialer.desk.CallbackSweep} (due personal callbacks whose agent is
 * absent). Called on the dialer executor; store work runs on the database pool and replies come back on the dialer
 * executor. They sit above the model packages ({@code agent}, {@code wrapup}, {@code recordinfo}), which is why they
 * left them (ADR 0010).
 */
package io.outdial.dialer.desk;
