/**
 * Campaign calls and the dialing modes that place them. The calls: {@link io.outdial.dialer.call.TwoLegCall} (the
 * skeleton of every two-leg call: legs, result, reaper, side calls; its single-leg part, {@code CallSteps} and
 * {@code CallLeg}, is every call's), {@link io.outdial.dialer.call.CampaignCall}
 * (contact first, then the agent's phone, bridged; phases in {@link io.outdial.dialer.call.CallPhase}),
 * {@link io.outdial.dialer.call.EngagingCall} (one leg on the single-leg part: the agent first, then contacts while the
 * agent hears music; phases in {@link io.outdial.dialer.call.EngagingPhase}), their
 * {@link io.outdial.dialer.call.ContactAnalysis}, and the side calls ({@link io.outdial.dialer.call.SideCalls} over {@code SideLegs}: hold,
 * {@link io.outdial.dialer.call.Transfer}, {@link io.outdial.dialer.call.Consultation},
 * {@link io.outdial.dialer.call.Conference}); each call runs on its own serial {@code CallExecutor}. The modes, on the
 * {@code dialer} executor, each a {@link io.outdial.dialer.call.ModePolicy} run by the one pacing loop of
 * {@link io.outdial.dialer.call.Dialing} (which builds them and is the gateway's dialing entry point):
 * {@link io.outdial.dialer.call.ProgressiveMode}, {@link io.outdial.dialer.call.PredictiveDialing} and
 * {@link io.outdial.dialer.call.EngagedDialing} (assured connection, ASM), fed by
 * {@link io.outdial.dialer.call.Pacing}; every mode's live calls, each with its mode's own state of it
 * ({@code ProgressiveCall}, {@code PredictiveDial}, {@code EngagedContact}, an engaged agent's {@code Engagement}, the
 * preview desk's {@code PreviewSessions.SessionCall}), are
 * in the one registry, {@link io.outdial.dialer.call.Assignments}; {@link io.outdial.dialer.call.AfterCall} is the
 * after-call work of every mode (the preview desk's too, through an {@code AfterCall.Owner}) and
 * {@link io.outdial.dialer.call.RecordWrites} their retried writes on the database pool. The paced modes take what they
 * use: the dialer executor (its scheduler is the clock), the metrics, {@link io.outdial.dialer.call.CallPlacement} (how
 * calls are placed) and {@link io.outdial.dialer.call.ModeRecords} (where their records come from, how each becomes an
 * interaction, their writes). See docs/dialer-internals.md.
 */
package io.outdial.dialer.call;
