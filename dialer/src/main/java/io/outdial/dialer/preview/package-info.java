/**
 * The preview modes, where the agent sees the record before its contact is dialed.
 * {@link io.outdial.dialer.preview.PreviewDesk} is preview (pull: Get Record, Call or Decline, Done), placing a
 * {@link io.outdial.dialer.preview.PreviewCall} (agent's phone first, then the contact; own serial executor);
 * {@link io.outdial.dialer.preview.PreviewSessions} holds each record in hand
 * ({@link io.outdial.dialer.preview.PreviewSession}: the desk's own state of the agent's holding, kept as that holding's
 * session in the registry, {@code Assignments.openSession}, not in a map of its own; a record before Call has no call)
 * and is their owner on the after-call path every mode shares ({@link io.outdial.dialer.call.AfterCall}); their calls,
 * also once a transfer handed them on, are entries of the one registry ({@link io.outdial.dialer.call.Assignments},
 * {@code addPreview}), which also answers "no call up" for every mode;
 * {@link io.outdial.dialer.preview.PushPreviewDesk} pushes records (push and direct push preview);
 * {@link io.outdial.dialer.preview.InteractionPreviews} runs every Accept / Reject offer
 * ({@link io.outdial.dialer.preview.InteractionOffer}) of push preview and of progressive's and predictive's interaction
 * preview ({@link io.outdial.dialer.preview.ProgressivePreview}, {@link io.outdial.dialer.preview.PredictivePreview}),
 * each open offer kept as the state of its agent's holding in the registry ({@code Assignments.offer}), not in a map
 * of its own;
 * {@link io.outdial.dialer.preview.NumberChanges} handles ChangeNumber and Recall. Desks run on the {@code dialer}
 * executor; countdowns are pure logic on a {@code Scheduler}, so they run in virtual time under test.
 */
package io.outdial.dialer.preview;
